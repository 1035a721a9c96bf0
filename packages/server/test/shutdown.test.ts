import { Agent } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { DeactivationArgs, OffboardAdapter } from '@offboard/core';
import { BASE_PATH, deferred, startDemoServer } from './support/demoServer';
import { rawConnection, send } from './support/http';

describe('graceful shutdown: close()', () => {
  it('the change in flight completes with 200 after shutdown began; idle keep-alive connections close; new connections are refused; close() resolves', async () => {
    const started = deferred();
    const gate = deferred();
    const { url, server, backend, bearer } = await startDemoServer({
      wrap: (memory) =>
        ({
          ...memory,
          // The one slow call: it holds the change until the test has begun shutting down.
          deactivateLicense: async (userId: string, ...args: DeactivationArgs) => {
            started.resolve();
            await gate.promise;
            return memory.deactivateLicense(userId, ...args);
          },
        }) as OffboardAdapter,
    });
    const idle = await rawConnection(url);
    idle.socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
    await idle.waitFor(/"status":"ok"/);

    // A keep-alive client: the server, not the client, must be the one to say `Connection: close`.
    const keepAlive = new Agent({ keepAlive: true });
    const inFlight = send(url, `${BASE_PATH}/v1/users/u-elena/license/deactivate`, {
      method: 'POST',
      headers: { Authorization: bearer('u-ana'), 'Content-Type': 'application/json', 'Idempotency-Key': 'k-shutdown' },
      agent: keepAlive,
    });
    await started.promise;
    let closed = false;
    const closing = server.close().then(() => (closed = true));

    await idle.closed;
    await expect(rawConnection(url)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(closed).toBe(false);

    gate.resolve();
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(answer.headers.connection).toBe('close');
    expect(JSON.parse(answer.body)).toMatchObject({ user: { id: 'u-elena', license: { status: 'inactive' } } });
    await closing;
    keepAlive.destroy();
    expect(server.server.listening).toBe(false);
    expect(backend.snapshot().auditLog!.filter((entry) => entry.target.id === 'u-elena')).toHaveLength(1);
  });

  it('a request whose body is still arriving when shutdown begins is read to its end and answered', async () => {
    const { url, server, bearer } = await startDemoServer();
    const connection = await rawConnection(url);
    // Node answers `100 Continue` once it has handed the request to the server: from then on it is in flight.
    connection.socket.write(
      `POST ${BASE_PATH}/v1/users/u-elena/license/deactivate HTTP/1.1\r\nHost: x\r\nAuthorization: ${bearer('u-ana')}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\n`,
    );
    await connection.waitFor(/^HTTP\/1\.1 100 Continue\r\n\r\n/);
    const closing = server.close();
    connection.socket.write('{}');
    await connection.waitFor(/HTTP\/1\.1 200 [\s\S]*connection: close[\s\S]*"license":\{"country":"ES","status":"inactive"\}/i);
    await closing;
  });

  it('a request still running at the grace deadline is cut off, and close() still resolves: a stuck backend cannot hold the process', async () => {
    const started = deferred();
    const { url, server, bearer } = await startDemoServer({
      wrap: (memory) => ({ ...memory, listUsers: () => (started.resolve(), new Promise<never>(() => undefined)) }) as OffboardAdapter,
      handler: { timeoutMs: 60_000 },
      server: { shutdownGraceMs: 200 },
    });
    const stuck = send(url, `${BASE_PATH}/v1/users`, { headers: { Authorization: bearer('u-ana') } });
    await started.promise;
    await server.close();
    await expect(stuck).rejects.toMatchObject({ code: 'ECONNRESET' });
  });
});
