import { ETAG_HEADER } from '../contract/headers';
import { ERROR_STATUS, PROBLEM_CONTENT_TYPE } from '../contract/problems';
import type { Route } from '../contract/routes';
import { DEFAULT_MAX_BODY_BYTES } from '../contract/transport';
import { ERROR_CODES, type ErrorCode } from '../errors/OffboardError';
import { componentRef, type JsonObject } from './openapiSchemas';

/** What each problem status means for a caller; its codes come from `ERROR_STATUS`. */
const PROBLEM_STATUSES: Readonly<Record<number, { readonly title: string; readonly description: string }>> = {
  400: {
    title: 'Bad Request',
    description:
      'The request is malformed. `details.field` and `details.issues` name what: `path.userId`, `query.limit`, `header.If-Match`, `body.toUserIds.1`. Unknown query parameters and body fields are refused like wrong types.',
  },
  401: { title: 'Unauthorized', description: 'The request carries no credentials the host accepts.' },
  403: {
    title: 'Forbidden',
    description:
      'The caller may not do this. `details.reason` says why: `actor-inactive`, `not-admin`, `not-salesperson`, `admin-only` or `origin-not-allowed` (a change from an origin the server does not accept).',
  },
  404: { title: 'Not Found', description: "No such record in the caller's organisation; another organisation's ids are not found either." },
  405: { title: 'Method Not Allowed', description: 'Users are never deleted, to keep their history: deactivate them instead. `Allow` names the methods the path allows.' },
  408: { title: 'Request Timeout', description: 'The request body did not arrive within the time the server allows.' },
  409: { title: 'Conflict', description: 'The request is well formed, but the records are not in a state that allows it.' },
  412: {
    title: 'Precondition Failed',
    description: 'A record changed since the caller read it: the version in `If-Match` is stale, or a record named in a bulk move has moved since.',
  },
  413: { title: 'Content Too Large', description: `The body is larger than the server reads (${DEFAULT_MAX_BODY_BYTES} bytes unless the host says otherwise).` },
  415: {
    title: 'Unsupported Media Type',
    description: 'A change must say `Content-Type: application/json`, with or without a body: an HTML form cannot, which keeps cross-site forms out.',
  },
  422: {
    title: 'Unprocessable Content',
    description: "The `Idempotency-Key` was already used for a different request, or the organisation's policy asks for a reason this deactivation does not give.",
  },
  500: { title: 'Internal Server Error', description: 'The server failed. The problem says nothing more than its `instance`, the request id to find in the server log.' },
  502: {
    title: 'Bad Gateway',
    description: 'A gateway in front of the server could not reach it. The server itself never answers 502; clients treat it as a network failure.',
  },
  503: { title: 'Service Unavailable', description: 'The server did not answer in time. Retrying a change with the same `Idempotency-Key` is safe.' },
};

/** Refusals of the transport keep their code under a status of their own (`HttpRefusal`). */
const TRANSPORT_CODES: Readonly<Record<number, readonly ErrorCode[]>> = {
  408: ['VALIDATION_FAILED'],
  413: ['VALIDATION_FAILED'],
  415: ['VALIDATION_FAILED'],
  503: ['SERVER_ERROR'],
};

const codesOf = (status: number): ErrorCode[] => [
  ...ERROR_CODES.filter((code) => ERROR_STATUS[code] === status),
  ...(TRANSPORT_CODES[status] ?? []),
];

/**
 * The problem statuses a route can answer, from what it is: every request may be malformed,
 * unauthenticated, forbidden or fail; one with a body may arrive too slowly or be too large; a
 * change must be JSON and may meet a state conflict, a stale version or a reused key. R1's delete
 * never reaches a record: it is refused with 405 once its request is well formed.
 */
function problemStatusesOf(route: Route): number[] {
  const readsBody = route.method !== 'GET';
  const change = route.mutation === true;
  const succeeds = route.response !== null;
  return [
    400,
    401,
    403,
    ...(succeeds ? [404] : [405]),
    ...(readsBody ? [408] : []),
    ...(change && succeeds ? [409, 412] : []),
    ...(readsBody ? [413] : []),
    ...(change ? [415] : []),
    ...(change && succeeds ? [422] : []),
    500,
    502,
    503,
  ];
}

const problemResponseName = (status: number) => PROBLEM_STATUSES[status]!.title.replaceAll(' ', '');

/** Every route's problems refer to these, one per status. */
export function problemResponseRefs(route: Route): Record<string, JsonObject> {
  return Object.fromEntries(problemStatusesOf(route).map((status) => [String(status), componentRef('responses', problemResponseName(status))]));
}

/** `components.headers`: what every answer carries, and the version of a versioned record. */
export function responseHeaders(): Record<string, JsonObject> {
  return {
    'X-Request-Id': {
      description: 'The correlation id of this request (a UUID), also the `instance` of a 5xx problem: quote it to find the request in the server log.',
      schema: { type: 'string', format: 'uuid' },
    },
    'Cache-Control': { description: 'Answers depend on the caller and are never cached.', schema: { type: 'string', const: 'no-store' } },
    'X-Content-Type-Options': { description: 'Browsers must not guess another content type.', schema: { type: 'string', const: 'nosniff' } },
    [ETAG_HEADER]: {
      description: "The record's version as a strong ETag (`\"3\"`): send it back as `If-Match` to change only that version.",
      schema: { type: 'string', pattern: '^"[0-9]+"$' },
    },
    Allow: { description: 'The methods the path allows.', schema: { type: 'string' } },
  };
}

/** The headers of an answer: the ones every answer carries, and those named. */
export function headerRefs(...extra: string[]): Record<string, JsonObject> {
  const names = ['X-Request-Id', 'Cache-Control', 'X-Content-Type-Options', ...extra];
  return Object.fromEntries(names.map((name) => [name, componentRef('headers', name)]));
}

/** `components.responses`: one problem per status, its schema narrowed to that status and its codes. */
export function problemResponses(): Record<string, JsonObject> {
  return Object.fromEntries(
    Object.entries(PROBLEM_STATUSES).map(([key, { title, description }]) => {
      const status = Number(key);
      const codes = codesOf(status);
      const narrowed = { type: 'object', properties: { status: { const: status }, code: { enum: codes } } };
      const response = {
        description: `${title}. ${description} Codes: ${codes.map((code) => `\`${code}\``).join(', ')}.`,
        headers: headerRefs(...(status === 405 ? ['Allow'] : [])),
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { allOf: [componentRef('schemas', 'Problem'), narrowed] } } },
        'x-codes': codes,
      };
      return [problemResponseName(status), response];
    }),
  );
}
