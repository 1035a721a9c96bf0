import { describe, expect, it } from 'vitest';
import { DEMO_ORGANISATION_ID, demoOrganisation } from '../../src/fixtures';
import { createInMemoryBackend } from '../../src/inMemory';
import { createDemoAuthenticator, createOffboardHandler, type OffboardHandlerOptions } from '../../src/http/server';

/**
 * The handler's answers detail by detail: what a client, a proxy or a browser reads in a refusal,
 * a 405, a preflight or a streamed body. (The security model and the limits are proven in
 * handler.test.ts and hardening.test.ts; these are the words and headers around them.)
 */
const BASE = 'https://crm.example';

function serve(options: Partial<OffboardHandlerOptions> = {}) {
  const backend = createInMemoryBackend({ data: demoOrganisation() });
  const auth = createDemoAuthenticator();
  const handle = createOffboardHandler({ backend, authenticate: auth.authenticate, basePath: '/api/offboard', ...options });
  const authorization = `Bearer ${auth.tokenFor({ organisationId: DEMO_ORGANISATION_ID, actorId: 'u-ana' })}`;
  const call = async (method: string, path: string, init: { headers?: Record<string, string>; body?: BodyInit } = {}) => {
    const response = await handle(
      new Request(`${BASE}/api/offboard${path}`, { method, headers: { Authorization: authorization, ...init.headers }, ...(init.body === undefined ? {} : { body: init.body, duplex: 'half' }) } as RequestInit),
    );
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
  };
  return { backend, handle, call };
}

const JSON_HEADERS = { 'Content-Type': 'application/json' };

/** A body streamed in the given pieces, without a Content-Length; `pulled()` counts the pieces read. */
function streamed(pieces: readonly Uint8Array[]) {
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (sent >= pieces.length) return controller.close();
        controller.enqueue(pieces[sent++]!);
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, pulled: () => sent };
}

describe('createOffboardHandler: construction', () => {
  it('needs exactly one of backend and backendFor', () => {
    const backend = createInMemoryBackend({ data: demoOrganisation() });
    const authenticate = () => null;
    expect(() => createOffboardHandler({ authenticate })).toThrow(new TypeError('createOffboardHandler needs exactly one of backend and backendFor'));
    expect(() => createOffboardHandler({ backend, backendFor: () => backend, authenticate })).toThrow(TypeError);
  });

  it('a base path given with a trailing slash serves the same paths', async () => {
    const { call } = serve({ basePath: '/api/offboard//' });
    expect((await call('GET', '/v1/users/u-elena')).status).toBe(200);
  });
});

describe('createOffboardHandler: refusals a client reads', () => {
  it('an unknown endpoint is a 404 naming the method and the path', async () => {
    const { call } = serve();
    expect(await call('GET', '/v1/nothing')).toMatchObject({ status: 404, body: { code: 'NOT_FOUND', detail: 'No such endpoint.', details: { method: 'GET', path: '/v1/nothing' } } });
  });

  it('a method the path does not take is a 405 with an Allow header and the methods in words', async () => {
    const { call } = serve();
    const answer = await call('PUT', '/v1/contacts/reassign');
    expect(answer.status).toBe(405);
    expect(answer.headers.get('Allow')).toBe('POST');
    expect(answer.body).toMatchObject({ details: { field: 'method', issues: [{ path: 'method', message: 'must be one of POST' }] } });
    // R1: DELETE on a user is answered (always refused, saying to deactivate), never advertised.
    expect((await call('PUT', '/v1/users/u-elena')).headers.get('Allow')).toBe('GET');
    // Only a 405 names what is allowed.
    expect((await call('GET', '/v1/nothing')).headers.get('Allow')).toBeNull();
  });

  it('the OpenAPI document is a GET only', async () => {
    const { call } = serve();
    expect((await call('POST', '/openapi.json', { headers: JSON_HEADERS })).status).toBe(404);
  });

  it('a change that does not say it is JSON is a 415 saying what it must be', async () => {
    const { call } = serve();
    expect(await call('POST', '/v1/users/u-elena/deactivate')).toMatchObject({
      status: 415,
      body: { details: { field: 'header.Content-Type', issues: [{ message: 'must be application/json' }] } },
    });
  });

  it('a declared length over the limit is a 413 naming the limit, refused before a byte is read', async () => {
    const { call } = serve({ maxBodyBytes: 50 });
    const body = streamed([new TextEncoder().encode('{}')]);
    const answer = await call('POST', '/v1/users/u-elena/deactivate', { headers: { ...JSON_HEADERS, 'Content-Length': '51' }, body: body.stream });
    expect(answer).toMatchObject({ status: 413, body: { details: { field: 'body', limit: 50, issues: [{ message: 'must be at most 50 bytes' }] } } });
    expect(body.pulled()).toBe(0);
  });

  it('a body of exactly the limit is read', async () => {
    const json = JSON.stringify({ reason: { code: 'other', note: 'x' } });
    const { call, backend } = serve({ maxBodyBytes: json.length });
    const answer = await call('POST', '/v1/users/u-elena/deactivate', { headers: { ...JSON_HEADERS, 'Content-Length': String(json.length) }, body: json });
    expect(answer.status).toBe(200);
    expect((await backend.getUser('u-elena', { organisationId: DEMO_ORGANISATION_ID, actorId: 'svc', kind: 'service' })).status).toBe('inactive');
  });

  it('a body streamed in several pieces is put back together in order', async () => {
    const json = new TextEncoder().encode(JSON.stringify({ fromOwnerId: 'u-marta', toUserIds: ['u-oscar', 'u-carla'] }));
    const pieces = [json.slice(0, 7), json.slice(7, 20), json.slice(20)];
    const { call } = serve();
    const answer = await call('POST', '/v1/contacts/reassign', { headers: JSON_HEADERS, body: streamed(pieces).stream });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ audit: { action: 'contacts.reassigned', target: { id: 'u-marta' } } });
  });

  it('a body that is not UTF-8 is not JSON: 400, nothing changed', async () => {
    const { call, backend } = serve();
    const before = backend.snapshot();
    const answer = await call('POST', '/v1/contacts/reassign', {
      headers: JSON_HEADERS,
      body: new Uint8Array([...new TextEncoder().encode('{"fromOwnerId":"u-marta","toUserIds":["u-oscar'), 0xff, ...new TextEncoder().encode('"]}')]),
    });
    expect(answer).toMatchObject({ status: 400, body: { details: { field: 'body', issues: [{ message: 'is not valid JSON' }] } } });
    expect(backend.snapshot()).toEqual(before);
  });

  it('a body that breaks off says so', async () => {
    const { call } = serve();
    const broken = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new Error('connection reset'));
      },
    });
    expect(await call('POST', '/v1/contacts/reassign', { headers: JSON_HEADERS, body: broken })).toMatchObject({
      status: 400,
      body: { details: { field: 'body', issues: [{ message: 'ended before it was complete' }] } },
    });
  });

  it('refusals are built without stack traces, and the runtime’s own traces come back after each', async () => {
    const { call } = serve();
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 17;
    try {
      await call('POST', '/v1/users/u-elena/deactivate');
      await call('GET', '/v1/users/u-nobody');
      expect(Error.stackTraceLimit).toBe(17);
    } finally {
      Error.stackTraceLimit = limit;
    }
  });

  it('R11: If-Match guards a change of one record, and is refused on a bulk move, naming the header', async () => {
    const { call } = serve();
    expect(await call('POST', '/v1/users/u-elena/deactivate', { headers: { ...JSON_HEADERS, 'If-Match': '"999"' } })).toMatchObject({
      status: 412,
      body: { code: 'VERSION_CONFLICT', details: { expectedVersion: 999 } },
    });
    expect(
      await call('POST', '/v1/contacts/reassign', { headers: { ...JSON_HEADERS, 'If-Match': '"1"' }, body: JSON.stringify({ fromOwnerId: 'u-marta', toUserIds: ['u-oscar'] }) }),
    ).toMatchObject({ status: 400, body: { details: { field: 'header.If-Match' } } });
  });

  it('an id is checked where it stands: an empty segment is no route (404), a malformed one a bad path.id (400)', async () => {
    const { call } = serve();
    expect((await call('POST', '/v1/users//deactivate', { headers: JSON_HEADERS })).status).toBe(404);
    expect(await call('POST', '/v1/users/%E0%A4%A/deactivate', { headers: JSON_HEADERS })).toMatchObject({ status: 400, body: { details: { field: 'path.id' } } });
  });

  it('only paths below the base path are served, not others of the same length, and a stray one is named in the 404', async () => {
    const { handle } = serve();
    const stray = await handle(new Request(`${BASE}/api/elsewhere/v1/users`));
    expect(stray.status).toBe(404);
    expect(await stray.json()).toMatchObject({ code: 'NOT_FOUND', detail: 'No such endpoint.', details: { method: 'GET', path: '/api/elsewhere/v1/users' } });
  });

  it('a response the contract does not allow is reported to onError naming the response as the field', async () => {
    const reports: unknown[] = [];
    const backend = createInMemoryBackend({ data: demoOrganisation() });
    const { call } = serve({ backend: { ...backend, getSeatUsage: async () => ({ used: 'many' }) } as unknown as typeof backend, onError: (error) => reports.push(error) });
    expect((await call('GET', '/v1/seats')).status).toBe(500);
    expect(reports).toMatchObject([{ code: 'SERVER_ERROR', details: { field: expect.stringMatching(/^response/) } }]);
  });

  it('R1: a backend whose delete succeeds breaks the contract: 500, and the host hears which operation did', async () => {
    const reports: { error: unknown; operation: unknown }[] = [];
    const backend = createInMemoryBackend({ data: demoOrganisation() });
    const { call } = serve({
      backend: { ...backend, deleteUser: async () => undefined } as unknown as typeof backend,
      onError: (error, report) => reports.push({ error, operation: report.operation }),
    });
    expect((await call('DELETE', '/v1/users/u-elena', { headers: JSON_HEADERS })).status).toBe(500);
    expect(reports).toMatchObject([{ error: { message: 'deleteUser succeeded, which the contract never allows' }, operation: 'deleteUser' }]);
  });

  it('a malformed caller from the host’s authenticate is reported naming the caller', async () => {
    const reports: unknown[] = [];
    const { handle } = serve({ authenticate: () => ({ actorId: 5 }) as never, onError: (error) => reports.push(error) });
    expect((await handle(new Request(`${BASE}/api/offboard/v1/seats`))).status).toBe(500);
    expect(reports).toMatchObject([{ code: 'SERVER_ERROR', details: { field: expect.stringMatching(/^caller/) } }]);
  });

  it('a server bridge can take the answer before it becomes a Response', async () => {
    const { handle } = serve();
    const answer = await handle.answer(new Request(`${BASE}/api/offboard/openapi.json`));
    expect([answer.status, answer.headers['content-type'], typeof answer.body]).toEqual([200, 'application/json', 'string']);
  });

  it('a body too slow says how long it had; a backend too slow is a retryable timeout', async () => {
    const slow = serve({ timeoutMs: 50 });
    const never = new ReadableStream<Uint8Array>({ pull: () => new Promise(() => undefined) });
    expect(await slow.call('POST', '/v1/contacts/reassign', { headers: JSON_HEADERS, body: never })).toMatchObject({
      status: 408,
      body: { details: { field: 'body', issues: [{ message: 'did not arrive within 50 ms' }] } },
    });
    const backend = createInMemoryBackend({ data: demoOrganisation() });
    const reports: unknown[] = [];
    const stuck = serve({ backend: { ...backend, getUser: () => new Promise(() => undefined) } as typeof backend, timeoutMs: 50, onError: (error) => reports.push(error) });
    expect(await stuck.call('GET', '/v1/users/u-elena')).toMatchObject({ status: 503, body: { code: 'SERVER_ERROR' } });
    // The host's log hears why; the client only that it may retry.
    expect(reports).toMatchObject([{ status: 503, error: { code: 'SERVER_ERROR', details: { reason: 'timeout' } } }]);
  });
});

describe('createOffboardHandler: CORS, header by header', () => {
  const APP = 'https://app.example';
  const preflight = (origin: string | null, method: string | null = 'POST') =>
    new Request(`${BASE}/api/offboard/v1/users/u-elena/deactivate`, {
      method: 'OPTIONS',
      headers: { ...(origin === null ? {} : { Origin: origin }), ...(method === null ? {} : { 'Access-Control-Request-Method': method }) },
    });

  it('a preflight from an allowed origin names the methods, the headers and how long to keep them', async () => {
    const { handle } = serve({ allowedOrigins: [APP] });
    const answer = await handle(preflight(APP));
    expect(answer.status).toBe(204);
    expect(Object.fromEntries(['Content-Type', 'Access-Control-Allow-Methods', 'Access-Control-Max-Age', 'Vary'].map((name) => [name, answer.headers.get(name)]))).toEqual({
      'Content-Type': 'text/plain',
      'Access-Control-Allow-Methods': 'GET, POST, DELETE',
      'Access-Control-Max-Age': '600',
      Vary: 'Origin',
    });
  });

  it('a preflight from another origin gets nothing a browser could use', async () => {
    const { handle } = serve({ allowedOrigins: [APP] });
    const answer = await handle(preflight('https://evil.example'));
    expect(answer.status).toBe(204);
    for (const name of ['Access-Control-Allow-Origin', 'Access-Control-Allow-Methods', 'Access-Control-Allow-Headers', 'Access-Control-Max-Age']) {
      expect(answer.headers.get(name), name).toBeNull();
    }
  });

  it('an OPTIONS that is no preflight (no Origin, or no requested method) is routed like any request: 405', async () => {
    const { handle } = serve({ allowedOrigins: [APP] });
    expect((await handle(preflight(null))).status).toBe(405);
    expect((await handle(preflight(APP, null))).status).toBe(405);
  });

  it('an answer to another origin, or to a request that is no preflight, carries no CORS header', async () => {
    const { call, handle } = serve({ allowedOrigins: [APP] });
    const read = await call('GET', '/v1/users/u-elena', { headers: { Origin: 'https://evil.example' } });
    expect([read.status, read.headers.get('Access-Control-Allow-Origin'), read.headers.get('Vary')]).toEqual([200, null, null]);
    // A GET that carries a preflight's header is still a GET.
    const get = await handle(new Request(`${BASE}/api/offboard/openapi.json`, { headers: { Origin: APP, 'Access-Control-Request-Method': 'GET' } }));
    expect(get.status).toBe(200);
  });

  it('an allowed origin’s answers expose the ETag and the request id, and vary by Origin', async () => {
    const { call } = serve({ allowedOrigins: [APP] });
    const read = await call('GET', '/v1/users/u-elena', { headers: { Origin: APP } });
    expect([read.headers.get('Access-Control-Expose-Headers'), read.headers.get('Vary')]).toEqual(['ETag, X-Request-Id', 'Origin']);
    expect(read.headers.get('ETag')).toMatch(/^"\d+"$/);
  });
});
