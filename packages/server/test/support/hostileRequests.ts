import fc from 'fast-check';
import { ROUTES } from '@offboard/core';
import { BASE_PATH } from './demoServer';

export const ALLOWED_ORIGIN = 'https://crm.example';

export interface HostileRequest {
  readonly method: string;
  /** Sent as is, never normalised: `..`, `//` and percent-escapes reach the server. */
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string | Buffer;
  /** A request that could change something if it were let through: every one must be refused. */
  readonly change: boolean;
}

/** `Authorization` header values by who they sign in, for identities `bearer` knows. */
export type Bearer = (actorId: string, kind?: 'user' | 'service') => string;

const ODD_READ_METHODS = ['HEAD', 'OPTIONS'];
const ODD_CHANGE_METHODS = ['PUT', 'PATCH', 'FOO', 'TRACE', 'POST', 'DELETE'];

/** Each route with its own method, so most requests get past routing to where the defects are judged. */
const ROUTE_LIST: readonly { method: string; path: string }[] = Object.values(ROUTES).map((route) => ({ method: route.method, path: route.path }));
const READ_ROUTES = [...ROUTE_LIST.filter((route) => route.method === 'GET'), { method: 'GET', path: '/openapi.json' }];
const CHANGE_ROUTES = ROUTE_LIST.filter((route) => route.method !== 'GET');

const REAL_IDS = ['u-ana', 'u-bruno', 'u-diego', 'u-elena', 'u-karla', 'u-marta', 'u-julia', 't-001', 't-052', 'c-001', 'pn-co-1', 'pn-es-1', 'pn-mx-3'];
const HOSTILE_IDS = [
  'u-ghost',
  '__proto__',
  'constructor',
  'prototype',
  '%00',
  '..%2F..%2Fetc%2Fpasswd',
  '%2e%2e',
  'a'.repeat(65),
  'a'.repeat(3000),
  '%E2%80%AE',
  '%F0%9F%92%A9',
  '%ZZ',
  "'%20OR%201=1--",
  '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  '%20',
  'u-ana%00',
  'u-ana;x',
];
// Each puts the route outside the base path, also once `..` segments are resolved.
const WRONG_PREFIXES = ['', '/api', '/api/offboardx', '//api/offboard', '/api/offboard/..', '/API/offboard', '/api//offboard'];
const QUERY_KEYS = ['limit', 'cursor', 'status', 'search', 'role', 'licensed', 'ownerId', 'orphaned', 'scenario', 'actorId', 'organisationId', '__proto__', 'constructor', 'a[b]', '', '%'];
const QUERY_VALUES = ['', '1', '-1', '0', '501', '1e309', 'NaN', '0x10', 'true', 'TRUE', 'all', 'admin', 'u-ana', '%FF', '%00', '%', 'x'.repeat(5000), '__proto__', '"\'<>', 'employee-departure'];

const INVALID_BODIES = [
  '{',
  '{"a":',
  '[]',
  '"text"',
  '1',
  'null',
  '{"unknown":1}',
  '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{"admin":true}}}',
  '{"fromOwnerId":"u-marta","toUserIds":"u-carla"}',
  '{"fromOwnerId":["u-marta"],"toUserIds":["u-carla"]}',
  '\uFEFF{}',
  '{"country":"ES","country":"MX"}',
  '{"country":"\uD800"}',
];
/** Bodies that cost the parser: deep enough to overflow any recursive walk, long enough to hit the list limits. */
const HUGE_BODIES = [
  `{"fromOwnerId":"u-marta","toUserIds":["u-carla"],"contactIds":${JSON.stringify(Array.from({ length: 20_000 }, (_, i) => `c-${i}`))}}`,
  `{"country":${'['.repeat(50_000)}${']'.repeat(50_000)}}`,
  `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
];
const INVALID_BYTES = [Buffer.from([0xff, 0xfe, 0x7b, 0x7d]), Buffer.from([0x7b, 0x22, 0xc0, 0xaf, 0x22, 0x7d]), Buffer.alloc(512, 0)];
/** Bodies a route could accept, so that a request's one defect, not its body, is what gets it refused. */
const PLAUSIBLE_BODIES = [
  '',
  '{}',
  '{"country":"ES"}',
  '{"country":"CO"}',
  '{"fromOwnerId":"u-marta","toUserIds":["u-carla"]}',
  '{"fromOwnerId":"u-diego","contactIds":["c-001"],"toUserIds":["u-carla","u-elena"]}',
  '{"fromUserId":"u-diego","toUserId":"u-carla"}',
];

const CONTENT_TYPES = ['application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON', 'application/problem+json'];
const WRONG_CONTENT_TYPES = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx', 'text/json', ''];

const pickFrom = <T>(values: readonly T[]) => fc.constantFrom(...values);
const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength: 40 });

const DEFECTS = ['no-auth', 'bad-auth', 'inactive-actor', 'unlicensed-member', 'content-type', 'origin', 'body', 'too-large', 'query', 'if-match', 'id', 'path', 'method'] as const;
type Defect = (typeof DEFECTS)[number];

/**
 * Requests a hostile or broken client might send. Reads may be anything. Every request that could
 * change something carries at least one defect that must get it refused whatever else it says
 * (no or forged credentials, an inactive or unlicensed actor, a form's content type, a foreign
 * Origin, a bad body, a declared length over the limit, a bad query, If-Match, id, path or method); everything else about it is as
 * plausible as the generator can make it, so the refusal is owed to that defect and nothing else.
 */
export function hostileRequests(bearer: Bearer): fc.Arbitrary<HostileRequest> {
  const goodAuth = pickFrom([bearer('u-ana'), bearer('u-bruno'), bearer('svc-directory', 'service'), bearer('u-carla')]);
  const badAuth = pickFrom(['Bearer nope', `Bearer ${'a'.repeat(5000)}`, 'Basic YWRtaW46YWRtaW4=', `${bearer('u-ana')}, ${bearer('u-bruno')}`, `${bearer('u-ana')}x`, 'Bearer', 'Bearer demo_']);
  const query = fc
    .array(fc.tuple(pickFrom(QUERY_KEYS), fc.oneof(pickFrom(QUERY_VALUES), printable.map(encodeURIComponent))), { maxLength: 4 })
    .map((pairs) => (pairs.length ? `?${pairs.map(([key, value]) => `${key}=${value}`).join('&')}` : ''));
  const id = fc.oneof({ arbitrary: pickFrom(REAL_IDS), weight: 3 }, { arbitrary: pickFrom(HOSTILE_IDS), weight: 1 });
  // Mostly the route's own method; sometimes another, which routing refuses (404, 405) or the bridge (400).
  const methodFor = (route: { method: string }, odd: readonly string[]) => fc.oneof({ arbitrary: fc.constant(route.method), weight: 4 }, { arbitrary: pickFrom(odd), weight: 1 });
  const readRoute = pickFrom(READ_ROUTES).chain((route) => fc.record({ path: fc.constant(route.path), method: methodFor(route, ODD_READ_METHODS), id }));
  const changeRoute = pickFrom(CHANGE_ROUTES).chain((route) => fc.record({ path: fc.constant(route.path), method: methodFor(route, ODD_CHANGE_METHODS), id }));

  return fc.record({
    change: fc.boolean(),
    defects: fc.uniqueArray(pickFrom(DEFECTS), { minLength: 1, maxLength: 3 }),
    readRoute,
    changeRoute,
    hostileId: pickFrom(HOSTILE_IDS),
    wrongPrefix: fc.oneof(pickFrom(WRONG_PREFIXES), fc.constant(null)),
    unknownPath: fc.oneof(pickFrom(['/v1', '/v1/users/u-ana/license/x', '/v2/users', '/v1/users/', '/v1/admin', '/v1/users;x']), printable.map((text) => `/${encodeURIComponent(text)}`)),
    query,
    auth: fc.oneof(goodAuth, badAuth, pickFrom([bearer('u-karla'), bearer('u-julia'), bearer('u-diego')]), fc.constant(undefined)),
    contentType: fc.oneof(pickFrom(CONTENT_TYPES), pickFrom(WRONG_CONTENT_TYPES), fc.constant(undefined)),
    // Huge bodies are rare: a few hundred of them say what 20,000 would, at a fraction of the time.
    body: fc.oneof(
      { arbitrary: pickFrom(PLAUSIBLE_BODIES), weight: 30 },
      { arbitrary: pickFrom(INVALID_BODIES), weight: 30 },
      { arbitrary: pickFrom(INVALID_BYTES), weight: 10 },
      { arbitrary: pickFrom(HUGE_BODIES), weight: 1 },
      { arbitrary: fc.constant(undefined), weight: 30 },
    ),
    idempotencyKey: fc.oneof(fc.constant(undefined), printable, fc.constant('k'.repeat(300))),
    ifMatch: fc.oneof(fc.constant(undefined), pickFrom(['*', '"1"', '"2"', '"0"', 'W/"1"', '"abc"', '"1", "2"', '"99999999999999999999"'])),
    origin: fc.oneof(fc.constant(undefined), pickFrom([ALLOWED_ORIGIN, 'https://evil.example', 'null'])),
    spoof: fc.oneof(fc.constant(undefined), pickFrom(['u-ana', 'svc-directory', '__proto__'])),
    preflight: fc.boolean(),
  }).map((r): HostileRequest => {
    const has = (defect: Defect) => r.change && r.defects.includes(defect);
    const route = r.change ? r.changeRoute : r.readRoute;
    // The id defect needs a route with an id; elsewhere an unknown query parameter stands in.
    const badId = has('id') && route.path.includes(':id');
    const routed = route.path.replace(':id', badId ? r.hostileId : route.id);
    const path = !has('path') ? `${BASE_PATH}${routed}` : r.wrongPrefix === null ? `${BASE_PATH}${r.unknownPath}` : `${r.wrongPrefix}${routed}`;
    const query = has('query') || (has('id') && !badId) ? '?unknownParameter=1' : r.query;
    const method = has('method') ? 'PUT' : route.method;

    const headers: Record<string, string> = {};
    const auth = has('no-auth') ? undefined : has('bad-auth') ? 'Bearer nope' : has('inactive-actor') ? bearer('u-karla') : has('unlicensed-member') ? bearer('u-julia') : r.auth;
    if (auth !== undefined) headers.Authorization = auth;
    const contentType = has('content-type') ? 'text/plain' : r.contentType;
    if (contentType !== undefined) headers['Content-Type'] = contentType;
    const origin = has('origin') ? 'https://evil.example' : r.origin;
    if (origin !== undefined) headers.Origin = origin;
    const ifMatch = has('if-match') ? '"0"' : r.ifMatch;
    if (ifMatch !== undefined) headers['If-Match'] = ifMatch;
    if (r.idempotencyKey !== undefined) headers['Idempotency-Key'] = r.idempotencyKey;
    if (r.spoof !== undefined) headers['X-Actor-Id'] = r.spoof;
    if (method === 'OPTIONS' && r.preflight) headers['Access-Control-Request-Method'] = 'POST';

    const body = method === 'HEAD' ? undefined : has('body') ? '{"unknown":1}' : has('too-large') ? (r.body ?? '{}') : r.body;
    // Node's client frames a GET, OPTIONS or DELETE body only with an explicit length.
    if (body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(body));
    // A length over the 1 MiB limit, of which only the body's few bytes ever come.
    if (has('too-large') && body !== undefined) headers['Content-Length'] = String(2 * 1024 * 1024);
    return { method, path: `${path}${query}`, headers, body, change: r.change };
  });
}
