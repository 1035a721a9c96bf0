import * as v from 'valibot';
import type { Caller } from '../adapter/context';
import { contextFromHeaders } from '../contract/headers';
import { decodeQuery } from '../contract/queryString';
import type { RequestParts, Route } from '../contract/routes';
import { IdSchema, NoFieldsSchema } from '../contract/schemas';
import { isJsonContentType } from '../contract/transport';
import { invalidField, validate } from '../contract/validate';
import type { OffboardError } from '../errors/OffboardError';

/**
 * A refusal whose status is not its code's usual one (413, 415, 405, 408, 503): the code stays the
 * same. Thrown and caught inside the handler only, so it carries no stack trace of its own.
 */
export class HttpRefusal {
  constructor(
    readonly status: number,
    readonly error: OffboardError,
  ) {}
}

/**
 * Builds the errors of expected refusals without stack traces: hostile traffic is mostly
 * refusals, a trace costs more than the rest of the error, and no one ever reads it.
 */
export function quietly<T>(build: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return build();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

const NoBodySchema = v.optional(NoFieldsSchema);

/** CSRF: a change must say it is JSON, with or without a body; an HTML form cannot. */
export function requireJsonContentType(request: Request): void {
  if (!isJsonContentType(request.headers.get('Content-Type'))) {
    throw new HttpRefusal(415, quietly(() => invalidField('header.Content-Type', 'must be application/json')));
  }
}

/**
 * The body's bytes, read chunk by chunk and cut off at `limit`: a declared length over it is
 * refused before anything is read, and an undeclared (chunked) one as soon as it passes it, so
 * an upload never costs more memory than the limit.
 */
async function readBody(request: Request, limit: number): Promise<Uint8Array> {
  const tooLarge = () => new HttpRefusal(413, quietly(() => invalidField('body', `must be at most ${limit} bytes`, { limit })));
  if (Number(request.headers.get('Content-Length')) > limit) throw tooLarge();
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      // The body broke off: the client went away mid-body, or the connection failed. Whatever the
      // runtime calls it, it is the request that is incomplete, not the server that failed.
      throw quietly(() => invalidField('body', 'ended before it was complete'));
    }
    const { done, value } = chunk;
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Not awaited: some runtimes settle a cancel only once the sender gives up.
      reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The body as JSON (`undefined` when empty), read as `readBody` does and decoded as strict UTF-8; the SCIM bridge reads its bodies with it too. */
export async function readJson(request: Request, limit: number): Promise<unknown> {
  const bytes = await readBody(request, limit);
  if (bytes.byteLength === 0) return undefined;
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw quietly(() => invalidField('body', 'is not valid JSON'));
  }
}

/**
 * The typed parts of an HTTP request for an authenticated `caller`, refusing anything malformed
 * with `VALIDATION_FAILED` named by where it was found: `path.id`, `header.If-Match`,
 * `query.limit`, `body.toUserIds.0`. Unknown query parameters and body fields are refused, also
 * on routes that take none. Rules are left to the adapter that runs the request.
 */
export async function parseRequest(
  route: Route,
  request: Request,
  searchParams: URLSearchParams,
  id: string | undefined,
  caller: Caller,
  maxBodyBytes: number,
): Promise<RequestParts> {
  const { pathId, context, query } = quietly(() => {
    const querySchema = route.query ?? NoFieldsSchema;
    return {
      pathId: route.id ? validate(IdSchema, id, 'path.id') : undefined,
      context: route.mutation ? contextFromHeaders(caller, request.headers, !route.bulk) : caller,
      query: validate(querySchema, decodeQuery(querySchema, searchParams), 'query'),
    };
  });
  if (route.method === 'GET') return { id: pathId, query, body: undefined, context };
  const json = await readJson(request, maxBodyBytes);
  return { id: pathId, query, body: quietly(() => validate(route.body ?? NoBodySchema, json, 'body')), context };
}
