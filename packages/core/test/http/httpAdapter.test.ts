import { as, observer } from '../../src/testing/harness';
import { describe, expect, it, vi } from 'vitest';
import { LAST_LICENSE_IN_COUNTRY_MESSAGE, OffboardError, createHttpAdapter, toProblem, type OffboardAdapter, type OutgoingCall } from '../../src';
import { createInMemoryBackend } from '../../src/inMemory';
import { demoOrganisation } from '../../src/fixtures';

const BASE_URL = 'http://api.test/offboard/';

/** A fetch that records each request and answers with `respond`. */
function stubFetch(respond: (request: Request) => Response | Promise<Response> = () => Response.json({})) {
  const requests: Request[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push(request);
    return respond(request);
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

async function rejection(promise: Promise<unknown>): Promise<OffboardError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(OffboardError);
  return error as OffboardError;
}

const user = { id: 'u-ana', name: 'Ana García', email: 'ana@vixiees.example', role: 'admin', status: 'active', license: null, version: 1 };

describe('createHttpAdapter: requests', () => {
  it('builds each request from the route table: method, path, query string, headers and JSON body', async () => {
    const { fetch, requests } = stubFetch(() => Response.json({ items: [], nextCursor: null, total: 0 }));
    const adapter = createHttpAdapter({ baseUrl: BASE_URL, fetch });
    await adapter.listUsers({ licensed: true, limit: 5, cursor: null }, observer);
    await adapter.assignLicense('u-julia', { country: 'ES' }, as('u-ana', { idempotencyKey: 'k-1', expectedVersion: 3 })).catch(() => {});
    await adapter.getSeatUsage(observer).catch(() => {});
    const [list, assign, seats] = requests;
    expect([list!.method, list!.url]).toEqual(['GET', 'http://api.test/offboard/v1/users?limit=5&licensed=true']);
    expect(list!.headers.get('X-Actor-Id')).toBeNull();
    expect([assign!.method, assign!.url]).toEqual(['POST', 'http://api.test/offboard/v1/users/u-julia/license']);
    expect(Object.fromEntries(assign!.headers)).toEqual({
      accept: 'application/json, application/problem+json',
      'content-type': 'application/json',
      'idempotency-key': 'k-1',
      'if-match': '"3"',
    });
    expect(await assign!.json()).toEqual({ country: 'ES' });
    expect(seats!.url).toBe('http://api.test/offboard/v1/seats');
  });

  it('adds the host headers, from an object or a function called per request with the call, and the contract headers win', async () => {
    let token = 0;
    const calls: OutgoingCall[] = [];
    const { fetch, requests } = stubFetch(() => Response.json(user));
    const adapter = createHttpAdapter({
      baseUrl: BASE_URL,
      fetch,
      headers: async (call) => {
        calls.push(call);
        return { Authorization: `Bearer ${++token}`, 'Idempotency-Key': 'from-host' };
      },
    });
    await adapter.getUser('u-ana', observer);
    await adapter.deactivateUser('u-carla', as('u-ana', { idempotencyKey: 'k-9' })).catch(() => {});
    expect(requests.map((request) => request.headers.get('Authorization'))).toEqual(['Bearer 1', 'Bearer 2']);
    expect(calls).toEqual([
      { operation: 'getUser', context: observer },
      { operation: 'deactivateUser', context: as('u-ana', { idempotencyKey: 'k-9' }) },
    ]);
    expect(requests[1]!.headers.get('Idempotency-Key')).toBe('k-9');
    const fixed = stubFetch(() => Response.json(user));
    await createHttpAdapter({ baseUrl: BASE_URL, fetch: fixed.fetch, headers: { 'X-Tenant': 'acme' } }).getUser('u-ana', observer);
    expect(fixed.requests[0]!.headers.get('X-Tenant')).toBe('acme');
  });

  it('refuses a bad call before sending it, with the same error as the in-memory backend', async () => {
    const { fetch, requests } = stubFetch();
    const http = createHttpAdapter({ baseUrl: BASE_URL, fetch }) as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    const memory = createInMemoryBackend({ data: demoOrganisation() }) as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    const calls: [string, unknown[]][] = [
      ['deactivateLicense', ['<script>alert(1)</script>', as('u-ana')]],
      ['deactivateUser', ['u-carla', { ...as('u-ana'), actorId: 42 }]],
      ['deactivateUser', ['u-carla', { ...as('u-ana'), sudo: true }]],
      ['deactivateUser', ['u-carla', { actorId: 'u-ana' }]],
      ['reassignContacts', [{ fromOwnerId: 'u-marta', toUserIds: ['u-carla'] }, as('u-ana', { expectedVersion: 2 })]],
      ['deactivateUser', ['u-carla', as('u-ana', { idempotencyKey: 'bad key\u0000' })]],
      ['assignLicense', ['u-julia', { country: 'Spain' }, as('u-ana')]],
      ['reassignContacts', [{ fromOwnerId: 'u-marta', toUserIds: 'u-carla' }, as('u-ana')]],
      ['takeTask', ['t 001', as('u-carla')]],
      ['listUsers', [{ limit: 0 }, observer]],
      ['listUsers', [{}, { ...observer, kind: 'robot' }]],
      ['listTasks', [{ transferable: 'yes' }, observer]],
    ];
    for (const [method, args] of calls) {
      const viaHttp = await rejection(http[method]!(...args));
      const direct = await rejection(memory[method]!(...args));
      expect(viaHttp.toJSON(), method).toEqual(direct.toJSON());
      expect(viaHttp.code).toBe('VALIDATION_FAILED');
    }
    expect(requests).toHaveLength(0);
  });
});

describe('createHttpAdapter: responses', () => {
  it('R4: turns a problem document back into the very OffboardError the backend threw', async () => {
    const thrown = new OffboardError('LAST_LICENSE_IN_COUNTRY', { id: 'u-diego', country: 'CO', phoneNumbers: [{ id: 'pn-co-1', number: '+576012345678' }] }, LAST_LICENSE_IN_COUNTRY_MESSAGE);
    const { fetch } = stubFetch(() => Response.json(toProblem(thrown), { status: 409, headers: { 'Content-Type': 'application/problem+json' } }));
    const error = await rejection(createHttpAdapter({ baseUrl: BASE_URL, fetch }).deactivateLicense('u-diego', as('u-ana')));
    expect(error.toJSON()).toEqual(thrown.toJSON());
    expect(error.message).toBe("You must deactivate the phone numbers for this license's country before removing the last license in the country.");
  });

  it('an answer without a problem document is SERVER_ERROR with the status', async () => {
    for (const [status, body] of [[500, 'Internal Server Error'], [503, '<html>Service Unavailable</html>'], [404, '']] as const) {
      const { fetch } = stubFetch(() => new Response(body, { status }));
      const error = await rejection(createHttpAdapter({ baseUrl: BASE_URL, fetch }).getSeatUsage(observer));
      expect([error.code, error.details.status, error.retryable]).toEqual(['SERVER_ERROR', status, true]);
    }
  });

  it('a malformed success response is SERVER_ERROR naming the field, never bad data handed to the UI', async () => {
    const cases: [(adapter: OffboardAdapter) => Promise<unknown>, unknown, string][] = [
      [(adapter) => adapter.getUser('u-ana', observer), { ...user, email: undefined }, 'response.email'],
      [(adapter) => adapter.getUser('u-ana', observer), { ...user, role: 'owner' }, 'response.role'],
      [(adapter) => adapter.listUsers({}, observer), { items: [{ ...user, version: 'one' }], nextCursor: null, total: 1 }, 'response.items.0.version'],
      [(adapter) => adapter.getSeatUsage(observer), { total: 11, used: -1, available: 12 }, 'response.used'],
      [(adapter) => adapter.getSeatUsage(observer), 'not json at all', 'response'],
    ];
    for (const [call, body, field] of cases) {
      const { fetch } = stubFetch(() => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status: 200 }));
      const error = await rejection(call(createHttpAdapter({ baseUrl: BASE_URL, fetch })));
      expect([error.code, error.details.field], field).toEqual(['SERVER_ERROR', field]);
    }
  });

  it('keeps only the fields the contract knows, so a newer server can add some', async () => {
    const { fetch } = stubFetch(() => Response.json({ ...user, avatarUrl: 'https://example.test/ana.png' }));
    expect(await createHttpAdapter({ baseUrl: BASE_URL, fetch }).getUser('u-ana', observer)).toEqual(user);
  });
});

describe('createHttpAdapter: transport failures', () => {
  it('a failed fetch is NETWORK_ERROR with reason network, retryable', async () => {
    const { fetch } = stubFetch(() => Promise.reject(new TypeError('fetch failed')));
    const error = await rejection(createHttpAdapter({ baseUrl: BASE_URL, fetch }).getSeatUsage(observer));
    expect([error.code, error.details.reason, error.retryable]).toEqual(['NETWORK_ERROR', 'network', true]);
  });

  it('no answer within timeoutMs aborts the request: NETWORK_ERROR with reason timeout', async () => {
    // Fake timers: the deadline is checked to the millisecond, and no wall clock makes it flaky on a busy machine.
    vi.useFakeTimers();
    try {
      const { fetch, requests } = stubFetch(
        (request) => new Promise((_, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason))),
      );
      let settled = false;
      const outcome = rejection(createHttpAdapter({ baseUrl: BASE_URL, fetch, timeoutMs: 30 }).getSeatUsage(observer)).finally(() => {
        settled = true;
      });
      await vi.advanceTimersByTimeAsync(29);
      expect([requests.length, requests[0]!.signal.aborted, settled]).toEqual([1, false, false]);
      await vi.advanceTimersByTimeAsync(1);
      const error = await outcome;
      expect(error.details).toEqual({ reason: 'timeout', timeoutMs: 30 });
      expect(requests[0]!.signal.aborted).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
