import { as, observer } from '../../src/testing/harness';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHttpAdapter } from '../../src';

// What the HTTP adapter hands to fetch, and what it leaves behind once a call is over.

const BASE_URL = 'http://api.test/offboard/';
const seats = { total: 12, used: 11, available: 1 };
const user = { id: 'u-ana', name: 'Ana García', email: 'ana@vixiees.example', role: 'admin', status: 'active', license: null, version: 1 };

/** A fetch that records the arguments exactly as it received them. */
function recordingFetch(respond: () => Response | Promise<Response>) {
  const calls: { input: RequestInfo | URL; init: RequestInit }[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ input, init: init! });
    return respond();
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('createHttpAdapter: fetch', () => {
  it('without a fetch option it uses the global fetch of each call, so a mock installed after creation (MSW) answers', async () => {
    const adapter = createHttpAdapter({ baseUrl: BASE_URL });
    const { fetch, calls } = recordingFetch(() => Response.json(seats));
    vi.stubGlobal('fetch', fetch);
    expect(await adapter.getSeatUsage(observer)).toEqual(seats);
    expect(calls.map(({ input, init }) => [init.method, String(input)])).toEqual([['GET', 'http://api.test/offboard/v1/seats']]);
  });

  it('hands a custom fetch a body member only when the call has a body', async () => {
    const { fetch, calls } = recordingFetch(() => Response.json(user));
    const adapter = createHttpAdapter({ baseUrl: BASE_URL, fetch });
    await adapter.getUser('u-ana', observer);
    await adapter.deactivateUser('u-carla', as('u-ana', { idempotencyKey: 'k-1' })).catch(() => {});
    await adapter.assignLicense('u-julia', { country: 'ES' }, as('u-ana', { idempotencyKey: 'k-2' })).catch(() => {});
    // A fetch of its own (a wrapper, a recorder, a non-browser client) may tell `body: undefined` from no body.
    expect(calls.map(({ init }) => [init.method, Object.keys(init).sort()])).toEqual([
      ['GET', ['headers', 'method', 'signal']],
      ['POST', ['headers', 'method', 'signal']],
      ['POST', ['body', 'headers', 'method', 'signal']],
    ]);
    expect(calls[2]!.init.body).toBe('{"country":"ES"}');
  });

  it('a finished call leaves no timer behind and never aborts the signal it gave fetch afterwards', async () => {
    vi.useFakeTimers();
    const answered = recordingFetch(() => Response.json(seats));
    await createHttpAdapter({ baseUrl: BASE_URL, fetch: answered.fetch, timeoutMs: 50 }).getSeatUsage(observer);
    const failed = recordingFetch(() => Promise.reject(new TypeError('fetch failed')));
    await createHttpAdapter({ baseUrl: BASE_URL, fetch: failed.fetch, timeoutMs: 50 }).getSeatUsage(observer).catch(() => {});
    // A pending timer would keep a server process (or a test run) alive for timeoutMs after the answer.
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(100);
    expect([answered.calls[0]!.init.signal!.aborted, failed.calls[0]!.init.signal!.aborted]).toEqual([false, false]);
  });
});
