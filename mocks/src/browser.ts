import type { OffboardAdapter } from '@offboard/core';
import { setupWorker, type SetupWorker, type StartOptions } from 'msw/browser';
import { createHandlers, type MockOptions } from './createHandlers';
import type { FaultController } from './faults';

export type MockWorker = SetupWorker & { readonly faults: FaultController };

/**
 * Starts the service worker that answers the contract in the browser. Needs
 * `mockServiceWorker.js` served at the site root (`npx msw init <public dir>`). Requests outside
 * the contract go to the network untouched.
 */
export async function startMockWorker(
  backend: OffboardAdapter,
  options: MockOptions & { readonly start?: StartOptions },
): Promise<MockWorker> {
  const handlers = createHandlers(backend, options);
  const worker = setupWorker(...handlers);
  await worker.start({ onUnhandledRequest: 'bypass', ...options.start });
  return Object.assign(worker, { faults: handlers.faults });
}
