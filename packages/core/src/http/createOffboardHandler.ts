import type * as v from 'valibot';
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
import { HttpRefusal, parseRequest, quietly, requireJsonContentType } from './parseRequest';
import { compileProjection, type Projection } from './projection';

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

/** An answer as plain data, before it becomes a `Response`. */
export interface OffboardAnswer {
  readonly status: number;
  /** Lower-case names, as a `Response`'s headers give them. */
  readonly headers: Readonly<Record<string, string>>;
  /** JSON (a problem document for a refusal); `null` for none (a preflight). */
  readonly body: string | null;
}

/** The whole REST contract as one function on standard `Request` / `Response`. */
export interface OffboardHandler {
  (request: Request): Promise<Response>;
  /**
   * The same answer as plain data. For a server that writes answers itself: `@offboard/server`
   * does, and so skips building a `Response` and reading its body back through a web stream.
   */
  answer(request: Request): Promise<OffboardAnswer>;
}

export const DEFAULT_HANDLER_TIMEOUT_MS = 15_000;

/** How far a request got, so a timeout can say whose slowness it was, and for which operation. */
interface Progress {
  phase: 'request' | 'body' | 'backend';
  operation: OperationName | null;
}

type HeaderRecord = Record<string, string>;

/** Headers every answer carries: never cached (they differ per caller), never sniffed, correlated. */
function baseHeaders(requestId: string, contentType: string): HeaderRecord {
  return { 'content-type': contentType, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'x-request-id': requestId };
}

const CORS_ALLOW_HEADERS = ['Authorization', 'Content-Type', IDEMPOTENCY_KEY_HEADER, IF_MATCH_HEADER].join(', ');

/** Settles as `work` does, or refuses with `late()` after `ms`; one timer, cleared as soon as `work` settles. */
function within<T>(ms: number, work: Promise<T>, late: () => unknown): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(late()), ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

const toResponse = ({ status, headers, body }: OffboardAnswer) => new Response(body, { status, headers });

/** Each route's response projection, compiled on its first answer and shared by every handler. */
const projections = new WeakMap<v.GenericSchema, Projection>();
function projectionOf(schema: v.GenericSchema): Projection {
  let projection = projections.get(schema);
  if (!projection) projections.set(schema, (projection = compileProjection(schema)));
  return projection;
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
  function problemAnswer(error: unknown, requestId: string, operation: OperationName | null, allow: readonly string[] = []): OffboardAnswer {
    const refusal = error instanceof HttpRefusal ? error : undefined;
    const known = refusal?.error ?? (isOffboardError(error) ? error : new OffboardError('SERVER_ERROR'));
    const problem = toProblem(known, refusal?.status, requestId);
    if (problem.status >= 500) options.onError?.(error, { requestId, operation });
    const headers = baseHeaders(requestId, PROBLEM_CONTENT_TYPE);
    if (problem.status === 405) headers.allow = allow.join(', ');
    return { status: problem.status, headers, body: JSON.stringify(problem) };
  }

  /** CORS for an allowed origin: credentials may be sent and `ETag` read. Others get nothing. */
  function withCors(answer: OffboardAnswer, origin: string | null): OffboardAnswer {
    if (origin === null || !allowedOrigins?.has(origin)) return answer;
    const headers = answer.headers as HeaderRecord;
    headers['access-control-allow-origin'] = origin;
    headers['access-control-allow-credentials'] = 'true';
    headers['access-control-expose-headers'] = `${ETAG_HEADER}, X-Request-Id`;
    headers.vary = 'Origin';
    return answer;
  }

  async function serve(request: Request, url: URL, requestId: string, path: string, origin: string | null, progress: Progress): Promise<OffboardAnswer> {
    if (request.method === 'OPTIONS' && allowedOrigins && origin !== null && request.headers.has('Access-Control-Request-Method')) {
      const headers = baseHeaders(requestId, 'text/plain');
      if (allowedOrigins.has(origin)) {
        headers['access-control-allow-methods'] = 'GET, POST, DELETE';
        headers['access-control-allow-headers'] = CORS_ALLOW_HEADERS;
        headers['access-control-max-age'] = '600';
      }
      return { status: 204, headers, body: null };
    }
    if (request.method === 'GET' && path === '/openapi.json') {
      openApi ??= JSON.stringify(createOpenApiDocument({ basePath }));
      return { status: 200, headers: baseHeaders(requestId, JSON_CONTENT_TYPE), body: openApi };
    }
    const match = matchRoute(request.method, path);
    if (match.operation === null) {
      if (match.allow.length === 0) return problemAnswer(quietly(() => new OffboardError('NOT_FOUND', { method: request.method, path }, 'No such endpoint.')), requestId, null);
      return problemAnswer(new HttpRefusal(405, quietly(() => invalidField('method', `must be one of ${match.allow.join(', ')}`))), requestId, null, match.allow);
    }
    const { operation } = match;
    progress.operation = operation;
    const route: Route = ROUTES[operation];
    try {
      if (route.mutation && allowedOrigins && origin !== null && !allowedOrigins.has(origin)) throw quietly(() => forbidden('origin-not-allowed'));
      const authenticated = await options.authenticate(request);
      if (!authenticated) throw quietly(() => new OffboardError('UNAUTHENTICATED'));
      // The host's authenticate is trusted, but a malformed caller is a bug on the server's side.
      const caller = validate(ReadContextSchema, authenticated, 'caller', 'SERVER_ERROR');
      if (route.mutation) requireJsonContentType(request);
      progress.phase = 'body';
      const parts = await parseRequest(route, request, url.searchParams, match.id, caller, maxBodyBytes);
      progress.phase = 'backend';
      const backend = await backendOf(caller.organisationId);
      const method = backend[operation] as (...args: unknown[]) => Promise<unknown>;
      const result = await method.apply(backend, argsFromParts(route, parts));
      if (route.response === null) throw new Error(`${operation} succeeded, which the contract never allows`);
      // Only what the contract says leaves: a field the backend added (a password hash…) does not.
      // The compiled projection writes what valibot would keep; when it finds the result outside
      // the contract, validate names the field (SERVER_ERROR).
      const body = projectionOf(route.response)(result) ?? JSON.stringify(validate(route.response, result, 'response', 'SERVER_ERROR'));
      const headers = baseHeaders(requestId, JSON_CONTENT_TYPE);
      // A result the projection accepted carries the contract's version where the ETag reads it.
      if (route.etag) headers.etag = formatETag(route.etag(result));
      return { status: route.status, headers, body };
    } catch (error) {
      return problemAnswer(error, requestId, operation, allowedMethods(route.path));
    }
  }

  async function answer(request: Request): Promise<OffboardAnswer> {
    const requestId = crypto.randomUUID();
    const origin = request.headers.get('Origin');
    // Parsed once: the path routes the request, its query becomes the operation's.
    const url = new URL(request.url);
    const { pathname } = url;
    const path = pathname.startsWith(`${basePath}/`) ? pathname.slice(basePath.length) : null;
    if (path === null) return problemAnswer(quietly(() => new OffboardError('NOT_FOUND', { method: request.method, path: pathname }, 'No such endpoint.')), requestId, null);
    const progress: Progress = { phase: 'request', operation: null };
    // A body still arriving at the deadline is the client's slowness (408, slowloris); anything
    // else is the server's (503), and retrying with the same idempotency key is safe.
    const answered = await within(timeoutMs, serve(request, url, requestId, path, origin, progress), () =>
      progress.phase === 'body'
        ? new HttpRefusal(408, invalidField('body', `did not arrive within ${timeoutMs} ms`))
        : new HttpRefusal(503, new OffboardError('SERVER_ERROR', { reason: 'timeout' })),
    ).catch((late: unknown) => problemAnswer(late, requestId, progress.operation));
    return withCors(answered, origin);
  }

  return Object.assign(async (request: Request) => toResponse(await answer(request)), { answer });
}
