import type { OffboardAdapter, ReadContext } from '../adapter/OffboardAdapter';
import { OPERATIONS, ROUTES, partsFromArgs, type OperationName } from '../contract/routes';
import { joinUrl } from '../contract/transport';
import { buildRequest } from './buildRequest';
import { exchange } from './exchange';
import { readResponse } from './readResponse';

type HeaderValues = Readonly<Record<string, string>>;

/** The call a `headers` function is asked about: which operation, on behalf of whom. */
export interface OutgoingCall {
  readonly operation: OperationName;
  /** The context the caller passed; it never travels as such, but a client acting for several callers picks their credentials by it. */
  readonly context: ReadContext;
}

export interface HttpAdapterOptions {
  /** Where the API lives: absolute (`https://api.example.com/offboard`) or relative to the page (`/`). */
  readonly baseUrl: string;
  /**
   * The fetch to use. @default globalThis.fetch, looked up at each call so a mock installed
   * after the adapter was created (MSW) is still used.
   */
  readonly fetch?: typeof fetch;
  /**
   * The credentials and other headers of every request, such as `Authorization`; a function is
   * called per request (fresh tokens), with the call it is for. The server learns the caller
   * from them: nothing in the request names the acting user.
   */
  readonly headers?: HeaderValues | ((call: OutgoingCall) => HeaderValues | Promise<HeaderValues>);
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
    const parts = partsFromArgs(route, args);
    const request = buildRequest(route, parts);
    const outgoing: OutgoingCall = { operation, context: parts.context as ReadContext };
    const extra = typeof options.headers === 'function' ? await options.headers(outgoing) : options.headers;
    // Contract headers win over extras whatever their case, so a key or version is never overridden by accident.
    const headers = new Headers(extra);
    for (const [name, value] of Object.entries(request.headers)) headers.set(name, value);
    const init: RequestInit = { method: request.method, headers, ...(request.body !== undefined && { body: request.body }) };
    const reply = await exchange(fetchFn, joinUrl(options.baseUrl, request.target), init, timeoutMs);
    return readResponse(route, reply);
  }

  const methods = OPERATIONS.map((operation) => [operation, (...args: unknown[]) => call(operation, args)]);
  return Object.fromEntries(methods) as OffboardAdapter;
}
