import type { Caller } from '../adapter/context';
import type { OffboardAdapter } from '../adapter/OffboardAdapter';
import { ETAG_HEADER, IDEMPOTENCY_KEY_HEADER, IF_MATCH_HEADER, formatETag } from '../contract/headers';
import { PROBLEM_CONTENT_TYPE, toProblem } from '../contract/problems';
import { ROUTES, allowedMethods, argsFromParts, type OperationName, type Route } from '../contract/routes';
import { ReadContextSchema } from '../contract/schemas';
import { DEFAULT_MAX_BODY_BYTES, JSON_CONTENT_TYPE } from '../contract/transport';
import { invalidField, validate } from '../contract/validate';
import { OffboardError, forbidden, isOffboardError } from '../errors/OffboardError';
import { matchRoute } from './matchRoute';
import { createOpenApiDocument } from './openapi';
import { HttpRefusal, parseRequest, requireJsonContentType } from './parseRequest';

/** Who calls, from the request's credentials, or `null`/`undefined` when it carries none that hold. */
export type Authenticate = (request: Request) => Caller | null | undefined | Promise<Caller | null | undefined>;

/** What the host's log learns of a failure the caller is not told about. */
export interface ErrorReport {
  /** The id the caller's problem carries as `instance` (`urn:uuid:<requestId>`) and the `X-Request-Id` header. */
  readonly requestId: string;
  /** The operation, or `null` when the request matched none. */
  readonly operation: OperationName | null;
}

export interface OffboardHandlerOptions {
  /** One backend for every organisation: each call carries the caller's `organisationId` (R13). */
  readonly backend?: OffboardAdapter;
  /** Or a backend per organisation, picked for each request's caller. */
  readonly backendFor?: (organisationId: string) => OffboardAdapter | Promise<OffboardAdapter>;
  /**
   * The host's, and the only source of identity: a session cookie, a verified bearer token, an
   * API key for a service identity. It runs before the body is read; `null` answers 401.
   */
  readonly authenticate: Authenticate;
  /** Where the contract is mounted: with `/api/offboard`, `GET /api/offboard/v1/users` lists users. @default '' */
  readonly basePath?: string;
  /**
   * The browser origins allowed to call: CORS answers them (and only them), and a change whose
   * `Origin` is another is refused (403, reason `origin-not-allowed`: CSRF); requests without
   * `Origin` (servers, curl) pass. Omitted: same-origin only, no CORS (changes still need
   * `Content-Type: application/json`, which a form cannot send).
   */
  readonly allowedOrigins?: readonly string[];
  /** The largest body read, in bytes; a larger one is cut off as it streams in (413). @default 1 MiB */
  readonly maxBodyBytes?: number;
  /**
   * How long a request may take, body included: a body still arriving then is refused (408); a
   * backend still working answers 503 `SERVER_ERROR`, retryable with the same idempotency key.
   * @default 15_000
   */
  readonly timeoutMs?: number;
  /**
   * Every failure the caller is told only "the server failed" about (an adapter's own error, a
   * response outside the contract, a timeout), for the host's log. The caller gets a generic 500
   * (or 503) whose `instance` names `requestId`; the error never leaves the server.
   */
  readonly onError?: (error: unknown, report: ErrorReport) => void;
}

/** The whole REST contract as one function on standard `Request` / `Response`. */
export type OffboardHandler = (request: Request) => Promise<Response>;

export const DEFAULT_HANDLER_TIMEOUT_MS = 15_000;

/** How far a request got, so a timeout can say whose slowness it was. */
interface Progress {
  phase: 'request' | 'body' | 'backend';
}

/** Headers every answer carries: never cached (they differ per caller), never sniffed, correlated. */
function baseHeaders(requestId: string, contentType: string): Headers {
  return new Headers({
    'Content-Type': contentType,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'X-Request-Id': requestId,
  });
}

const CORS_ALLOW_HEADERS = ['Authorization', 'Content-Type', IDEMPOTENCY_KEY_HEADER, IF_MATCH_HEADER].join(', ');

/** Refuses after `ms`, unless `work` settles first; the timer never outlives the request. */
async function within<T>(ms: number, work: Promise<T>, late: () => Error): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(late()), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Serves the whole REST contract with any `OffboardAdapter` behind it, in any runtime that speaks
 * `Request` / `Response` (Node, a service worker, an edge function, MSW). For each request, in
 * order: the route from `ROUTES` (404, 405), the origin of a change (CSRF), `authenticate` (401),
 * a change's content type (415), then the request's parts (400, 408, 413) and the backend, called
 * with a context built from the authenticated caller only. Nothing the browser sends names the
 * acting user or the organisation. What the backend answers leaves projected onto the route's
 * response schema, so fields outside the contract never do.
 */
export function createOffboardHandler(options: OffboardHandlerOptions): OffboardHandler {
  if (!options.backend === !options.backendFor) throw new TypeError('createOffboardHandler needs exactly one of backend and backendFor');
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  const allowedOrigins = options.allowedOrigins && new Set(options.allowedOrigins);
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const timeoutMs = options.timeoutMs ?? DEFAULT_HANDLER_TIMEOUT_MS;
  const backendOf = async (organisationId: string) => options.backend ?? options.backendFor!(organisationId);
  let openApi: string | undefined;

  /** Any failure as a problem document; a 405 names the methods the path does allow. */
  function problemResponse(error: unknown, requestId: string, operation: OperationName | null, allow: readonly string[] = []): Response {
    const refusal = error instanceof HttpRefusal ? error : undefined;
    const known = refusal?.error ?? (isOffboardError(error) ? error : new OffboardError('SERVER_ERROR'));
    const problem = toProblem(known, refusal?.status, requestId);
    if (problem.status >= 500) options.onError?.(error, { requestId, operation });
    const headers = baseHeaders(requestId, PROBLEM_CONTENT_TYPE);
    if (problem.status === 405) headers.set('Allow', allow.join(', '));
    return new Response(JSON.stringify(problem), { status: problem.status, headers });
  }

  /** CORS for an allowed origin: credentials may be sent and `ETag` read. Others get nothing. */
  function withCors(response: Response, origin: string | null): Response {
    if (origin === null || !allowedOrigins?.has(origin)) return response;
    response.headers.set('Access-Control-Allow-Origin', origin);
    response.headers.set('Access-Control-Allow-Credentials', 'true');
    response.headers.set('Access-Control-Expose-Headers', `${ETAG_HEADER}, X-Request-Id`);
    response.headers.append('Vary', 'Origin');
    return response;
  }

  async function serve(request: Request, requestId: string, path: string, origin: string | null, progress: Progress): Promise<Response> {
    if (request.method === 'OPTIONS' && allowedOrigins && origin !== null && request.headers.has('Access-Control-Request-Method')) {
      const preflight = new Response(null, { status: 204, headers: baseHeaders(requestId, 'text/plain') });
      if (allowedOrigins.has(origin)) {
        preflight.headers.set('Access-Control-Allow-Methods', 'GET, POST, DELETE');
        preflight.headers.set('Access-Control-Allow-Headers', CORS_ALLOW_HEADERS);
        preflight.headers.set('Access-Control-Max-Age', '600');
      }
      return preflight;
    }
    if (request.method === 'GET' && path === '/openapi.json') {
      openApi ??= JSON.stringify(createOpenApiDocument({ basePath }));
      return new Response(openApi, { status: 200, headers: baseHeaders(requestId, JSON_CONTENT_TYPE) });
    }
    const match = matchRoute(request.method, path);
    if (match.operation === null) {
      if (match.allow.length === 0) return problemResponse(new OffboardError('NOT_FOUND', { method: request.method, path }, 'No such endpoint.'), requestId, null);
      return problemResponse(new HttpRefusal(405, invalidField('method', `must be one of ${match.allow.join(', ')}`)), requestId, null, match.allow);
    }
    const { operation } = match;
    const route: Route = ROUTES[operation];
    try {
      if (route.mutation && allowedOrigins && origin !== null && !allowedOrigins.has(origin)) throw forbidden('origin-not-allowed');
      const authenticated = await options.authenticate(request);
      if (!authenticated) throw new OffboardError('UNAUTHENTICATED');
      // The host's authenticate is trusted, but a malformed caller is a bug on the server's side.
      const caller = validate(ReadContextSchema, authenticated, 'caller', 'SERVER_ERROR');
      if (route.mutation) requireJsonContentType(request);
      progress.phase = 'body';
      const parts = await parseRequest(route, request, match.id, caller, maxBodyBytes);
      progress.phase = 'backend';
      const backend = await backendOf(caller.organisationId);
      const method = backend[operation] as (...args: unknown[]) => Promise<unknown>;
      const result = await method.apply(backend, argsFromParts(route, parts));
      if (route.response === null) throw new Error(`${operation} succeeded, which the contract never allows`);
      // Only what the contract says leaves: a field the backend added (a password hash…) does not.
      const body = validate(route.response, result, 'response', 'SERVER_ERROR');
      const headers = baseHeaders(requestId, JSON_CONTENT_TYPE);
      if (route.etag) headers.set(ETAG_HEADER, formatETag(route.etag(body)));
      return new Response(JSON.stringify(body), { status: route.status, headers });
    } catch (error) {
      return problemResponse(error, requestId, operation, allowedMethods(route.path));
    }
  }

  return async (request) => {
    const requestId = crypto.randomUUID();
    const origin = request.headers.get('Origin');
    const { pathname } = new URL(request.url);
    const path = pathname.startsWith(`${basePath}/`) ? pathname.slice(basePath.length) : null;
    if (path === null) return problemResponse(new OffboardError('NOT_FOUND', { method: request.method, path: pathname }, 'No such endpoint.'), requestId, null);
    const progress: Progress = { phase: 'request' };
    // A body still arriving at the deadline is the client's slowness (408, slowloris); anything
    // else is the server's (503), and retrying with the same idempotency key is safe.
    const response = await within(timeoutMs, serve(request, requestId, path, origin, progress), () =>
      progress.phase === 'body'
        ? new HttpRefusal(408, invalidField('body', `did not arrive within ${timeoutMs} ms`))
        : new HttpRefusal(503, new OffboardError('SERVER_ERROR', { reason: 'timeout' })),
    ).catch((late: unknown) => problemResponse(late, requestId, matchRoute(request.method, path).operation));
    return withCors(response, origin);
  };
}
