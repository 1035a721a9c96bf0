import type { OffboardAdapter } from '@offboard/core';
import { setupServer, type SetupServer } from 'msw/node';
import { createHandlers, type MockOptions } from './createHandlers';
import type { FaultController } from './faults';

export type MockServer = SetupServer & { readonly faults: FaultController };

/** An MSW server for Node tests; call `listen()` / `close()` around the tests as usual. */
export function createMockServer(backend: OffboardAdapter, options: MockOptions): MockServer {
  const handlers = createHandlers(backend, options);
  return Object.assign(setupServer(...handlers), { faults: handlers.faults });
}
