import { DEMO_ACTOR_ID, DEMO_ORGANISATION_ID, demoOrganisation } from '@offboard/core/fixtures';
import { createInMemoryBackend } from '@offboard/core/in-memory';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ManageLicenseDialog } from '../components/ManageLicenseDialog/ManageLicenseDialog';
import { UsersScreen } from '../components/UsersScreen/UsersScreen';
import { OffboardProvider } from './OffboardProvider';

const data = demoOrganisation();
const provider = { currentUserId: DEMO_ACTOR_ID, organisationId: DEMO_ORGANISATION_ID } as const;
const offboardQueries = (client: QueryClient) => client.getQueryCache().findAll({ queryKey: ['offboard'] }).length;

describe('OffboardProvider', () => {
  it('shares the host’s QueryClient from the QueryClientProvider above it, rather than hiding it', async () => {
    const host = new QueryClient();
    render(
      <QueryClientProvider client={host}>
        <OffboardProvider adapter={createInMemoryBackend({ data })} {...provider}>
          <UsersScreen />
        </OffboardProvider>
      </QueryClientProvider>,
    );
    await screen.findByRole('rowheader', { name: /Ana García/ });
    expect(offboardQueries(host)).toBeGreaterThan(0);
  });

  it('an explicit queryClient wins over the one above', async () => {
    const [host, own] = [new QueryClient(), new QueryClient()];
    render(
      <QueryClientProvider client={host}>
        <OffboardProvider adapter={createInMemoryBackend({ data })} {...provider} queryClient={own}>
          <UsersScreen />
        </OffboardProvider>
      </QueryClientProvider>,
    );
    await screen.findByRole('rowheader', { name: /Ana García/ });
    expect([offboardQueries(host), offboardQueries(own) > 0]).toEqual([0, true]);
  });

  it('CSP: the style tag a dialog injects carries the nonce', async () => {
    const backend = createInMemoryBackend({ data });
    const elena = await backend.getUser('u-elena', { organisationId: DEMO_ORGANISATION_ID, actorId: DEMO_ACTOR_ID });
    render(
      <OffboardProvider adapter={backend} {...provider} nonce="r4nd0m">
        <ManageLicenseDialog user={elena} open onOpenChange={() => {}} />
      </OffboardProvider>,
    );
    await screen.findByRole('dialog');
    await waitFor(() => expect(document.querySelectorAll('style').length).toBeGreaterThan(0));
    const styles = [...document.querySelectorAll('style')];
    expect(styles.every((style) => style.nonce === 'r4nd0m' || style.getAttribute('nonce') === 'r4nd0m')).toBe(true);
  });
});
