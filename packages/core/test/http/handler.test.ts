import { describe, expect, it } from 'vitest';
import { OPERATIONS, ROUTES, type Caller, type OperationName, type Route } from '../../src';
import { DEMO_ORGANISATION_ID, demoOrganisation, generateOrganisation } from '../../src/fixtures';
import { createInMemoryBackend, type InMemoryBackend } from '../../src/inMemory';
import { createDemoAuthenticator, createOffboardHandler, type OffboardHandlerOptions } from '../../src/http/server';

const ORIGIN = 'https://crm.example';
const OTHER = 'org-other';

/** A handler over a fresh backend holding the demo organisation and another one, with demo tokens. */
function serve(options: Partial<OffboardHandlerOptions> = {}) {
  const backend = createInMemoryBackend({ data: [demoOrganisation(), generateOrganisation({ organisationId: OTHER, seed: 5, contacts: 40, users: 10 })] });
  const auth = createDemoAuthenticator();
  const handle = createOffboardHandler({ backend, authenticate: auth.authenticate, basePath: '/api/offboard', ...options });
  const credentials = (caller: Partial<Caller> & { actorId: string }) => ({
    Authorization: `Bearer ${auth.tokenFor({ organisationId: DEMO_ORGANISATION_ID, ...caller })}`,
  });
  const call = async (method: string, path: string, init: { headers?: Record<string, string>; body?: unknown; json?: boolean } = {}) => {
    const json = init.json ?? method !== 'GET';
    const headers = { ...(json && { 'Content-Type': 'application/json' }), ...init.headers };
    const body = init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
    const response = await handle(new Request(`${ORIGIN}/api/offboard${path}`, { method, headers, body }));
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
  };
  return { backend, auth, handle, credentials, call, snapshot: () => backend.snapshot() };
}

const admin = { actorId: 'u-ana' };
const member = { actorId: 'u-carla' };
const service = { actorId: 'svc-directory', kind: 'service' as const };

/** A pending schedule of the demo organisation, `sd-1`, for the requests that need one. */
const scheduleOne = async (backend: InMemoryBackend) => {
  await backend.scheduleDeactivation('u-oscar', { scope: 'user', at: '2099-01-01T09:00:00Z' }, { organisationId: DEMO_ORGANISATION_ID, actorId: 'u-ana' });
};

/** One request per operation, valid for an admin of the demo organisation (after its setup). */
const requests: Record<OperationName, { method: string; path: string; body?: unknown; setup?: (backend: InMemoryBackend) => Promise<void> }> = {
  listUsers: { method: 'GET', path: '/v1/users' },
  getUser: { method: 'GET', path: '/v1/users/u-elena' },
  getOffboardingPlan: { method: 'GET', path: '/v1/users/u-elena/offboarding-plan' },
  getAccess: { method: 'GET', path: '/v1/users/u-elena/access' },
  assignLicense: { method: 'POST', path: '/v1/users/u-julia/license', body: { country: 'ES' } },
  deactivateLicense: { method: 'POST', path: '/v1/users/u-elena/license/deactivate' },
  deactivateUser: { method: 'POST', path: '/v1/users/u-elena/deactivate' },
  reactivateUser: { method: 'POST', path: '/v1/users/u-karla/reactivate' },
  deleteUser: { method: 'DELETE', path: '/v1/users/u-elena' },
  listContacts: { method: 'GET', path: '/v1/contacts?ownerId=u-elena' },
  reassignContacts: { method: 'POST', path: '/v1/contacts/reassign', body: { fromOwnerId: 'u-marta', toUserIds: ['u-oscar'] } },
  listTasks: { method: 'GET', path: '/v1/tasks?transferable=true' },
  takeTask: { method: 'POST', path: '/v1/tasks/t-047/take' },
  transferTasks: { method: 'POST', path: '/v1/tasks/transfer', body: { fromUserId: 'u-elena', toUserId: 'u-oscar' } },
  listPhoneNumbers: { method: 'GET', path: '/v1/phone-numbers' },
  deactivatePhoneNumber: { method: 'POST', path: '/v1/phone-numbers/pn-es-1/deactivate' },
  listSalesBrains: { method: 'GET', path: '/v1/sales-brains' },
  getSeatUsage: { method: 'GET', path: '/v1/seats' },
  listAuditLog: { method: 'GET', path: '/v1/audit-log' },
  listHistory: { method: 'GET', path: '/v1/history?userId=u-elena' },
  scheduleDeactivation: { method: 'POST', path: '/v1/users/u-elena/scheduled-deactivations', body: { scope: 'user', at: '2099-01-01T09:00:00Z' } },
  cancelScheduledDeactivation: { method: 'POST', path: '/v1/scheduled-deactivations/sd-1/cancel', setup: scheduleOne },
  listScheduledDeactivations: { method: 'GET', path: '/v1/scheduled-deactivations' },
};

/** What each role is answered, per operation (R9, R12): the matrix the README's security model states. */
const expected: Record<'admin' | 'member' | 'service' | 'none', Partial<Record<OperationName, number>> & { default: number }> = {
  admin: { default: 200, deleteUser: 405 },
  // A service is no salesperson: it does not take tasks (R6).
  service: { default: 200, deleteUser: 405, takeTask: 403 },
  // Carla is an active salesperson: she reads active users and the waiting tasks, and takes one.
  member: { default: 403, listUsers: 200, getUser: 200, listTasks: 200, takeTask: 200, deleteUser: 405 },
  none: { default: 401 },
};

describe('createOffboardHandler: identity (the server decides who acts)', () => {
  it('every operation of ROUTES has a request here, so the matrix below covers the whole contract', () => {
    expect(Object.keys(requests).sort()).toEqual([...OPERATIONS].sort());
  });

  for (const role of ['admin', 'member', 'service', 'none'] as const) {
    it(`R12, R9: every read and every change answered for ${role === 'none' ? 'no credentials' : `a${role === 'admin' ? 'n' : ''} ${role}`} as the security model says`, async () => {
      for (const operation of OPERATIONS) {
        const { call, credentials, backend } = serve();
        const headers = role === 'none' ? {} : credentials(role === 'admin' ? admin : role === 'member' ? member : service);
        const { method, path, body, setup } = requests[operation];
        await setup?.(backend);
        const response = await call(method, path, { headers, body });
        expect([operation, response.status]).toEqual([operation, expected[role][operation] ?? expected[role].default]);
        if (response.status >= 400) expect(response.headers.get('Content-Type')).toBe('application/problem+json');
      }
    });
  }

  it('R11: reading a user or changing one record answers its version as a strong ETag (what a later If-Match sends); listings and bulk moves answer none', async () => {
    // Where each answer holds the record whose version it tells, read from the body rather than from ROUTES ('' is the body itself).
    const versioned: Partial<Record<OperationName, string>> = {
      getUser: '',
      assignLicense: 'user',
      deactivateLicense: 'user',
      deactivateUser: 'user',
      reactivateUser: 'user',
      takeTask: 'task',
      deactivatePhoneNumber: 'phoneNumber',
      scheduleDeactivation: 'schedule',
      cancelScheduledDeactivation: 'schedule',
    };
    for (const operation of OPERATIONS) {
      const { call, credentials, backend } = serve();
      const { method, path, body, setup } = requests[operation];
      await setup?.(backend);
      const response = await call(method, path, { headers: credentials(admin), body });
      expect([operation, response.status]).toEqual([operation, expected.admin[operation] ?? expected.admin.default]);
      const record = versioned[operation];
      const etag = response.headers.get('ETag');
      if (record === undefined) {
        expect([operation, etag]).toEqual([operation, null]);
      } else {
        const { version } = (record ? response.body?.[record] : response.body) as { version: number };
        expect([operation, etag]).toEqual([operation, `"${version}"`]);
        expect(version).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it('a spoofed X-Actor-Id without credentials is answered 401 UNAUTHENTICATED and changes nothing, on every operation', async () => {
    const { call, snapshot } = serve();
    const before = snapshot();
    for (const operation of OPERATIONS) {
      const { method, path, body } = requests[operation];
      const response = await call(method, path, { headers: { 'X-Actor-Id': 'u-ana' }, body });
      expect([operation, response.status, response.body?.code]).toEqual([operation, 401, 'UNAUTHENTICATED']);
    }
    expect(snapshot()).toEqual(before);
  });

  it('with credentials, X-Actor-Id and an actorId in the query are never believed: the token’s caller acts', async () => {
    const { call, credentials, snapshot } = serve();
    const before = snapshot();
    const spoofed = await call('POST', '/v1/users/u-elena/deactivate', { headers: { ...credentials(member), 'X-Actor-Id': 'u-ana' } });
    expect([spoofed.status, spoofed.body?.code, (spoofed.body?.details as { reason: string }).reason]).toEqual([403, 'FORBIDDEN', 'not-admin']);
    expect(snapshot()).toEqual(before);
    const plan = await call('GET', '/v1/users/u-carla/offboarding-plan', { headers: { ...credentials(member), 'X-Actor-Id': 'u-ana' } });
    expect([plan.status, plan.body?.actorId]).toEqual([200, 'u-carla']);
    const named = await call('GET', '/v1/users/u-elena/offboarding-plan?actorId=u-ana', { headers: credentials(member) });
    expect([named.status, (named.body?.details as { field: string }).field]).toEqual([400, 'query.actorId']);
  });

  it('a service identity comes only from authentication: a user token naming the same id is not one', async () => {
    const { call, credentials } = serve();
    expect((await call('POST', '/v1/users/u-elena/deactivate', { headers: credentials({ actorId: 'svc-directory' }) })).status).toBe(403);
    const asService = await call('POST', '/v1/users/u-elena/deactivate', { headers: credentials(service) });
    expect([asService.status, (asService.body?.audit as { actorId: string }).actorId]).toEqual([200, 'svc-directory']);
  });

  it('authenticate runs before the body is read: an anonymous upload is refused unread', async () => {
    const { handle } = serve();
    let pulled = false;
    const body = new ReadableStream({
      pull(controller) {
        pulled = true;
        controller.enqueue(new TextEncoder().encode('{}'));
        controller.close();
      },
    }, { highWaterMark: 0 });
    const request = new Request(`${ORIGIN}/api/offboard/v1/tasks/transfer`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body, duplex: 'half' } as RequestInit);
    expect((await handle(request)).status).toBe(401);
    expect(pulled).toBe(false);
  });

  it('a host authenticate that returns a malformed caller is a server fault (500), not a way in', async () => {
    const { call } = serve({ authenticate: () => ({ organisationId: '../etc', actorId: 'u-ana' }) });
    expect((await call('GET', '/v1/users')).status).toBe(500);
  });
});

describe('createOffboardHandler: tenancy over HTTP (R13)', () => {
  it('R13: ids of another organisation are 404 for every endpoint that names one, and its records stay as they were', async () => {
    const { call, credentials, backend } = serve();
    const other = backend.snapshot(OTHER);
    const demo = new Set([...demoOrganisation().users, ...demoOrganisation().tasks, ...demoOrganisation().phoneNumbers].map((record) => record.id));
    const user = other.users.find((candidate) => !demo.has(candidate.id) && candidate.status === 'active')!.id;
    const task = other.tasks.find((candidate) => !demo.has(candidate.id))!.id;
    const number = other.phoneNumbers.find((candidate) => !demo.has(candidate.id))!.id;
    // A schedule of the other organisation: the demo organisation has none of that id.
    const { schedule: foreignSchedule } = await backend.scheduleDeactivation(user, { scope: 'user', at: '2099-01-01T09:00:00Z' }, { organisationId: OTHER, actorId: 'svc-directory', kind: 'service' });
    const schedule = foreignSchedule.id;
    const before = backend.snapshot(OTHER);
    const foreign: Partial<Record<OperationName, { method: string; path: string; body?: unknown }>> = {
      getUser: { method: 'GET', path: `/v1/users/${user}` },
      getOffboardingPlan: { method: 'GET', path: `/v1/users/${user}/offboarding-plan` },
      getAccess: { method: 'GET', path: `/v1/users/${user}/access` },
      assignLicense: { method: 'POST', path: `/v1/users/${user}/license`, body: { country: 'ES' } },
      deactivateLicense: { method: 'POST', path: `/v1/users/${user}/license/deactivate` },
      deactivateUser: { method: 'POST', path: `/v1/users/${user}/deactivate` },
      reactivateUser: { method: 'POST', path: `/v1/users/${user}/reactivate` },
      reassignContacts: { method: 'POST', path: '/v1/contacts/reassign', body: { fromOwnerId: user, toUserIds: ['u-oscar'] } },
      takeTask: { method: 'POST', path: `/v1/tasks/${task}/take` },
      transferTasks: { method: 'POST', path: '/v1/tasks/transfer', body: { fromUserId: user, toUserId: 'u-oscar' } },
      deactivatePhoneNumber: { method: 'POST', path: `/v1/phone-numbers/${number}/deactivate` },
      scheduleDeactivation: { method: 'POST', path: `/v1/users/${user}/scheduled-deactivations`, body: { scope: 'user', at: '2099-01-01T09:00:00Z' } },
      cancelScheduledDeactivation: { method: 'POST', path: `/v1/scheduled-deactivations/${schedule}/cancel` },
    };
    const idRoutes = OPERATIONS.filter((operation) => { const route: Route = ROUTES[operation]; return route.id !== undefined || route.bulk; });
    expect(Object.keys(foreign).sort()).toEqual(idRoutes.filter((operation) => operation !== 'deleteUser').sort());
    for (const [operation, { method, path, body }] of Object.entries(foreign)) {
      const response = await call(method, path, { headers: credentials(admin), body });
      expect([operation, response.status, response.body?.code]).toEqual([operation, 404, 'NOT_FOUND']);
    }
    expect(backend.snapshot(OTHER)).toEqual(before);
    expect((await backend.listScheduledDeactivations({}, { organisationId: OTHER, actorId: 'svc-directory', kind: 'service' })).items).toEqual([foreignSchedule]);
  });

  it('R13: the same Idempotency-Key in two organisations and from two actors names independent requests', async () => {
    const { call, credentials } = serve({ backend: createInMemoryBackend({ data: [demoOrganisation(), demoOrganisation('org-twin')] }) });
    const key = { 'Idempotency-Key': 'same-key' };
    const here = await call('POST', '/v1/users/u-elena/license/deactivate', { headers: { ...credentials(admin), ...key } });
    const twin = await call('POST', '/v1/users/u-elena/license/deactivate', { headers: { ...credentials({ ...admin, organisationId: 'org-twin' }), ...key } });
    const otherActor = await call('POST', '/v1/users/u-oscar/license/deactivate', { headers: { ...credentials({ actorId: 'u-bruno' }), ...key } });
    expect([here.status, twin.status, otherActor.status]).toEqual([200, 200, 200]);
    expect((otherActor.body?.user as { id: string }).id).toBe('u-oscar');
  });

  it('backendFor picks one backend per organisation; a caller of an unknown organisation gets 404', async () => {
    const backends = new Map([[DEMO_ORGANISATION_ID, createInMemoryBackend({ data: demoOrganisation() })]]);
    const { call, credentials } = serve({
      backend: undefined,
      backendFor: (organisationId) => backends.get(organisationId) ?? createInMemoryBackend({ data: { ...demoOrganisation(), organisationId: 'org-empty', users: [], contacts: [], tasks: [], salesBrains: [], history: [], sessions: [], auditLog: [] } }),
    });
    expect((await call('GET', '/v1/users', { headers: credentials(admin) })).status).toBe(200);
    expect((await call('GET', '/v1/users', { headers: credentials({ ...admin, organisationId: 'org-elsewhere' }) })).status).toBe(404);
  });
});

describe('createOffboardHandler: CSRF', () => {
  it('an empty cross-site form POST is refused (415): a change must say it is JSON, bodyless ones included', async () => {
    const { call, credentials, snapshot } = serve();
    const before = snapshot();
    for (const contentType of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain']) {
      const response = await call('POST', '/v1/users/u-elena/deactivate', { headers: { ...credentials(admin), 'Content-Type': contentType, Origin: 'https://evil.example' }, body: '' });
      expect([response.status, (response.body?.details as { field: string }).field]).toEqual([415, 'header.Content-Type']);
    }
    expect((await call('POST', '/v1/users/u-elena/deactivate', { headers: credentials(admin), json: false })).status).toBe(415);
    expect(snapshot()).toEqual(before);
  });

  it('allowedOrigins refuses a change from any other Origin (403 origin-not-allowed); servers without Origin and reads pass', async () => {
    const { call, credentials, snapshot } = serve({ allowedOrigins: [ORIGIN] });
    const before = snapshot();
    const evil = await call('POST', '/v1/users/u-elena/license/deactivate', { headers: { ...credentials(admin), Origin: 'https://evil.example' } });
    expect([evil.status, (evil.body?.details as { reason: string }).reason]).toEqual([403, 'origin-not-allowed']);
    expect(snapshot()).toEqual(before);
    expect((await call('GET', '/v1/users', { headers: { ...credentials(admin), Origin: 'https://evil.example' } })).status).toBe(200);
    expect((await call('POST', '/v1/users/u-elena/license/deactivate', { headers: { ...credentials(admin), Origin: ORIGIN } })).status).toBe(200);
    expect((await call('POST', '/v1/users/u-oscar/license/deactivate', { headers: credentials(admin) })).status).toBe(200);
  });

  it('answers only below its base path', async () => {
    const { handle, credentials } = serve();
    const outside = await handle(new Request(`${ORIGIN}/v1/users`, { headers: credentials(admin) }));
    expect(outside.status).toBe(404);
  });
});

describe('createOffboardHandler: the OpenAPI document', () => {
  it('is served at <basePath>/openapi.json to anyone, and describes every route under that base path', async () => {
    const { handle } = serve();
    const response = await handle(new Request(`${ORIGIN}/api/offboard/openapi.json`));
    expect([response.status, response.headers.get('Content-Type')]).toEqual([200, 'application/json']);
    const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toContain('/api/offboard/v1/users/{userId}/deactivate');
  });
});
