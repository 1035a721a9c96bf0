import { describe, expect, it, vi } from 'vitest';
import type { OffboardAdapter } from '../../src';
import { ERROR_MESSAGES } from '../../src/errors/OffboardError';
import { DEMO_ORGANISATION_ID, demoOrganisation } from '../../src/fixtures';
import { createScimHandler, createDemoAuthenticator, DEFAULT_SCIM_MAX_BODY_BYTES } from '../../src/http/server';
import { createInMemoryBackend } from '../../src/inMemory';
import { observe, observer, readAll } from '../../src/testing/harness';
import { ERROR_SCHEMA, USER_SCHEMA, filterPath, fixture, okta, scimBridge, type ScimCall } from './support';

const demo = (policy: { requireReason?: boolean } = {}) => createInMemoryBackend({ data: demoOrganisation(), policy });

const expectError = (answer: ScimCall, status: number, detail: string | RegExp, scimType?: string) => {
  expect(answer.status).toBe(status);
  expect(answer.body).toEqual({ schemas: [ERROR_SCHEMA], status: String(status), ...(scimType && { scimType }), detail: typeof detail === 'string' ? detail : expect.stringMatching(detail) });
};

describe('SCIM discovery: what the bridge supports, and nothing more', () => {
  it('ServiceProviderConfig: PATCH and filter yes (100 results at most); bulk, sort, etag and password changes no; bearer tokens', async () => {
    const { call } = scimBridge(demo(), { documentationUri: 'https://crm.example/docs/scim' });
    const answer = await call('GET', '/ServiceProviderConfig');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/scim+json');
    expect(answer.body).toEqual({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
      documentationUri: 'https://crm.example/docs/scim',
      patch: { supported: true },
      bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
      filter: { supported: true, maxResults: 100 },
      changePassword: { supported: false },
      sort: { supported: false },
      etag: { supported: false },
      authenticationSchemes: [expect.objectContaining({ type: 'oauthbearertoken', primary: true })],
      meta: { resourceType: 'ServiceProviderConfig', location: 'https://crm.example/scim/v2/ServiceProviderConfig' },
    });
  });

  it('Schemas: the User schema, with active the one attribute that is not read-only', async () => {
    const { call } = scimBridge(demo());
    const list = await call('GET', '/Schemas');
    expect(list.body).toMatchObject({ totalResults: 1, Resources: [{ id: USER_SCHEMA, name: 'User' }] });
    const schema = await call('GET', `/Schemas/${USER_SCHEMA}`);
    const attributes = schema.body!['attributes'] as { name: string; mutability: string }[];
    expect(attributes.map((attribute) => attribute.name)).toEqual(['userName', 'name', 'displayName', 'active', 'emails']);
    expect(attributes.filter((attribute) => attribute.mutability !== 'readOnly').map((attribute) => attribute.name)).toEqual(['active']);
    expectError(await call('GET', '/Schemas/urn:ietf:params:scim:schemas:core:2.0:Group'), 404, /No such schema/);
  });

  it('ResourceTypes: User at /Users, with no extensions', async () => {
    const { call } = scimBridge(demo());
    expect((await call('GET', '/ResourceTypes')).body).toMatchObject({ totalResults: 1, Resources: [{ id: 'User', endpoint: '/Users', schema: USER_SCHEMA, schemaExtensions: [] }] });
    expect((await call('GET', '/ResourceTypes/User')).body).toMatchObject({ id: 'User', meta: { location: 'https://crm.example/scim/v2/ResourceTypes/User' } });
    expectError(await call('GET', '/ResourceTypes/Group'), 404, /No such resource type/);
  });

  it('refuses what it does not serve: Groups and unknown paths 404, Bulk and Me 501, a method an endpoint lacks 405 with Allow', async () => {
    const { call } = scimBridge(demo());
    expectError(await call('GET', '/Groups'), 404, /serves \/Users, \/ServiceProviderConfig, \/Schemas and \/ResourceTypes/);
    expectError(await call('GET', '/Users/u-ana/extra'), 404, /No such SCIM endpoint/);
    expectError(await call('POST', '/Bulk', { body: '{}' }), 501, /Bulk operations are not supported/);
    expectError(await call('GET', '/Me'), 501, /\/Me is not supported/);
    const patchList = await call('PATCH', '/Users', { body: fixture('okta-deactivate') });
    expectError(patchList, 405, 'This endpoint answers GET, POST.');
    expect(patchList.headers.get('allow')).toBe('GET, POST');
  });

  it('answers under its basePath only', async () => {
    const backend = demo();
    const auth = createDemoAuthenticator();
    const handle = createScimHandler({ backend, authenticate: auth.authenticate, basePath: '/identity/scim/' });
    const get = (path: string) => handle(new Request(`https://crm.example${path}`, { headers: { Authorization: `Bearer ${auth.tokenFor(okta)}` } }));
    expect((await get('/identity/scim/Users/u-ana')).status).toBe(200);
    expect((await get('/scim/v2/Users/u-ana')).status).toBe(404);
  });
});

describe('SCIM filters identity providers send', () => {
  it('emails.value eq, emails[value eq …], id eq and the core schema’s URN prefix find the same user; externalId eq finds none (Offboard keeps none)', async () => {
    const { call } = scimBridge(demo());
    const ids = async (filter: string) => {
      const answer = await call('GET', filterPath(filter));
      expect(answer.status, filter).toBe(200);
      return (answer.body!['Resources'] as { id: string }[]).map((user) => user.id);
    };
    expect(await ids('emails.value eq "elena@vixiees.example"')).toEqual(['u-elena']);
    expect(await ids('emails[value eq "elena@vixiees.example"]')).toEqual(['u-elena']);
    expect(await ids('id eq "u-elena"')).toEqual(['u-elena']);
    expect(await ids('id eq "u-nobody"')).toEqual([]);
    expect(await ids(`${USER_SCHEMA}:userName eq "elena@vixiees.example"`)).toEqual(['u-elena']);
    expect(await ids('externalId eq "00ujl29u0le5T6Aj10h7"')).toEqual([]);
    expect((await ids('active eq true')).length).toBe(13);
  });
});

describe('SCIM deactivation reason (R14)', () => {
  it('R14: the host’s deactivationReason is the one the audit entry keeps', async () => {
    const backend = demo();
    const { call } = scimBridge(backend, { deactivationReason: { code: 'downsizing', note: 'Directory: contractor pool closed' } });
    await call('PATCH', '/Users/u-elena', { body: fixture('okta-deactivate') });
    const [entry] = await readAll((page) => backend.listAuditLog({ ...page, targetId: 'u-elena' }, observer));
    expect(entry!.reason).toEqual({ code: 'downsizing', note: 'Directory: contractor pool closed' });
  });

  it('R14: with the default reason a requireReason organisation accepts SCIM deactivations; with none it refuses them (422)', async () => {
    const strict = demo({ requireReason: true });
    expect((await scimBridge(strict).call('PATCH', '/Users/u-elena', { body: fixture('okta-deactivate') })).body).toMatchObject({ active: false });
    const before = await observe(strict);
    expectError(await scimBridge(strict, { deactivationReason: null }).call('PATCH', '/Users/u-oscar', { body: fixture('okta-deactivate') }), 422, ERROR_MESSAGES.REASON_REQUIRED);
    expect(await observe(strict)).toEqual(before);
  });
});

describe('SCIM bridge limits and failures', () => {
  it('refuses a body over maxBodyBytes with 413, declared or streamed, changing nothing', async () => {
    const backend = demo();
    const { call, handle, auth } = scimBridge(backend, { maxBodyBytes: 200 });
    expect(DEFAULT_SCIM_MAX_BODY_BYTES).toBe(64 * 1024);
    const big = JSON.stringify({ schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', path: 'active', value: false }], padding: 'x'.repeat(500) });
    expectError(await call('PATCH', '/Users/u-elena', { body: big }), 413, 'The body must be at most 200 bytes.');
    const chunks = new TextEncoder().encode(big);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < chunks.length; at += 64) controller.enqueue(chunks.slice(at, at + 64));
        controller.close();
      },
    });
    const streamed = await handle(
      new Request('https://crm.example/scim/v2/Users/u-elena', {
        method: 'PATCH',
        headers: { Authorization: `Bearer ${auth.tokenFor(okta)}`, 'Content-Type': 'application/scim+json' },
        body: stream,
        duplex: 'half',
      } as RequestInit),
    );
    expect(streamed.status).toBe(413);
    expect((await backend.getUser('u-elena', observer)).status).toBe('active');
  });

  it('never leaks an internal failure: a generic 500 naming the request id, and the host’s onError hears the cause', async () => {
    const failing: OffboardAdapter = { ...demo(), getUser: () => Promise.reject(new Error('connect ECONNREFUSED 10.0.0.5:5432 password=hunter2')) };
    const onError = vi.fn();
    const { call } = scimBridge(failing, { onError });
    const answer = await call('GET', '/Users/u-elena');
    const requestId = answer.headers.get('x-request-id')!;
    expectError(answer, 500, `${ERROR_MESSAGES.SERVER_ERROR} Request urn:uuid:${requestId}.`);
    expect(JSON.stringify(answer.body)).not.toMatch(/ECONNREFUSED|hunter2|10\.0\.0\.5/);
    expect(onError).toHaveBeenCalledOnce();
    expect(onError.mock.calls[0]![0]).toBeInstanceOf(Error);
    expect(onError.mock.calls[0]![1]).toEqual({ requestId, operation: 'getUser' });
  });

  it('a backend that does not answer within timeoutMs is a 503, not a hang', async () => {
    const hanging: OffboardAdapter = { ...demo(), getUser: () => new Promise(() => undefined) };
    const { call } = scimBridge(hanging, { timeoutMs: 20 });
    const answer = await call('GET', '/Users/u-elena');
    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({ schemas: [ERROR_SCHEMA], status: '503', detail: expect.stringMatching(/^The server failed to answer\. Request urn:uuid:/) });
  });

  it('takes exactly one of backend and backendFor; backendFor gets the caller’s organisation (R13)', async () => {
    const auth = createDemoAuthenticator();
    expect(() => createScimHandler({ authenticate: auth.authenticate })).toThrow(TypeError);
    expect(() => createScimHandler({ backend: demo(), backendFor: () => demo(), authenticate: auth.authenticate })).toThrow(TypeError);
    const backendFor = vi.fn(() => demo());
    const handle = createScimHandler({ backendFor, authenticate: auth.authenticate });
    const response = await handle(new Request('https://crm.example/scim/v2/Users/u-ana', { headers: { Authorization: `Bearer ${auth.tokenFor(okta)}` } }));
    expect(response.status).toBe(200);
    expect(backendFor).toHaveBeenCalledWith(DEMO_ORGANISATION_ID);
  });
});
