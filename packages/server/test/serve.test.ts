import { once } from 'node:events';
import { request } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { demoOrganisation } from '@offboard/core/fixtures';
import type { Child } from './support/childProcess';
import { rawConnection, send } from './support/http';
import { printedCurl, spawnServe } from './support/serveEntry';

const children: Child[] = [];
function serve(options: Parameters<typeof spawnServe>[0]): Child {
  const child = spawnServe(options);
  children.push(child);
  return child;
}
afterEach(() => {
  for (const child of children.splice(0)) child.process.kill('SIGKILL');
});

type Outcome = 'answered' | 'refused' | 'not taken' | 'truncated';

/**
 * One GET on a fresh connection, classified: answered whole, refused at connect, dropped before
 * the server read it (an accepted connection that was still idle when the listener closed), or
 * truncated: an answer that started and broke off, which must never happen.
 */
function probe(url: string, token: string): Promise<Outcome> {
  return new Promise((resolve) => {
    let started = false;
    const call = request(url, { agent: false, headers: { Authorization: `Bearer ${token}` } }, (response) => {
      started = true;
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve(response.statusCode === 200 && JSON.parse(body).items ? 'answered' : 'truncated'));
      response.on('error', () => resolve('truncated'));
    });
    call.on('error', (error: NodeJS.ErrnoException) => resolve(started ? 'truncated' : error.code === 'ECONNREFUSED' ? 'refused' : 'not taken'));
    call.end();
  });
}

describe('npm run serve', () => {
  it('R15: a scheduled deactivation runs when it comes due with nobody asking, since the server starts the lifecycle worker', async () => {
    const child = serve({});
    await child.waitFor(/Stop with Ctrl-C/);
    const { token, url } = printedCurl(child.stdout(), 'u-ana');
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    const statusOf = async () => (JSON.parse((await send(url, 'users/u-carla', { headers })).body) as { status: string }).status;
    const body = JSON.stringify({ scope: 'user', at: new Date(Date.now() + 1_500).toISOString(), reason: { code: 'left-company' } });
    expect((await send(url, 'users/u-carla/scheduled-deactivations', { method: 'POST', headers, body })).status).toBe(200);
    expect(await statusOf()).toBe('active');
    let status = 'active';
    for (const deadline = Date.now() + 20_000; status === 'active' && Date.now() < deadline; ) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      status = await statusOf();
    }
    expect(status).toBe('inactive');
    child.process.kill('SIGTERM');
    expect(await child.exited).toBe(0);
  });

  it('prints a working token for every fixture user and for svc-directory, and the OpenAPI URL', async () => {
    const child = serve({});
    await child.waitFor(/Stop with Ctrl-C/);
    const banner = child.stdout();
    const openapi = /OpenAPI\s+(\S+)/.exec(banner)![1]!;
    expect(openapi).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/offboard\/openapi\.json$/);
    expect(JSON.parse((await send(openapi, '')).body)).toMatchObject({ openapi: expect.stringMatching(/^3\./) });

    for (const user of demoOrganisation().users) {
      const { token, url } = printedCurl(banner, user.id);
      expect(url).toMatch(/\/api\/offboard\/v1\/users$/);
      // An inactive user's token is theirs, and the rules refuse them (R12: actor-inactive).
      expect((await send(url, '', { headers: { Authorization: `Bearer ${token}` } })).status).toBe(user.status === 'active' ? 200 : 403);
    }
    const service = printedCurl(banner, 'svc-directory');
    expect((await send(service.url, '', { headers: { Authorization: `Bearer ${service.token}` } })).status).toBe(200);
    child.process.kill('SIGTERM');
    expect(await child.exited).toBe(0);
  });

  it('SIGTERM while requests run: the changes in flight complete with 200, no answer is cut short, and the process exits 0', async () => {
    const child = serve({ args: ['--port', '0'], env: { PORT: '8787' } });
    await child.waitFor(/Stop with Ctrl-C/);
    const origin = new URL(/health\s+(\S+)/.exec(child.stdout())![1]!).origin;
    const { token, url: usersUrl } = printedCurl(child.stdout(), 'u-ana');

    // Three changes in flight: Node answers `100 Continue` once it has handed each request to the
    // server, and their bodies follow only after the signal.
    const changes = await Promise.all(
      ['u-elena', 'u-oscar', 'u-hugo'].map(async (userId) => {
        const connection = await rawConnection(new URL(origin));
        connection.socket.write(
          `POST /api/offboard/v1/users/${userId}/license/deactivate HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\n`,
        );
        await connection.waitFor(/^HTTP\/1\.1 100 Continue\r\n\r\n/);
        return connection;
      }),
    );

    // Reads on fresh connections, four at a time, from before the signal until the process is gone.
    const outcomes: Outcome[] = [];
    let running = true;
    void child.exited.then(() => (running = false));
    const readers = Array.from({ length: 4 }, async () => {
      while (running) outcomes.push(await probe(usersUrl, token));
    });
    while (outcomes.length < 20) await new Promise((resolve) => setTimeout(resolve, 10));

    child.process.kill('SIGTERM');
    await child.waitFor(/SIGTERM received/);
    for (const connection of changes) connection.socket.write('{}');
    for (const connection of changes) {
      await connection.closed;
      expect(connection.received()).toMatch(/HTTP\/1\.1 200 OK\r\n[\s\S]*connection: close\r\n[\s\S]*\r\n\r\n\{"user":\{[\s\S]*"license":\{"country":"\w\w","status":"inactive"\}/i);
    }
    expect(await child.exited).toBe(0);
    await Promise.all(readers);
    expect(outcomes.filter((outcome) => outcome === 'truncated')).toEqual([]);
    expect(outcomes.filter((outcome) => outcome === 'answered').length).toBeGreaterThanOrEqual(20);
    expect(outcomes).toContain('refused');
    expect(child.stderr()).toMatch(/offboard: stopped/);
  });

  it('a database it cannot reach stops the start (exit 1) rather than serve memory instead, and its password is never printed', async () => {
    // A port nothing listens on: the one a server just let go of.
    const probe = createServer().listen(0, '127.0.0.1');
    await once(probe, 'listening');
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    const child = serve({ env: { OFFBOARD_DATABASE_URL: `postgres://offboard:hunter2@127.0.0.1:${port}/offboard` } });
    expect(await child.exited).toBe(1);
    expect(child.stderr()).toMatch(/cannot start: .*ECONNREFUSED/);
    expect(child.stdout() + child.stderr()).not.toMatch(/hunter2/);
  });
});
