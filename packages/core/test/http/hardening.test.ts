import { describe, expect, it } from 'vitest';
import { MAX_IDS_PER_REQUEST, MAX_REPORTED_ISSUES, type OffboardAdapter } from '../../src';
import { DEMO_ORGANISATION_ID, demoOrganisation } from '../../src/fixtures';
import { createInMemoryBackend } from '../../src/inMemory';
import type { OrganisationStore } from '../../src/inMemory/organisationStore';
import { createDemoAuthenticator, createOffboardHandler, type ErrorReport, type OffboardHandlerOptions } from '../../src/http/server';
import { as } from '../../src/testing/harness';

const BASE = 'https://crm.example';

function serve(options: Partial<OffboardHandlerOptions> = {}) {
  const backend = createInMemoryBackend({ data: demoOrganisation() });
  const auth = createDemoAuthenticator();
  const reports: { error: unknown; report: ErrorReport }[] = [];
  const handle = createOffboardHandler({
    backend,
    authenticate: auth.authenticate,
    onError: (error, report) => reports.push({ error, report }),
    ...options,
  });
  const headers = (extra: Record<string, string> = {}) => ({
    Authorization: `Bearer ${auth.tokenFor({ organisationId: DEMO_ORGANISATION_ID, actorId: 'u-ana' })}`,
    'Content-Type': 'application/json',
    ...extra,
  });
  const call = (method: string, path: string, init: RequestInit = {}) =>
    handle(new Request(`${BASE}${path}`, { method, ...init, headers: headers(init.headers as Record<string, string>) }));
  return { backend, handle, call, headers, reports };
}

/** A body that arrives in `chunks` pieces of `size` bytes, without a Content-Length, counting what was pulled. */
function chunked(chunks: number, size: number, delayMs = 0) {
  let sent = 0;
  const piece = new Uint8Array(size).fill(0x20);
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
        if (sent >= chunks) return controller.close();
        sent += 1;
        controller.enqueue(piece);
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, pulled: () => sent };
}

describe('createOffboardHandler: limits', () => {
  it('a 1,000,000-element list is refused at once, with a problem of a few hundred bytes', async () => {
    const { call } = serve({ maxBodyBytes: 16 * 1024 * 1024 });
    const body = JSON.stringify({ fromOwnerId: 'u-marta', toUserIds: ['u-carla'], contactIds: Array.from({ length: 1_000_000 }, () => '<bad id>') });
    const response = await call('POST', '/v1/contacts/reassign', { body });
    const text = await response.text();
    expect(response.status).toBe(400);
    expect(JSON.parse(text)).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'body.contactIds', issues: [{ message: `must list at most ${MAX_IDS_PER_REQUEST}` }] } });
    expect(new TextEncoder().encode(text).byteLength).toBeLessThan(4096);
  });

  it(`a list of ${MAX_IDS_PER_REQUEST} bad ids reports at most ${MAX_REPORTED_ISSUES} issues`, async () => {
    const { call } = serve();
    const body = JSON.stringify({ fromOwnerId: 'u-marta', toUserIds: ['u-carla'], contactIds: Array.from({ length: MAX_IDS_PER_REQUEST }, (_, i) => `bad id ${i}`) });
    const problem = (await (await call('POST', '/v1/contacts/reassign', { body })).json()) as { details: { issues: unknown[] } };
    expect(problem.details.issues).toHaveLength(MAX_REPORTED_ISSUES);
  });

  it('a chunked body over the limit is cut off as it streams in (413), long before the rest is read', async () => {
    const { call, backend } = serve({ maxBodyBytes: 64 * 1024 });
    const before = backend.snapshot();
    const upload = chunked(10_000, 16 * 1024);
    const response = await call('POST', '/v1/contacts/reassign', { body: upload.stream, duplex: 'half' } as RequestInit);
    expect(response.status).toBe(413);
    expect(upload.pulled()).toBeLessThanOrEqual(6);
    expect(backend.snapshot()).toEqual(before);
  });

  it('a body that arrives too slowly is refused (408); a backend that answers too slowly is a retryable 503', async () => {
    const { call } = serve({ timeoutMs: 150 });
    const slow = chunked(100, 8, 50);
    const refused = await call('POST', '/v1/tasks/transfer', { body: slow.stream, duplex: 'half' } as RequestInit);
    expect([refused.status, ((await refused.json()) as { details: { field: string } }).details.field]).toEqual([408, 'body']);
    const sluggish = { ...createInMemoryBackend({ data: demoOrganisation() }), listUsers: () => new Promise<never>(() => {}) } as OffboardAdapter;
    const { call: callSluggish, reports } = serve({ backend: sluggish, timeoutMs: 100 });
    const late = await callSluggish('GET', '/v1/users');
    expect([late.status, ((await late.json()) as { code: string }).code]).toEqual([503, 'SERVER_ERROR']);
    expect(reports).toHaveLength(1);
  });
});

describe('createOffboardHandler: a client that leaves', () => {
  it('a body that breaks off mid-way is the client’s failure: 400 on body, nothing reported to onError, nothing changed', async () => {
    const { call, reports, backend } = serve();
    const before = backend.snapshot();
    let sent = false;
    // What a runtime's body stream does when the connection closes before the body is whole.
    const broken = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent) return controller.error(new Error('aborted'));
        sent = true;
        controller.enqueue(new TextEncoder().encode('{"fromUserId":"u-diego","toUs'));
      },
    });
    const response = await call('POST', '/v1/tasks/transfer', { body: broken, duplex: 'half' } as RequestInit);
    expect([response.status, ((await response.json()) as { details: { field: string } }).details.field]).toEqual([400, 'body']);
    expect(reports).toEqual([]);
    expect(backend.snapshot()).toEqual(before);
  });
});

describe('createOffboardHandler: errors and responses', () => {
  it('an adapter’s own error becomes a generic 500 with a correlation id; the cause never leaves, onError hears it', async () => {
    const broken = { ...createInMemoryBackend({ data: demoOrganisation() }) } as OffboardAdapter;
    broken.getSeatUsage = async () => {
      throw new Error('connect ECONNREFUSED postgres://offboard:hunter2@db.internal:5432/offboard');
    };
    const { call, reports } = serve({ backend: broken });
    const response = await call('GET', '/v1/seats');
    const text = await response.text();
    expect(response.status).toBe(500);
    expect(text).not.toMatch(/hunter2|postgres|ECONNREFUSED|db\.internal/);
    const problem = JSON.parse(text) as { instance: string; details: object; detail: string };
    expect(problem).toMatchObject({ code: 'SERVER_ERROR', detail: 'The server failed to answer.', details: {} });
    const requestId = response.headers.get('X-Request-Id')!;
    expect(problem.instance).toBe(`urn:uuid:${requestId}`);
    expect(reports).toHaveLength(1);
    expect(reports[0]!.report).toEqual({ requestId, operation: 'getSeatUsage' });
    expect(String(reports[0]!.error)).toMatch(/hunter2/);
  });

  it('an OffboardError’s details leave projected onto the contract’s: what an adapter added stays behind', async () => {
    const leaky = { ...createInMemoryBackend({ data: demoOrganisation() }) } as OffboardAdapter;
    leaky.getUser = async () => {
      const { OffboardError } = await import('../../src');
      throw new OffboardError('NOT_FOUND', { entity: 'user', id: 'u-x', sql: 'SELECT * FROM users WHERE id = $1', stack: 'at db.ts:12' });
    };
    const response = await serve({ backend: leaky }).call('GET', '/v1/users/u-x');
    expect(await response.json()).toMatchObject({ status: 404, details: { entity: 'user', id: 'u-x' } });
    const again = await serve({ backend: leaky }).call('GET', '/v1/users/u-x');
    expect(Object.keys(((await again.json()) as { details: object }).details).sort()).toEqual(['entity', 'id']);
  });

  it('whatever the backend returns is projected onto the route’s response schema: fields outside the contract never leave', async () => {
    const memory = createInMemoryBackend({ data: demoOrganisation() });
    const chatty = { ...memory } as OffboardAdapter;
    chatty.getUser = async (userId, caller) => ({ ...(await memory.getUser(userId, caller)), passwordHash: '$argon2id$v=19$secret' }) as never;
    const response = await serve({ backend: chatty }).call('GET', '/v1/users/u-elena');
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(text).not.toMatch(/passwordHash|argon2/);
    expect(JSON.parse(text)).toEqual(await memory.getUser('u-elena', as('u-ana')));
  });

  it('a response that breaks the contract is a generic 500, reported to onError', async () => {
    const wrong = { ...createInMemoryBackend({ data: demoOrganisation() }) } as OffboardAdapter;
    wrong.getSeatUsage = async () => ({ total: 'many' }) as never;
    const { call, reports } = serve({ backend: wrong });
    expect((await call('GET', '/v1/seats')).status).toBe(500);
    expect(reports).toHaveLength(1);
  });

  it('every answer says no-store and nosniff, and carries a request id', async () => {
    const { call } = serve();
    for (const response of [await call('GET', '/v1/users'), await call('GET', '/v1/nothing'), await call('POST', '/v1/users/u-ana/deactivate')]) {
      expect(response.headers.get('Cache-Control')).toBe('no-store');
      expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(response.headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});

describe('createOffboardHandler: CORS', () => {
  const preflight = (origin: string) =>
    new Request(`${BASE}/v1/users/u-elena/deactivate`, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' } });

  it('is off unless allowedOrigins is given: no preflight, no Access-Control headers', async () => {
    const { handle, call } = serve();
    expect((await handle(preflight('https://app.example'))).status).toBe(405);
    expect((await call('GET', '/v1/users', { headers: { Origin: 'https://app.example' } })).headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it('answers the allowed origins only, with credentials and the ETag exposed', async () => {
    const { handle, call } = serve({ allowedOrigins: ['https://app.example'] });
    const allowed = await handle(preflight('https://app.example'));
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('Access-Control-Allow-Origin')).toBe('https://app.example');
    expect(allowed.headers.get('Access-Control-Allow-Headers')).toBe('Authorization, Content-Type, Idempotency-Key, If-Match');
    expect((await handle(preflight('https://evil.example'))).headers.get('Access-Control-Allow-Origin')).toBeNull();
    const read = await call('GET', '/v1/users/u-elena', { headers: { Origin: 'https://app.example' } });
    expect([read.headers.get('Access-Control-Allow-Origin'), read.headers.get('Access-Control-Allow-Credentials')]).toEqual(['https://app.example', 'true']);
    expect(read.headers.get('Access-Control-Expose-Headers')).toContain('ETag');
  });
});

describe('bounded memory', () => {
  it('listing the contacts of owners who do not exist caches nothing', async () => {
    const backend = createInMemoryBackend({ data: demoOrganisation() });
    const store = backend.readModel() as OrganisationStore;
    await backend.listContacts({ ownerId: 'u-carla' }, as('u-ana'));
    const cached = store.cachedListings;
    for (let i = 0; i < 2_000; i++) await backend.listContacts({ ownerId: `u-ghost-${i}` }, as('u-ana'));
    expect(store.cachedListings).toBe(cached);
  });

  it('R11: idempotency keys expire after their time (24 h by default) and the oldest give way past the bound', async () => {
    let now = Date.parse('2026-11-29T10:00:00.000Z');
    const backend = createInMemoryBackend({ data: demoOrganisation(), clock: () => new Date(now), idempotency: { maxKeys: 3 } });
    const first = await backend.deactivateLicense('u-elena', as('u-ana', { idempotencyKey: 'k-elena' }));
    now += 23 * 60 * 60 * 1000;
    expect(await backend.deactivateLicense('u-elena', as('u-ana', { idempotencyKey: 'k-elena' }))).toEqual(first);
    now += 2 * 60 * 60 * 1000;
    // Past 24 hours the key is forgotten: the request runs afresh, and the rules refuse it (R2 done).
    await expect(backend.deactivateLicense('u-elena', as('u-ana', { idempotencyKey: 'k-elena' }))).rejects.toMatchObject({ code: 'NO_LICENSE' });
    for (const [key, user] of [['k1', 'u-oscar'], ['k2', 'u-hugo'], ['k3', 'u-gabriela'], ['k4', 'u-fernando']] as const) {
      await backend.deactivateLicense(user, as('u-ana', { idempotencyKey: key }));
    }
    // Four keys, bound three: k1, the oldest, is gone; reusing it for another request is no longer refused as a reuse.
    await expect(backend.reactivateUser('u-karla', as('u-ana', { idempotencyKey: 'k1' }))).resolves.toMatchObject({ user: { status: 'active' } });
    await expect(backend.reactivateUser('u-karla', as('u-ana', { idempotencyKey: 'k4' }))).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
  });
});
