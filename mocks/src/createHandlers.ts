import { OPERATIONS, ROUTES, joinUrl, type OffboardAdapter } from '@offboard/core';
import { handleRoute, handleUnknownRoute } from '@offboard/core/server';
import { http, type HttpHandler } from 'msw';
import { createFaultController, withFault, type Fault, type FaultController, type FaultTarget } from './faults';
import { wait, type Latency } from './latency';

export interface MockOptions {
  /**
   * Where the API is mounted. Relative to the page in the browser and Storybook; tests in Node
   * need an absolute one such as `'http://offboard.test'`.
   * @default '/'
   */
  readonly baseUrl?: string;
  /** Delay before every answer, in ms or as a `[min, max]` range. @default 0 */
  readonly latency?: Latency;
  /** Faults armed from the start, per operation or `'*'`; change them later through `faults`. */
  readonly faults?: Partial<Record<FaultTarget, Fault>>;
}

/** MSW handlers (spread them into `setupServer`, `setupWorker` or a story) plus their fault controller. */
export type MockHandlers = HttpHandler[] & { readonly faults: FaultController };

const METHODS = { GET: http.get, POST: http.post, DELETE: http.delete } as const;

/**
 * The whole REST contract served from `backend` (usually `createInMemoryBackend`), so stories and
 * tests run every rule for real over HTTP. Parsing, problem documents and ETags come from core's
 * `handleRoute`; this file adds only MSW wiring, latency and faults.
 */
export function createHandlers(backend: OffboardAdapter, options: MockOptions = {}): MockHandlers {
  const faults = createFaultController(options.faults);
  const url = (path: string) => joinUrl(options.baseUrl ?? '/', path);

  const operations = OPERATIONS.map((operation) => {
    const { method, path } = ROUTES[operation];
    return METHODS[method](url(path), async ({ request, params }) => {
      await wait(options.latency);
      return withFault(faults.take(operation), request, () => handleRoute(backend, operation, request, params));
    });
  });
  // After every route: other methods on a known path get 405 + Allow, unknown paths 404.
  const paths = [...new Set(OPERATIONS.map((operation) => ROUTES[operation].path))];
  const fallbacks = [
    ...paths.map((path) => http.all(url(path), ({ request }) => handleUnknownRoute(request, path))),
    http.all(url('/v1/*'), ({ request }) => handleUnknownRoute(request)),
  ];
  return Object.assign([...operations, ...fallbacks], { faults });
}
