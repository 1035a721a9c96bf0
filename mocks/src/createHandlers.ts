import { joinUrl, type OffboardAdapter } from '@offboard/core';
import { createOffboardHandler, matchRoute, type Authenticate } from '@offboard/core/server';
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
  /**
   * Who calls, as a real server would learn it: `createDemoAuthenticator().authenticate` in
   * stories and tests, or the host's own. Requests it does not recognise are answered 401.
   */
  readonly authenticate: Authenticate;
  /** Delay before every answer, in ms or as a `[min, max]` range. @default 0 */
  readonly latency?: Latency;
  /** Faults armed from the start, per operation or `'*'`; change them later through `faults`. */
  readonly faults?: Partial<Record<FaultTarget, Fault>>;
}

/** MSW handlers (spread them into `setupServer`, `setupWorker` or a story) plus their fault controller. */
export type MockHandlers = HttpHandler[] & { readonly faults: FaultController };

/**
 * The whole REST contract served from `backend` (usually `createInMemoryBackend`), so stories and
 * tests run every rule for real over HTTP, through the very handler a host's server runs
 * (`createOffboardHandler`); this file adds only MSW wiring, latency and faults.
 */
export function createHandlers(backend: OffboardAdapter, options: MockOptions): MockHandlers {
  const faults = createFaultController(options.faults);
  const baseUrl = options.baseUrl ?? '/';
  const basePath = new URL(baseUrl, 'http://base.invalid').pathname.replace(/\/+$/, '');
  const handle = createOffboardHandler({ backend, authenticate: options.authenticate, basePath });
  const contract = http.all(joinUrl(baseUrl, '/v1/*'), async ({ request }) => {
    await wait(options.latency);
    const match = matchRoute(request.method, new URL(request.url).pathname.slice(basePath.length));
    return withFault(match.operation ? faults.take(match.operation) : undefined, request, () => handle(request));
  });
  return Object.assign([contract], { faults });
}
