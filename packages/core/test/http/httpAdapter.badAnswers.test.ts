import { as, observer, refusal } from '../../src/testing/harness';
import { describe, expect, it } from 'vitest';
import { OffboardError, createHttpAdapter } from '../../src';

// What the HTTP adapter makes of answers a conforming server never gives: each must reject with
// a SERVER_ERROR saying what was wrong (retryable, shown as such), never resolve with bad data.

const BASE_URL = 'http://api.test/offboard/';
const seats = { total: 12, used: 11, available: 1 };

/** An adapter whose fetch answers every request with `answer()`, and the requests it was sent. */
function adapterAnswering(answer: () => Response) {
  const requests: Request[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    requests.push(new Request(input, init));
    return answer();
  };
  return { adapter: createHttpAdapter({ baseUrl: BASE_URL, fetch: fetch as typeof globalThis.fetch }), requests };
}


describe('createHttpAdapter: answers outside the contract', () => {
  it('a success status with a body that is not JSON is SERVER_ERROR "response is not JSON", with the status', async () => {
    for (const text of ['<html>OK</html>', '', '{"total": 12,']) {
      const { adapter } = adapterAnswering(() => new Response(text, { status: 200 }));
      const error = await refusal(adapter.getSeatUsage(observer), 'SERVER_ERROR');
      expect(error.toJSON(), text).toEqual({
        code: 'SERVER_ERROR',
        message: 'response is not JSON',
        details: { status: 200, field: 'response', issues: [{ path: 'response', message: 'is not JSON' }] },
      });
      expect(error.retryable).toBe(true);
    }
  });

  it('a 300 is not a success: SERVER_ERROR with the status, even when its body would pass as the answer', async () => {
    // fetch follows 301/302/303/307/308 itself, but hands a 300 Multiple Choices over as it is.
    const { adapter } = adapterAnswering(() => Response.json(seats, { status: 300 }));
    const error = await refusal(adapter.getSeatUsage(observer), 'SERVER_ERROR');
    expect(error.toJSON()).toEqual(new OffboardError('SERVER_ERROR', { status: 300 }).toJSON());
  });

  it('the last 2xx status is still a success', async () => {
    const { adapter } = adapterAnswering(() => Response.json(seats, { status: 299 }));
    expect(await adapter.getSeatUsage(observer)).toEqual(seats);
  });

  it('a status below 200 (an opaque or error response, status 0) is SERVER_ERROR with that status', async () => {
    // A host's fetch may hand back such a Response (`Response.error()`, or an opaque one from `mode: 'no-cors'`).
    const { adapter } = adapterAnswering(() => Response.error());
    const error = await refusal(adapter.getSeatUsage(observer), 'SERVER_ERROR');
    expect(error.toJSON()).toEqual(new OffboardError('SERVER_ERROR', { status: 0 }).toJSON());
  });

  it('R1: a server that answers a user delete with a success is SERVER_ERROR, never a deleted user', async () => {
    const { adapter, requests } = adapterAnswering(() => Response.json({ id: 'u-carla' }, { status: 200 }));
    const error = await refusal(adapter.deleteUser('u-carla', as('u-ana', { idempotencyKey: 'k-del' })), 'SERVER_ERROR');
    expect([requests[0]!.method, requests[0]!.url]).toEqual(['DELETE', 'http://api.test/offboard/v1/users/u-carla']);
    expect(error.toJSON()).toEqual({
      code: 'SERVER_ERROR',
      message: 'response accepted a request the contract always refuses',
      details: { status: 200, field: 'response' },
    });
  });
});
