import type { MutationContext } from '../adapter/context';
import { contextToHeaders } from '../contract/headers';
import { encodeQuery } from '../contract/queryString';
import { contextSchemaOf, type RequestParts, type Route } from '../contract/routes';
import { IdSchema } from '../contract/schemas';
import { JSON_CONTENT_TYPE } from '../contract/transport';
import { PROBLEM_CONTENT_TYPE } from '../contract/problems';
import { validate } from '../contract/validate';

export interface OutgoingRequest {
  readonly method: Route['method'];
  /** Path and query string, to append to the base URL. */
  readonly target: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

/**
 * Validates the call the way the in-memory backend does (same schemas, same field paths:
 * `context.actorId`, `input.country`, `userId`, `query.limit`), so a bad call fails identically
 * on both adapters and never leaves the machine; then writes it as HTTP. The caller in the
 * context does not travel: the server takes it from the credentials (`headers` option).
 */
export function buildRequest(route: Route, parts: RequestParts): OutgoingRequest {
  const context = validate(contextSchemaOf(route), parts.context, 'context');
  const body = route.body ? validate(route.body, parts.body, 'input') : undefined;
  const id = route.id ? validate(IdSchema, parts.id, route.id) : undefined;
  const query = route.query ? validate(route.query, parts.query ?? {}, 'query') : {};
  const path = id === undefined ? route.path : route.path.replace(':id', encodeURIComponent(id));
  return {
    method: route.method,
    target: `${path}${encodeQuery(query)}`,
    headers: {
      Accept: `${JSON_CONTENT_TYPE}, ${PROBLEM_CONTENT_TYPE}`,
      // Every change says JSON, bodyless ones too: a cross-site HTML form cannot, so the server
      // refuses those (CSRF), and a cross-site script must pass a CORS preflight first.
      ...(route.mutation && { 'Content-Type': JSON_CONTENT_TYPE }),
      ...(route.mutation && contextToHeaders(context as MutationContext)),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  };
}
