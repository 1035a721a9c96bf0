import { afterEach, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { DEMO_ORGANISATION_ID, demoOrganisation } from '@offboard/core/fixtures';
import { createInMemoryBackend } from '@offboard/core/in-memory';
import { createDemoAuthenticator, createOffboardHandler, type OffboardAnswer } from '@offboard/core/server';
import { createOffboardServer, type OffboardServer } from '../src';
import { BASE_PATH, deferred, startDemoServer, type DemoServer } from './support/demoServer';
import { rawConnection, send } from './support/http';

const running: { server: OffboardServer }[] = [];
async function start(...args: Parameters<typeof startDemoServer>): Promise<DemoServer> {
  const demo = await startDemoServer(...args);
  running.push(demo);
  return demo;
}
afterEach(async () => {
  await Promise.all(running.splice(0).map(({ server }) => server.close()));
});

describe('createOffboardServer', () => {
  it('binds to loopback unless told otherwise', async () => {
    const { server } = await start();
    expect((server.server.address() as AddressInfo).address).toBe('127.0.0.1');
  });

  it('GET /healthz answers 200 { status: "ok" } without credentials, never reaching the handler', async () => {
    let handled = 0;
    const server = createOffboardServer({ port: 0, handler: async () => (handled++, new Response(null, { status: 418 })) });
    running.push({ server });
    const url = await server.listen();
    const health = await send(url, '/healthz');
    expect([health.status, JSON.parse(health.body)]).toEqual([200, { status: 'ok' }]);
    expect((await send(url, '/healthz?probe=liveness')).status).toBe(200);
    expect(handled).toBe(0);
    expect((await send(url, '/healthz/more')).status).toBe(418);
    expect(handled).toBe(1);
  });

  it('a round trip with a bearer token: read, change (with ETag), and the change read back in the audit log', async () => {
    const { url, bearer } = await start();
    const users = await send(url, `${BASE_PATH}/v1/users`, { headers: { Authorization: bearer('u-ana') } });
    expect(users.status).toBe(200);
    expect((JSON.parse(users.body) as { items: { id: string }[] }).items.map((user) => user.id)).toContain('u-elena');
    const change = await send(url, `${BASE_PATH}/v1/users/u-elena/license/deactivate`, {
      method: 'POST',
      headers: { Authorization: bearer('u-ana'), 'Content-Type': 'application/json', 'Idempotency-Key': 'k-round-trip' },
    });
    expect(change.status).toBe(200);
    expect(change.headers.etag).toBe('"2"');
    expect(JSON.parse(change.body)).toMatchObject({ user: { id: 'u-elena', license: { status: 'inactive' } } });
    const audit = JSON.parse((await send(url, `${BASE_PATH}/v1/audit-log?targetId=u-elena`, { headers: { Authorization: bearer('u-ana') } })).body) as { total: number };
    expect(audit.total).toBe(1);
    expect((await send(url, `${BASE_PATH}/v1/users`)).status).toBe(401);
  });

  it('answers over one keep-alive connection request after request, each with Content-Length', async () => {
    const { url, bearer } = await start();
    const connection = await rawConnection(url);
    const get = `GET ${BASE_PATH}/v1/seats HTTP/1.1\r\nHost: x\r\nAuthorization: ${bearer('u-ana')}\r\n\r\n`;
    connection.socket.write(get + get);
    await connection.waitFor(/HTTP\/1\.1 200 [\s\S]*"available":1\}HTTP\/1\.1 200 [\s\S]*"available":1\}$/);
    expect(connection.received().match(/content-length: \d+/gi)).toHaveLength(2);
    expect(connection.received()).not.toMatch(/connection: close/i);
    connection.socket.destroy();
  });

  it('the Offboard handler’s request is a Request: URL resolved as a Request resolves it, repeated headers joined, its body read, clone() undici’s own', async () => {
    const seen = deferred<Record<string, unknown>>();
    const handler = Object.assign(async () => new Response(null, { status: 500 }), {
      answer: async (request: Request) => {
        const copy = request.clone();
        seen.resolve({
          isRequest: request instanceof Request,
          method: request.method,
          url: request.url,
          twice: request.headers.get('X-Twice'),
          body: await request.text(),
          bodyUsed: request.bodyUsed,
          aborted: request.signal.aborted,
          // undici takes its own objects only: the clone is one.
          rebuilt: await new Request(copy, { headers: { 'X-More': '1' } }).text(),
        });
        return { status: 204, headers: {}, body: null };
      },
    });
    const server = createOffboardServer({ handler, port: 0 });
    running.push({ server });
    const url = await server.listen();
    const connection = await rawConnection(url);
    connection.socket.write('POST /a/./b/../c%20d?x=1 HTTP/1.1\r\nHost: evil.example\r\nX-Twice: one\r\nX-Twice: two\r\nContent-Length: 5\r\n\r\nhello');
    await connection.waitFor(/^HTTP\/1\.1 204 /);
    connection.socket.destroy();
    expect(await seen.promise).toEqual({
      isRequest: true,
      method: 'POST',
      url: 'http://localhost/a/c%20d?x=1',
      twice: 'one, two',
      body: 'hello',
      bodyUsed: true,
      aborted: false,
      rebuilt: 'hello',
    });
  });

  it('a request target that is no path, and a method the Fetch standard forbids, are 400s from the bridge', async () => {
    const server = createOffboardServer({ port: 0, handler: async () => new Response('reached') });
    running.push({ server });
    const url = await server.listen();
    for (const line of ['OPTIONS * HTTP/1.1', 'TRACE /api/offboard/v1/users HTTP/1.1']) {
      const connection = await rawConnection(url);
      connection.socket.write(`${line}\r\nHost: x\r\n\r\n`);
      await connection.waitFor(/^HTTP\/1\.1 400 [\s\S]*\r\n\r\n\{"type":"about:blank","title":"Bad Request","status":400\}$/);
      connection.socket.destroy();
    }
  });

  it('a handler that throws answers a bare 500 naming nothing, and onError hears the cause', async () => {
    const heard: unknown[] = [];
    const server = createOffboardServer({
      port: 0,
      handler: async () => {
        throw new Error('connect ECONNREFUSED postgres://offboard:hunter2@db.internal');
      },
      onError: (error) => heard.push(error),
    });
    running.push({ server });
    const answer = await send(await server.listen(), '/anything');
    expect(answer.status).toBe(500);
    expect(answer.body).not.toMatch(/hunter2|postgres|ECONNREFUSED/);
    expect(String(heard[0])).toMatch(/hunter2/);
  });

  it('a client that leaves mid-body is no server failure: the handler answers 400 on body to no one, and no onError hears of it', async () => {
    const backend = createInMemoryBackend({ data: demoOrganisation() });
    const before = backend.snapshot();
    const auth = createDemoAuthenticator();
    const heard: unknown[] = [];
    const handle = createOffboardHandler({ backend, authenticate: auth.authenticate, basePath: BASE_PATH, onError: (error) => heard.push(error) });
    const answered = deferred<OffboardAnswer>();
    const handler = Object.assign((request: Request) => handle(request), {
      answer: (request: Request) => handle.answer(request).then((answer) => (answered.resolve(answer), answer)),
    });
    const server = createOffboardServer({ handler, port: 0, onError: (error) => heard.push(error) });
    running.push({ server });
    const connection = await rawConnection(await server.listen());
    const token = auth.tokenFor({ organisationId: DEMO_ORGANISATION_ID, actorId: 'u-ana' });
    connection.socket.write(
      `POST ${BASE_PATH}/v1/tasks/transfer HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"fromUserId":`,
    );
    // Gone before the other 86 bytes.
    setImmediate(() => connection.socket.destroy());
    const answer = await answered.promise;
    expect([answer.status, (JSON.parse(answer.body!) as { details: { field: string } }).details.field]).toEqual([400, 'body']);
    expect(heard).toEqual([]);
    expect(backend.snapshot()).toEqual(before);
  });

  it('streams a long answer chunk by chunk, whole, and keeps every Set-Cookie header apart', async () => {
    const chunk = new Uint8Array(64 * 1024).fill(0x61);
    const server = createOffboardServer({
      port: 0,
      handler: async () => {
        let sent = 0;
        const body = new ReadableStream<Uint8Array>({
          pull(controller) {
            if (sent++ === 80) controller.close();
            else controller.enqueue(chunk);
          },
        });
        const headers = new Headers({ 'Content-Type': 'text/plain' });
        headers.append('Set-Cookie', 'a=1; HttpOnly');
        headers.append('Set-Cookie', 'b=2; HttpOnly');
        return new Response(body, { headers });
      },
    });
    running.push({ server });
    const answer = await send(await server.listen(), '/stream');
    expect(answer.body.length).toBe(80 * chunk.length);
    expect(answer.headers['transfer-encoding']).toBe('chunked');
    expect(answer.headers['set-cookie']).toEqual(['a=1; HttpOnly', 'b=2; HttpOnly']);
  });
});
