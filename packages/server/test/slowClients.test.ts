import { afterEach, describe, expect, it } from 'vitest';
import type { OffboardServer } from '../src';
import { BASE_PATH, startDemoServer } from './support/demoServer';
import { drip, rawConnection } from './support/http';

const running: OffboardServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

// Deadlines short enough for a test, the checks frequent enough to notice them.
const DEADLINES = { headersTimeoutMs: 400, requestTimeoutMs: 800, timeoutCheckIntervalMs: 100 };

describe('slow clients', () => {
  it('slowloris: a client sending its headers a byte at a time is answered 408 and cut off long before it is done', async () => {
    const { url, server } = await startDemoServer({ server: DEADLINES });
    running.push(server);
    const connection = await rawConnection(url);
    const headers = `GET ${BASE_PATH}/v1/users HTTP/1.1\r\nHost: x\r\n${'X-Slow: drip\r\n'.repeat(20)}\r\n`;
    const sent = await drip(connection, headers, 20);
    expect(sent).toBeLessThan(headers.length);
    expect(connection.received()).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('a body dripping in is cut off by the server’s own request deadline even when the handler would wait longer', async () => {
    const { url, server, bearer, backend } = await startDemoServer({ server: DEADLINES, handler: { timeoutMs: 60_000 } });
    running.push(server);
    const before = backend.snapshot();
    const connection = await rawConnection(url);
    // Padded with JSON whitespace: a byte every 50 ms would take ≈ 12 s to send it all.
    const body = `${JSON.stringify({ fromUserId: 'u-diego', toUserId: 'u-carla' })}${' '.repeat(200)}`;
    connection.socket.write(
      `POST ${BASE_PATH}/v1/tasks/transfer HTTP/1.1\r\nHost: x\r\nAuthorization: ${bearer('u-ana')}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
    );
    const sent = await drip(connection, body, 50);
    expect(sent).toBeLessThan(body.length);
    expect(connection.received()).toMatch(/^HTTP\/1\.1 408 /);
    expect(backend.snapshot()).toEqual(before);
  });

  it('an idle keep-alive connection is closed after the keep-alive timeout', async () => {
    const { url, server } = await startDemoServer({ server: { ...DEADLINES, keepAliveTimeoutMs: 200 } });
    running.push(server);
    const connection = await rawConnection(url);
    connection.socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
    await connection.waitFor(/"status":"ok"\}$/);
    expect(connection.received()).toMatch(/Connection: keep-alive/);
    await connection.closed;
  });
});
