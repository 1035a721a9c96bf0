import fc from 'fast-check';
import { Agent, request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { OffboardServer } from '../src';
import { spawnTs, type Child } from './support/childProcess';
import type { ChildServerMessage } from './support/childServer';
import { BASE_PATH, startDemoServer } from './support/demoServer';
import { ALLOWED_ORIGIN, hostileRequests, type HostileRequest } from './support/hostileRequests';
import { drip, rawConnection } from './support/http';

const MiB = 1024 * 1024;
const running: OffboardServer[] = [];
const children: Child[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) child.process.kill();
  await Promise.all(running.splice(0).map((server) => server.close()));
});

/** The demo server in its own process (support/childServer.ts), and a way to ask it questions. */
async function startChildServer(allowedOrigins: string[] = []) {
  const child = spawnTs(new URL('./support/childServer.ts', import.meta.url), { args: [allowedOrigins.join(',')], ipc: true, nodeArgs: ['--expose-gc'] });
  children.push(child);
  const ask = <T extends ChildServerMessage>(message?: 'reset' | 'peak' | 'snapshot') =>
    new Promise<T>((resolve) => {
      child.process.once('message', (answer) => resolve(answer as T));
      if (message) child.process.send(message);
    });
  const { url, authorizations } = await ask<{ url: string; authorizations: Record<string, string> }>();
  return { url: new URL(url), authorizations, ask };
}

type Outcome = { readonly status: number; readonly body: string } | { readonly error: string };

function sendHostile(agent: Agent, url: URL, hostile: HostileRequest): Promise<Outcome> {
  return new Promise((resolve) => {
    const call = request({ host: url.hostname, port: url.port, method: hostile.method, path: hostile.path, headers: hostile.headers, agent }, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, body }));
      response.on('error', (error) => resolve({ error: String(error) }));
    });
    call.on('error', (error) => resolve({ error: String(error) }));
    call.end(hostile.body);
  });
}

describe('abuse', () => {
  it('a 100 MB chunked upload is answered 413 and cut off, the server’s resident memory growing by less than the body limit + 20 MB', async () => {
    const { url, authorizations, ask } = await startChildServer();
    const { rss: before } = await ask<{ rss: number }>('reset');
    const connection = await rawConnection(url);
    connection.socket.write(
      `POST ${BASE_PATH}/v1/contacts/reassign HTTP/1.1\r\nHost: x\r\nAuthorization: ${authorizations['u-ana']}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`,
    );
    // A client that pushes as fast as the socket takes it, whatever the server answers.
    const piece = Buffer.alloc(64 * 1024, 0x20);
    const frame = Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n')]);
    let sent = 0;
    let open = true;
    void connection.closed.then(() => (open = false));
    while (open && sent < 100 * 1000 * 1000) {
      sent += piece.length;
      if (!connection.socket.write(frame)) await new Promise((resolve) => connection.socket.once('drain', resolve).once('close', resolve));
    }
    await connection.closed;
    const { rss: peak } = await ask<{ rss: number }>('peak');

    expect(connection.received()).toMatch(/^HTTP\/1\.1 413 [\s\S]*connection: close[\s\S]*"code":"VALIDATION_FAILED"/i);
    // What was sent beyond the 1 MiB limit sat in the two sockets' kernel buffers, never in the server.
    expect(sent).toBeLessThan(16 * MiB);
    expect(peak - before).toBeLessThan(1 * MiB + 20 * MiB);
  });

  it('20,000 generated hostile requests: no 5xx, every one that could change something refused, and the organisation exactly as it was', async () => {
    const { url, authorizations, ask } = await startChildServer([ALLOWED_ORIGIN]);
    const snapshot = async () => (await ask<{ snapshot: unknown }>('snapshot')).snapshot;
    const before = await snapshot();
    const bearer = (actorId: string) => authorizations[actorId]!;
    const requests = fc.sample(hostileRequests(bearer), { seed: 20_251_129, numRuns: 20_000 });
    // noDelay: a request's last segment goes out at once instead of waiting on a delayed ACK.
    const agent = new Agent({ keepAlive: true, maxSockets: 16, noDelay: true });
    const outcomes: Outcome[] = new Array(requests.length);
    let next = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < requests.length) {
          const index = next++;
          outcomes[index] = await sendHostile(agent, url, requests[index]!);
        }
      }),
    );
    agent.destroy();

    const described = (index: number) => ({ ...requests[index]!, body: String(requests[index]!.body ?? '').slice(0, 120), outcome: outcomes[index] });
    const indexes = requests.map((_, index) => index);
    const broken = indexes.filter((index) => 'error' in outcomes[index]!);
    const serverErrors = indexes.filter((index) => (outcomes[index] as { status?: number }).status! >= 500);
    const changesLetThrough = indexes.filter((index) => requests[index]!.change && (outcomes[index] as { status?: number }).status! < 400);
    expect(broken.slice(0, 5).map(described)).toEqual([]);
    expect(serverErrors.slice(0, 5).map(described)).toEqual([]);
    expect(changesLetThrough.slice(0, 5).map(described)).toEqual([]);
    expect(await snapshot()).toEqual(before);
    // Every gate was reached: reads that succeed, preflights, and each kind of refusal a defect earns.
    const statuses = new Set(indexes.map((index) => (outcomes[index] as { status: number }).status));
    expect([...statuses].sort()).toEqual([200, 204, 400, 401, 403, 404, 405, 413, 415]);
  }, 60_000); // 13–28 s here, on a 2-core machine busy with other work

  it('a body that arrives too slowly is refused 408 at the handler’s deadline and the connection closed', async () => {
    const timeoutMs = 1_000;
    const { url, server, bearer, backend } = await startDemoServer({ handler: { timeoutMs } });
    running.push(server);
    const before = backend.snapshot();
    const connection = await rawConnection(url);
    // Padded with JSON whitespace: a byte every 50 ms would take ≈ 14 s to send it all.
    const body = `${JSON.stringify({ fromOwnerId: 'u-marta', toUserIds: ['u-carla', 'u-elena', 'u-oscar'] })}${' '.repeat(200)}`;
    connection.socket.write(
      `POST ${BASE_PATH}/v1/contacts/reassign HTTP/1.1\r\nHost: x\r\nAuthorization: ${bearer('u-ana')}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
    );
    const sent = await drip(connection, body, 50);
    // Cut off part-way at the deadline; asserted by bytes sent, not by a wall-clock bound a busy machine could break.
    expect(sent).toBeLessThan(body.length);
    expect(connection.received()).toMatch(/^HTTP\/1\.1 408 [\s\S]*connection: close[\s\S]*"field":"body"/i);
    expect(backend.snapshot()).toEqual(before);
  });
});
