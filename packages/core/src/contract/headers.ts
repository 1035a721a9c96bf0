import * as v from 'valibot';
import type { Caller, MutationContext } from '../adapter/context';
import { IdempotencyKeySchema, VersionSchema } from './schemas';
import { invalidField, validate } from './validate';

/**
 * How a `MutationContext` travels: the idempotency key and the expected version. The caller does
 * not travel at all: the server learns it from the request's credentials (`authenticate`).
 */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const IF_MATCH_HEADER = 'If-Match';
export const ETAG_HEADER = 'ETag';

/** Versions are strong ETags: `"3"` is version 3 and nothing else. */
export function formatETag(version: number): string {
  return `"${version}"`;
}

const IfMatchSchema = v.pipe(
  v.string(),
  v.regex(/^"\d{1,15}"$/, 'must be one strong ETag such as "3", or *'),
  v.transform((etag) => Number(etag.slice(1, -1))),
  VersionSchema,
);

/** The headers a mutation sends; the context has been validated by the caller. */
export function contextToHeaders(context: MutationContext): Record<string, string> {
  const headers: Record<string, string> = {};
  if (context.idempotencyKey !== undefined) headers[IDEMPOTENCY_KEY_HEADER] = context.idempotencyKey;
  if (context.expectedVersion !== undefined) headers[IF_MATCH_HEADER] = formatETag(context.expectedVersion);
  return headers;
}

/**
 * The context of a mutation from the authenticated caller and the request's headers, refusing
 * bad ones as `header.<Name>`. `If-Match: *` asks for no particular version, which is what an
 * absent `expectedVersion` means; a bulk move takes none (`versioned: false`).
 */
export function contextFromHeaders(caller: Caller, headers: Headers, versioned: boolean): MutationContext {
  const key = headers.get(IDEMPOTENCY_KEY_HEADER) ?? undefined;
  const ifMatch = headers.get(IF_MATCH_HEADER)?.trim();
  const expected = ifMatch === undefined || ifMatch === '*' ? undefined : ifMatch;
  if (expected !== undefined && !versioned) {
    throw invalidField(`header.${IF_MATCH_HEADER}`, 'does not apply to a bulk move; records that moved since are refused with VERSION_CONFLICT');
  }
  return {
    ...caller,
    ...(key !== undefined && { idempotencyKey: validate(IdempotencyKeySchema, key, `header.${IDEMPOTENCY_KEY_HEADER}`) }),
    ...(expected !== undefined && { expectedVersion: validate(IfMatchSchema, expected, `header.${IF_MATCH_HEADER}`) }),
  };
}
