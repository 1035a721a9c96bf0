import * as v from 'valibot';
import type { Caller } from '../adapter/context';
import { contextFromHeaders } from '../contract/headers';
import { decodeQuery } from '../contract/queryString';
import type { RequestParts, Route } from '../contract/routes';
import { IdSchema, NoFieldsSchema } from '../contract/schemas';
import { isJsonContentType } from '../contract/transport';
import { invalidField, validate } from '../contract/validate';
import type { OffboardError } from '../errors/OffboardError';

/** A refusal whose status is not its code's usual one (413, 415, 405): the code stays the same. */
export class HttpRefusal extends Error {
  constructor(
    readonly status: number,
    readonly error: OffboardError,
  ) {
    super(error.message);
  }
}

const NoBodySchema = v.optional(NoFieldsSchema);

/** CSRF: a change must say it is JSON, with or without a body; an HTML form cannot. */
export function requireJsonContentType(request: Request): void {
  if (!isJsonContentType(request.headers.get('Content-Type'))) {
    throw new HttpRefusal(415, invalidField('header.Content-Type', 'must be application/json'));
  }
}

/**
 * The body's bytes, read chunk by chunk and cut off at `limit`: a declared length over it is
 * refused before anything is read, and an undeclared (chunked) one as soon as it passes it, so
 * an upload never costs more memory than the limit.
 */
async function readBody(request: Request, limit: number): Promise<Uint8Array> {
  const tooLarge = () => new HttpRefusal(413, invalidField('body', `must be at most ${limit} bytes`, { limit }));
  if (Number(request.headers.get('Content-Length')) > limit) throw tooLarge();
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
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

async function readJson(request: Request, limit: number): Promise<unknown> {
  const bytes = await readBody(request, limit);
  if (bytes.byteLength === 0) return undefined;
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw invalidField('body', 'is not valid JSON');
  }
}

/**
 * The typed parts of an HTTP request for an authenticated `caller`, refusing anything malformed
 * with `VALIDATION_FAILED` named by where it was found: `path.id`, `header.If-Match`,
 * `query.limit`, `body.toUserIds.0`. Unknown query parameters and body fields are refused, also
 * on routes that take none. Rules are left to the adapter that runs the request.
 */
export async function parseRequest(route: Route, request: Request, id: string | undefined, caller: Caller, maxBodyBytes: number): Promise<RequestParts> {
  const pathId = route.id ? validate(IdSchema, id, 'path.id') : undefined;
  const context = route.mutation ? contextFromHeaders(caller, request.headers, !route.bulk) : caller;
  const querySchema = route.query ?? NoFieldsSchema;
  const query = validate(querySchema, decodeQuery(querySchema, new URL(request.url).searchParams), 'query');
  const body = route.method === 'GET' ? undefined : validate(route.body ?? NoBodySchema, await readJson(request, maxBodyBytes), 'body');
  return { id: pathId, query, body, context };
}
