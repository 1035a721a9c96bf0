import * as v from 'valibot';
import { contextFromHeaders } from '../contract/headers';
import { decodeQuery } from '../contract/queryString';
import type { RequestParts, Route } from '../contract/routes';
import { IdSchema, NoFieldsSchema } from '../contract/schemas';
import { MAX_BODY_BYTES, isJsonContentType } from '../contract/transport';
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

async function readJson(request: Request): Promise<unknown> {
  const tooLarge = () => new HttpRefusal(413, invalidField('body', `must be at most ${MAX_BODY_BYTES} bytes`, { limit: MAX_BODY_BYTES }));
  // The declared length refuses a huge body before reading it; the real length catches a lie.
  if (Number(request.headers.get('Content-Length')) > MAX_BODY_BYTES) throw tooLarge();
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > MAX_BODY_BYTES) throw tooLarge();
  if (bytes.byteLength === 0) return undefined;
  if (!isJsonContentType(request.headers.get('Content-Type'))) {
    throw new HttpRefusal(415, invalidField('header.Content-Type', 'must be application/json'));
  }
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw invalidField('body', 'is not valid JSON');
  }
}

/**
 * The typed parts of an HTTP request, refusing anything malformed with `VALIDATION_FAILED` named
 * by where it was found: `path.id`, `header.X-Actor-Id`, `query.limit`, `body.toUserIds.0`.
 * Unknown query parameters and body fields are refused, also on routes that take none.
 * Rules (R1–R11) are left to the adapter that runs the request.
 */
export async function parseRequest(route: Route, request: Request, params: Readonly<Record<string, unknown>>): Promise<RequestParts> {
  const id = route.id ? validate(IdSchema, params.id, 'path.id') : undefined;
  const context = route.mutation ? contextFromHeaders(request.headers) : undefined;
  const querySchema = route.query ?? NoFieldsSchema;
  const query = validate(querySchema, decodeQuery(querySchema, new URL(request.url).searchParams), 'query');
  const body = route.method === 'GET' ? undefined : validate(route.body ?? NoBodySchema, await readJson(request), 'body');
  return { id, query, body, context };
}
