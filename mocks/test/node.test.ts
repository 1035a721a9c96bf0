import { createHttpAdapter, isOffboardError } from '@offboard/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer } from '../src/node';
import { backendFor } from './mockServer';

const backend = backendFor();
const server = createMockServer(backend, { baseUrl: 'http://api.test/offboard/' });
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('createMockServer (msw/node)', () => {
  it('serves the contract under the base URL and exposes the fault controller', async () => {
    const adapter = createHttpAdapter({ baseUrl: 'http://api.test/offboard' });
    expect(await adapter.getSeatUsage()).toEqual(await backend.getSeatUsage());
    server.faults.set('getSeatUsage', { kind: 'server-error' });
    const error = await adapter.getSeatUsage().catch((reason: unknown) => reason);
    expect(isOffboardError(error) && error.code).toBe('SERVER_ERROR');
    expect(await adapter.getSeatUsage()).toEqual(await backend.getSeatUsage());
  });
});
