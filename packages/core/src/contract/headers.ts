import * as v from 'valibot';
import type { MutationContext } from '../adapter/OffboardAdapter';
import { IdSchema, IdempotencyKeySchema, VersionSchema } from './schemas';
import { validate } from './validate';

/** How `MutationContext` travels: the acting user, the idempotency key and the expected version. */
export const ACTOR_HEADER = 'X-Actor-Id';
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const IF_MATCH_HEADER = 'If-Match';
export const ETAG_HEADER = 'ETag';

/** Versions are strong ETags: `"3"` is version 3 and nothing else. */
export function formatETag(version: number): string {
  return `"${version}"`;
}

/** Header values are strings when present, so a non-string means the header is missing. */
const ActorHeaderSchema = v.pipe(v.string('is required'), IdSchema);

const IfMatchSchema = v.pipe(
  v.string(),
  v.regex(/^"\d{1,15}"$/, 'must be one strong ETag such as "3", or *'),
  v.transform((etag) => Number(etag.slice(1, -1))),
  VersionSchema,
);

/** The headers a mutation sends; the context has been validated by the caller. */
export function contextToHeaders(context: MutationContext): Record<string, string> {
  const headers: Record<string, string> = { [ACTOR_HEADER]: context.actorId };
  if (context.idempotencyKey !== undefined) headers[IDEMPOTENCY_KEY_HEADER] = context.idempotencyKey;
  if (context.expectedVersion !== undefined) headers[IF_MATCH_HEADER] = formatETag(context.expectedVersion);
  return headers;
}

/**
 * The context a mutation's headers describe, refusing bad ones as `header.<Name>`. `If-Match: *`
 * asks for no particular version, which is what an absent `expectedVersion` means.
 */
export function contextFromHeaders(headers: Headers): MutationContext {
  const read = (name: string) => headers.get(name) ?? undefined;
  const actorId = validate(ActorHeaderSchema, read(ACTOR_HEADER), `header.${ACTOR_HEADER}`);
  const key = read(IDEMPOTENCY_KEY_HEADER);
  const ifMatch = read(IF_MATCH_HEADER)?.trim();
  return {
    actorId,
    ...(key !== undefined && { idempotencyKey: validate(IdempotencyKeySchema, key, `header.${IDEMPOTENCY_KEY_HEADER}`) }),
    ...(ifMatch !== undefined && ifMatch !== '*' && { expectedVersion: validate(IfMatchSchema, ifMatch, `header.${IF_MATCH_HEADER}`) }),
  };
}
