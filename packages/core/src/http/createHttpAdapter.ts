import type { OffboardAdapter } from '../adapter/OffboardAdapter';
import { OPERATIONS, ROUTES, partsFromArgs, type OperationName } from '../contract/routes';
import { joinUrl } from '../contract/transport';
import { buildRequest } from './buildRequest';
import { exchange } from './exchange';
import { readResponse } from './readResponse';

type HeaderValues = Readonly<Record<string, string>>;

export interface HttpAdapterOptions {
  /** Where the API lives: absolute (`https://api.example.com/offboard`) or relative to the page (`/`). */
  readonly baseUrl: string;
  /**
   * The fetch to use. @default globalThis.fetch, looked up at each call so a mock installed
   * after the adapter was created (MSW) is still used.
   */
  readonly fetch?: typeof fetch;
  /** Extra headers for every request, such as `Authorization`; a function is called per request, for fresh tokens. */
  readonly headers?: HeaderValues | (() => HeaderValues | Promise<HeaderValues>);
  /** A request with no complete answer after this many milliseconds fails with `NETWORK_ERROR` (reason `timeout`). @default 15000 */
  readonly timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * `OffboardAdapter` over the REST contract. Every method is generated from `ROUTES`; each rejects
 * with `OffboardError` only: refusals arrive as the backend's own error, transport failures as
 * `NETWORK_ERROR` / `SERVER_ERROR` (both `retryable`).
 */
export function createHttpAdapter(options: HttpAdapterOptions): OffboardAdapter {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const fetchFn: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  async function call(operation: OperationName, args: readonly unknown[]): Promise<unknown> {
    const route = ROUTES[operation];
    const request = buildRequest(route, partsFromArgs(route, args));
    const extra = typeof options.headers === 'function' ? await options.headers() : options.headers;
    // Contract headers win over extras whatever their case, so a host cannot spoof the actor by accident.
    const headers = new Headers(extra);
    for (const [name, value] of Object.entries(request.headers)) headers.set(name, value);
    const init: RequestInit = { method: request.method, headers, ...(request.body !== undefined && { body: request.body }) };
    const reply = await exchange(fetchFn, joinUrl(options.baseUrl, request.target), init, timeoutMs);
    return readResponse(route, reply);
  }

  const methods = OPERATIONS.map((operation) => [operation, (...args: unknown[]) => call(operation, args)]);
  return Object.fromEntries(methods) as OffboardAdapter;
}
