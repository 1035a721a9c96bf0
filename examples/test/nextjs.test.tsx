// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET, POST } from '../nextjs/app/api/offboard/[...path]/route';
import { SettingsUsers } from '../nextjs/app/settings/users/page';

/**
 * The README's Next.js App Router example, run: the page (server component, given the cookie),
 * its client wrapper in jsdom, and the route handler answering its requests. MSW stands in for
 * the browser and Next's router: it attaches the session cookie, as a same-origin browser does,
 * and hands the request to the route's exported functions.
 */
const server = setupServer(
  http.all('http://localhost:3000/api/offboard/*', ({ request }) => {
    const headers = new Headers(request.headers);
    headers.set('Cookie', 'sid=s-ana');
    const withCookie = new Request(request, { headers });
    return request.method === 'GET' ? GET(withCookie) : POST(withCookie);
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('README, Next.js App Router example', () => {
  it('the page hands plain ids to the client wrapper, which lists the organisation’s users through the route handler', async () => {
    render(<SettingsUsers cookie="s-ana" />);
    const table = await screen.findByRole('table');
    expect((await within(table).findByRole('rowheader', { name: /Diego Rojas/ })).textContent).toMatch(/^Diego Rojas/);
    expect(within(table).getAllByRole('row').length).toBeGreaterThan(10);
  });

  it('without a session the page says to sign in, and the route handler answers 401 to anyone', async () => {
    render(<SettingsUsers cookie={undefined} />);
    expect(screen.getByRole('paragraph').textContent).toBe('Sign in to manage users.');
    const anonymous = await GET(new Request('http://localhost:3000/api/offboard/v1/users'));
    expect(anonymous.status).toBe(401);
  });
});
