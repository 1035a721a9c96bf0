import * as v from 'valibot';
import { isService, type Caller } from '../adapter/context';
import type { ListUsersQuery, OffboardAdapter } from '../adapter/OffboardAdapter';
import { IdSchema, ReadContextSchema, SearchSchema } from '../contract/schemas';
import { validate } from '../contract/validate';
import type { DeactivationReason, User } from '../domain/types';
import { OffboardError, forbidden, isOffboardError, type ErrorCode } from '../errors/OffboardError';
import { DEFAULT_HANDLER_TIMEOUT_MS, type Authenticate, type OffboardAnswer } from '../http/createOffboardHandler';
import { HttpRefusal, quietly } from '../http/parseRequest';
import { readScimJson, requireScimContentType } from './body';
import { ScimRefusal, scimFailureOf } from './errors';
import { selectionOf, type UserSelection } from './filter';
import { CursorCache, pageWindowOf, readMatching, readWindow } from './paging';
import { createScimOpenApiDocument } from './openapi';
import { patchOperationsOf, patchedActive, replacedActive } from './patch';
import {
  DEFAULT_SCIM_BASE_PATH,
  SCIM_CONTENT_TYPE,
  SCIM_SCHEMAS,
  USER_RESOURCE_TYPE,
  USER_SCHEMA_DOCUMENT,
  listResponse,
  serviceProviderConfig,
  toScimUser,
  type ScimUser,
} from './resources';

/** What the bridge was doing when a request failed, for the host's log. */
export type ScimOperation =
  | 'listUsers'
  | 'getUser'
  | 'patchUser'
  | 'replaceUser'
  | 'deleteUser'
  | 'createUser'
  | 'serviceProviderConfig'
  | 'schemas'
  | 'resourceTypes'
  | 'openApi'
  | 'unsupported';

export interface ScimErrorReport {
  /** The id the caller's 500 names in its `detail` (`urn:uuid:<requestId>`) and in `X-Request-Id`. */
  readonly requestId: string;
  readonly operation: ScimOperation | null;
}

export interface ScimHandlerOptions {
  /** One backend for every organisation: each call carries the caller's `organisationId` (R13). */
  readonly backend?: OffboardAdapter;
  /** Or a backend per organisation, picked for each request's caller. */
  readonly backendFor?: (organisationId: string) => OffboardAdapter | Promise<OffboardAdapter>;
  /**
   * The host's, the same function `createOffboardHandler` takes. SCIM callers are meant to be
   * service identities: it maps the identity provider's bearer token (or API key) to
   * `{ organisationId, actorId, kind: 'service' }`. An active admin's credentials are accepted
   * too (R12); a member's answer 403. It runs before the body is read; `null` answers 401.
   */
  readonly authenticate: Authenticate;
  /** Where the bridge is mounted: `GET <basePath>/Users`. @default '/scim/v2' */
  readonly basePath?: string;
  /** The largest body read, in bytes, cut off as it streams in (413). SCIM bodies are a few hundred bytes. @default 64 KiB */
  readonly maxBodyBytes?: number;
  /** How long a request may take: a body still arriving then is a 408, a backend still working a 503. @default 15_000 */
  readonly timeoutMs?: number;
  /**
   * The reason (R14) every deactivation through SCIM carries into its audit entry and event; also
   * what lets it pass a `requireReason` policy. An identity provider deprovisions people who left,
   * hence the default; a host whose directory also disables for other causes sets its own.
   * `null` sends none.
   * @default { code: 'left-company', note: 'Deactivated by the identity provider (SCIM).' }
   */
  readonly deactivationReason?: DeactivationReason | null;
  /** Where `/ServiceProviderConfig` says the bridge is documented. */
  readonly documentationUri?: string;
  /** Every failure the caller is told only "the server failed" about, for the host's log. */
  readonly onError?: (error: unknown, report: ScimErrorReport) => void;
}

/** The SCIM bridge as one function on standard `Request` / `Response`, like `createOffboardHandler`. */
export interface ScimHandler {
  (request: Request): Promise<Response>;
  /** The same answer as plain data, for a server that writes answers itself (`@offboard/server`). */
  answer(request: Request): Promise<OffboardAnswer>;
}

export const DEFAULT_SCIM_MAX_BODY_BYTES = 64 * 1024;
export const DEFAULT_SCIM_DEACTIVATION_REASON: DeactivationReason = { code: 'left-company', note: 'Deactivated by the identity provider (SCIM).' };

/** How often a PATCH re-reads when the user changed between its read and its write. */
const ATTEMPTS = 3;
/** Refusals that mean "someone changed the user meanwhile": read again and decide again. */
const RACES = new Set<ErrorCode>(['VERSION_CONFLICT', 'ALREADY_INACTIVE', 'ALREADY_ACTIVE']);

/** The list parameters the bridge reads; `attributes` and `excludedAttributes` select top-level attributes. */
const LIST_PARAMETERS = new Set(['filter', 'startIndex', 'count', 'attributes', 'excludedAttributes']);
/** What `/Users/:id` answers to a DELETE (R1): the methods it does take. */
const KEPT_USER_METHODS = ['GET', 'PATCH', 'PUT'];
/** Returned whatever `attributes` asks (RFC 7643 §7: `returned: always`). */
const ALWAYS_RETURNED = new Set(['schemas', 'id']);

type HeaderRecord = Record<string, string>;

function baseHeaders(requestId: string): HeaderRecord {
  return { 'content-type': SCIM_CONTENT_TYPE, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'x-request-id': requestId };
}

/** One route: which endpoint, and the id after it (`/Users/u-ana`). */
interface Target {
  readonly endpoint: 'users' | 'serviceproviderconfig' | 'schemas' | 'resourcetypes' | 'bulk' | 'me' | 'openapi';
  readonly id: string | undefined;
}

const ENDPOINTS: Readonly<Record<string, { endpoint: Target['endpoint']; item: boolean; methods: readonly string[]; itemMethods: readonly string[] }>> = {
  users: { endpoint: 'users', item: true, methods: ['GET', 'POST'], itemMethods: ['GET', 'PATCH', 'PUT', 'DELETE'] },
  // `ServiceProviderConfigs` is an older draft's spelling some clients still send.
  serviceproviderconfig: { endpoint: 'serviceproviderconfig', item: false, methods: ['GET'], itemMethods: [] },
  serviceproviderconfigs: { endpoint: 'serviceproviderconfig', item: false, methods: ['GET'], itemMethods: [] },
  schemas: { endpoint: 'schemas', item: true, methods: ['GET'], itemMethods: ['GET'] },
  resourcetypes: { endpoint: 'resourcetypes', item: true, methods: ['GET'], itemMethods: ['GET'] },
  bulk: { endpoint: 'bulk', item: false, methods: ['POST'], itemMethods: [] },
  me: { endpoint: 'me', item: false, methods: ['GET', 'PATCH', 'PUT', 'DELETE'], itemMethods: [] },
  'openapi.json': { endpoint: 'openapi', item: false, methods: ['GET'], itemMethods: [] },
};

const notFound = (detail: string) => new ScimRefusal(404, detail);
const NO_SUCH_ENDPOINT = 'No such SCIM endpoint. This service provider serves /Users, /ServiceProviderConfig, /Schemas and /ResourceTypes.';

/** The path's endpoint (matched case-insensitively) and id, or a 404 / 405 refusal. */
function targetOf(method: string, path: string): Target | { allow: readonly string[] } | null {
  const segments = path.split('/').slice(1);
  if (segments.length < 1 || segments.length > 2) return null;
  const route = ENDPOINTS[segments[0]!.toLowerCase()];
  if (!route || (segments.length === 2 && !route.item)) return null;
  let id: string | undefined;
  if (segments.length === 2) {
    try {
      id = decodeURIComponent(segments[1]!);
    } catch {
      return null;
    }
    if (id === '') return null;
  }
  const allowed = id === undefined ? route.methods : route.itemMethods;
  return allowed.includes(method) ? { endpoint: route.endpoint, id } : { allow: allowed };
}

function operationOf(method: string, target: Target): ScimOperation {
  switch (target.endpoint) {
    case 'users':
      if (target.id === undefined) return method === 'GET' ? 'listUsers' : 'createUser';
      return method === 'PATCH' ? 'patchUser' : method === 'PUT' ? 'replaceUser' : method === 'DELETE' ? 'deleteUser' : 'getUser';
    case 'serviceproviderconfig':
      return 'serviceProviderConfig';
    case 'schemas':
      return 'schemas';
    case 'resourcetypes':
      return 'resourceTypes';
    case 'openapi':
      return 'openApi';
    default:
      return 'unsupported';
  }
}

/** Settles as `work` does, or refuses with `late()` after `ms`. */
function within<T>(ms: number, work: Promise<T>, late: () => unknown): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(late()), ms);
    work.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error)),
    );
  });
}

/** `attributes=userName,active` / `excludedAttributes=emails` (RFC 7644 §3.4.2.5), on top-level attributes. */
function attributeSelection(params: URLSearchParams): ((resource: ScimUser) => Partial<ScimUser>) | undefined {
  const names = (name: string) =>
    params
      .get(name)
      ?.split(',')
      .map((attribute) => attribute.trim().replace(new RegExp(`^${SCIM_SCHEMAS.user}:`, 'i'), '').split('.')[0]!.toLowerCase())
      .filter(Boolean);
  const only = names('attributes');
  const except = names('excludedAttributes');
  if (!only?.length && !except?.length) return undefined;
  return (resource) =>
    Object.fromEntries(
      Object.entries(resource).filter(([key]) => {
        const lower = key.toLowerCase();
        if (ALWAYS_RETURNED.has(key)) return true;
        return only?.length ? only.includes(lower) : !except!.includes(lower);
      }),
    );
}

/**
 * A SCIM 2.0 service provider (RFC 7643 / RFC 7644) for identity providers (Okta, Microsoft Entra)
 * over any `OffboardAdapter`: `GET /Users` (filter `userName eq "…"`, `startIndex` / `count`),
 * `GET /Users/:id`, `PATCH` and `PUT /Users/:id` setting `active` (false: `deactivateUser`, R3;
 * true: `reactivateUser`, R7), the discovery endpoints and its own OpenAPI document at
 * `<basePath>/openapi.json`. Creates are 501 (Offboard does not provision users) and deletes a
 * 405 (R1), as on the REST contract. Every call goes through the adapter as the authenticated
 * caller, so the same guards judge it and its audit entry names it.
 *
 * For each request, in order: the route (404, 405), `authenticate` (401), a service identity or
 * an active admin (403, R12), a body's content type (415), the body as it streams (400, 408,
 * 413), then the adapter.
 */
export function createScimHandler(options: ScimHandlerOptions): ScimHandler {
  if (!options.backend === !options.backendFor) throw new TypeError('createScimHandler needs exactly one of backend and backendFor');
  const basePath = (options.basePath ?? DEFAULT_SCIM_BASE_PATH).replace(/\/+$/, '');
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_SCIM_MAX_BODY_BYTES;
  const timeoutMs = options.timeoutMs ?? DEFAULT_HANDLER_TIMEOUT_MS;
  const reason = options.deactivationReason === undefined ? DEFAULT_SCIM_DEACTIVATION_REASON : options.deactivationReason;
  const backendOf = async (organisationId: string) => options.backend ?? options.backendFor!(organisationId);
  const cursors = new CursorCache();
  let openApi: string | undefined;

  function failure(error: unknown, requestId: string, operation: ScimOperation | null, allow?: readonly string[]): OffboardAnswer {
    const { status, body, internal } = scimFailureOf(error, requestId);
    if (internal) options.onError?.(error, { requestId, operation });
    const headers = baseHeaders(requestId);
    if (status === 401) headers['www-authenticate'] = 'Bearer realm="SCIM"';
    if (status === 405 && allow) headers.allow = allow.join(', ');
    return { status, headers, body: JSON.stringify(body) };
  }

  const ok = (requestId: string, body: unknown): OffboardAnswer => ({ status: 200, headers: baseHeaders(requestId), body: JSON.stringify(body) });

  /** The caller the request authenticates as, or a 401. */
  async function callerOf(request: Request): Promise<Caller> {
    const authenticated = await options.authenticate(request);
    if (!authenticated) throw quietly(() => new OffboardError('UNAUTHENTICATED'));
    // The host's authenticate is trusted, but a malformed caller is a bug on the server's side.
    return validate(ReadContextSchema, authenticated, 'caller', 'SERVER_ERROR');
  }

  /**
   * R12: SCIM reads every user and every email, which only admins and service identities may. A
   * user caller is read as themselves through the adapter, which refuses one who is not an active
   * user of the organisation (`actor-inactive`); an active member is refused here (`not-admin`).
   */
  async function requireAdminOrService(backend: OffboardAdapter, caller: Caller): Promise<void> {
    if (isService(caller)) return;
    const actor = await backend.getUser(caller.actorId, caller);
    if (actor.role !== 'admin') throw quietly(() => forbidden('not-admin', { id: caller.actorId }));
  }

  async function listUsers(backend: OffboardAdapter, caller: Caller, params: URLSearchParams, usersUrl: string) {
    for (const name of new Set(params.keys())) {
      if (name === 'sortBy' || name === 'sortOrder') throw new ScimRefusal(400, 'Sorting is not supported (see /ServiceProviderConfig).', 'invalidValue');
      if (!LIST_PARAMETERS.has(name)) throw new ScimRefusal(400, `Unknown query parameter; this endpoint reads ${[...LIST_PARAMETERS].join(', ')}.`, 'invalidValue');
      if (params.getAll(name).length > 1) throw new ScimRefusal(400, `${name} must be given once.`, 'invalidValue');
    }
    const selection: UserSelection = selectionOf(params.get('filter'));
    const window = pageWindowOf(params);
    const select = attributeSelection(params);
    let users: User[];
    let total: number;
    if (selection.by === 'all' || selection.by === 'status') {
      const query: ListUsersQuery = { status: selection.by === 'all' ? 'all' : selection.active ? 'active' : 'inactive' };
      ({ users, total } = await readWindow(backend, caller, query, window, cursors));
    } else {
      const matching = await matchingUsers(backend, caller, selection);
      total = matching.length;
      users = matching.slice(window.startIndex - 1, window.startIndex - 1 + window.count);
    }
    const resources = users.map((user) => toScimUser(user, usersUrl));
    return listResponse(select ? resources.map(select) : resources, total, window.startIndex);
  }

  /** The users a one-user filter finds: by email (exact, case-insensitive), by id, or none (externalId). */
  async function matchingUsers(backend: OffboardAdapter, caller: Caller, selection: Exclude<UserSelection, { by: 'all' | 'status' }>): Promise<User[]> {
    if (selection.by === 'none') return [];
    if (selection.by === 'id') {
      try {
        return [await backend.getUser(selection.id, caller)];
      } catch (error) {
        // An id no user has, or one that could not be an id: no match, not an error.
        if (isOffboardError(error) && (error.code === 'NOT_FOUND' || error.code === 'VALIDATION_FAILED')) return [];
        throw error;
      }
    }
    const email = selection.email.toLowerCase();
    // The adapter's search matches by substring, so the email's first 200 characters (its longest
    // search) find it; one the search cannot take (empty, control characters) is no one's email.
    const search = selection.email.slice(0, 200);
    if (search === '' || !v.is(SearchSchema, search)) return [];
    return readMatching(backend, caller, { status: 'all', search }, (user) => user.email?.toLowerCase() === email);
  }

  /**
   * SCIM PATCH and PUT are declarative: read the user, work out what `active` should be, and act
   * only when it differs. A user who changed between the read and the write is read again (at most
   * three times): two identical PATCHes at once leave one change, and the second answers 200.
   */
  async function setActive(backend: OffboardAdapter, caller: Caller, userId: string, decide: (current: ScimUser) => boolean | undefined, usersUrl: string) {
    for (let attempt = 1; ; attempt += 1) {
      const user = await backend.getUser(userId, caller);
      const current = toScimUser(user, usersUrl);
      const desired = decide(current);
      if (desired === undefined || desired === current.active) return current;
      const context = { ...caller, expectedVersion: user.version };
      try {
        const change = desired
          ? await backend.reactivateUser(userId, context)
          : reason
            ? await backend.deactivateUser(userId, { reason }, context)
            : await backend.deactivateUser(userId, context);
        return toScimUser(change.user, usersUrl);
      } catch (error) {
        if (attempt < ATTEMPTS && isOffboardError(error) && RACES.has(error.code)) continue;
        throw error;
      }
    }
  }

  async function serve(request: Request, url: URL, requestId: string, path: string, progress: { phase: 'request' | 'body' | 'backend'; operation: ScimOperation | null }) {
    const { method } = request;
    const target = targetOf(method, path);
    if (target === null) return failure(notFound(NO_SUCH_ENDPOINT), requestId, null);
    if ('allow' in target) return failure(new ScimRefusal(405, `This endpoint answers ${target.allow.join(', ')}.`), requestId, null, target.allow);
    const operation = operationOf(method, target);
    progress.operation = operation;
    // The document is public, as the REST contract's is: it describes, it reads nothing.
    if (target.endpoint === 'openapi') {
      openApi ??= JSON.stringify(createScimOpenApiDocument({ basePath }));
      return { status: 200, headers: { ...baseHeaders(requestId), 'content-type': 'application/json' }, body: openApi };
    }
    try {
      const caller = await callerOf(request);
      progress.phase = 'backend';
      const backend = await backendOf(caller.organisationId);
      await requireAdminOrService(backend, caller);
      const baseUrl = `${url.origin}${basePath}`;
      const usersUrl = `${baseUrl}/Users`;
      const withLocation = <T extends { meta: object }>(document: T, location: string) => ({ ...document, meta: { ...document.meta, location } });
      switch (target.endpoint) {
        case 'serviceproviderconfig':
          return ok(requestId, withLocation(serviceProviderConfig(options.documentationUri), `${baseUrl}/ServiceProviderConfig`));
        case 'schemas': {
          const schema = withLocation(USER_SCHEMA_DOCUMENT, `${baseUrl}/Schemas/${SCIM_SCHEMAS.user}`);
          if (target.id === undefined) return ok(requestId, listResponse([schema], 1, 1));
          if (target.id.toLowerCase() !== SCIM_SCHEMAS.user.toLowerCase()) throw notFound(`No such schema; this service provider has ${SCIM_SCHEMAS.user}.`);
          return ok(requestId, schema);
        }
        case 'resourcetypes': {
          const resourceType = withLocation({ ...USER_RESOURCE_TYPE, meta: { resourceType: 'ResourceType' } }, `${baseUrl}/ResourceTypes/User`);
          if (target.id === undefined) return ok(requestId, listResponse([resourceType], 1, 1));
          if (target.id.toLowerCase() !== 'user') throw notFound('No such resource type; this service provider has User.');
          return ok(requestId, resourceType);
        }
        case 'bulk':
          throw new ScimRefusal(501, 'Bulk operations are not supported (see /ServiceProviderConfig).');
        case 'me':
          throw new ScimRefusal(501, '/Me is not supported: the bridge serves identity providers, which act on /Users.');
        case 'users':
          break;
      }
      if (method === 'POST') {
        throw new ScimRefusal(501, 'Offboard does not provision users: create them in the host application. The identity provider matches existing users by userName (their email) and sets active.');
      }
      let body: unknown;
      if (method === 'PATCH' || method === 'PUT') {
        requireScimContentType(request);
        progress.phase = 'body';
        body = await readScimJson(request, maxBodyBytes);
        progress.phase = 'backend';
      }
      if (target.id === undefined) return ok(requestId, await listUsers(backend, caller, url.searchParams, usersUrl));
      const userId = target.id;
      if (method === 'DELETE') {
        // R1: through the adapter, which refuses every delete before anything else
        // (DELETION_NOT_SUPPORTED, whose message says to deactivate instead): a 405, as on the REST contract.
        await backend.deleteUser(userId, caller);
        throw new Error('deleteUser succeeded, which R1 never allows');
      }
      // An id that could not be an id names no user: 404, as an id of another organisation does (R13).
      if (!v.is(IdSchema, userId)) throw notFound('No user has this id.');
      switch (method) {
        case 'PATCH': {
          const operations = patchOperationsOf(body);
          return ok(requestId, await setActive(backend, caller, userId, (current) => patchedActive(current, operations), usersUrl));
        }
        case 'PUT': {
          const active = replacedActive(body);
          return ok(requestId, await setActive(backend, caller, userId, () => active, usersUrl));
        }
        default: {
          const select = attributeSelection(url.searchParams);
          const user = toScimUser(await backend.getUser(userId, caller), usersUrl);
          return ok(requestId, select ? select(user) : user);
        }
      }
    } catch (error) {
      return failure(error, requestId, operation, operation === 'deleteUser' ? KEPT_USER_METHODS : undefined);
    }
  }

  async function answer(request: Request): Promise<OffboardAnswer> {
    const requestId = crypto.randomUUID();
    const url = new URL(request.url);
    const { pathname } = url;
    const path = pathname.startsWith(`${basePath}/`) ? pathname.slice(basePath.length) : null;
    if (path === null) return failure(notFound(NO_SUCH_ENDPOINT), requestId, null);
    const progress: { phase: 'request' | 'body' | 'backend'; operation: ScimOperation | null } = { phase: 'request', operation: null };
    return within(timeoutMs, serve(request, url, requestId, path, progress), () =>
      progress.phase === 'body'
        ? new HttpRefusal(408, new OffboardError('VALIDATION_FAILED', { field: 'body' }, `body did not arrive within ${timeoutMs} ms`))
        : new HttpRefusal(503, new OffboardError('SERVER_ERROR', { reason: 'timeout' })),
    ).catch((late: unknown) => failure(late, requestId, progress.operation));
  }

  return Object.assign(async (request: Request) => {
    const { status, headers, body } = await answer(request);
    return new Response(body, { status, headers });
  }, { answer });
}
