import { observer } from '@offboard/core/testing';
import { createHttpAdapter, isOffboardError } from '@offboard/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer } from '../src/node';
import { auth, backendFor, bearer } from './mockServer';

const backend = backendFor();
const server = createMockServer(backend, { baseUrl: 'http://api.test/offboard/', authenticate: auth.authenticate });
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('createMockServer (msw/node)', () => {
  it('serves the contract under the base URL and exposes the fault controller', async () => {
    const adapter = createHttpAdapter({ baseUrl: 'http://api.test/offboard', headers: bearer('u-ana') });
    expect(await adapter.getSeatUsage(observer)).toEqual(await backend.getSeatUsage(observer));
    server.faults.set('getSeatUsage', { kind: 'server-error' });
    const error = await adapter.getSeatUsage(observer).catch((reason: unknown) => reason);
    expect(isOffboardError(error) && error.code).toBe('SERVER_ERROR');
    expect(await adapter.getSeatUsage(observer)).toEqual(await backend.getSeatUsage(observer));
  });
});
