import { OffboardError, type AuditEntry } from '@offboard/core';
import type { Queryable } from './db';
import { AUDIT_COLUMNS, auditOf } from './rows';

/** How long a key replays its first result, and how many keys an organisation keeps at most. */
export interface IdempotencyOptions {
  /** @default 24 hours */
  readonly ttlMs?: number;
  /** The keys soonest to expire go first once an organisation holds this many. @default 100_000 */
  readonly maxKeys?: number;
}

export const DEFAULT_IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_MAX_IDEMPOTENCY_KEYS = 100_000;

/** Who sent which key with which request; `fingerprint` identifies the request. */
export interface KeyedRequest {
  readonly organisationId: string;
  readonly actorId: string;
  readonly key: string;
  readonly fingerprint: string;
}

/** A change's result, as stored: without its audit entry, which is in the log already. */
type StoredResult = Record<string, unknown> & { readonly audit: AuditEntry };

/** A request's identity: JSON with object keys sorted, hashed, so a 100,000-id request keeps a short row. */
export async function fingerprintOf(request: unknown): Promise<string> {
  const canonical = JSON.stringify(request, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : 1)))
      : inner,
  );
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonical));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * R11, R13: the first result of this caller's key, `undefined` for a key never used or expired;
 * a key used for another request is refused. Runs under the organisation's lock, so two requests
 * with one key cannot both miss it.
 */
export async function replay(tx: Queryable, request: KeyedRequest, now: Date): Promise<{ result: StoredResult | undefined; expired: boolean }> {
  const { rows } = await tx.query(
    `SELECT k.fingerprint, k.result, k.expires_at > $4 AS live, ${AUDIT_COLUMNS.split(', ').map((column) => `a.${column}`).join(', ')}
     FROM idempotency_keys k JOIN audit_log a ON a.organisation_id = k.organisation_id AND a.seq = k.audit_seq
     WHERE k.organisation_id = $1 AND k.actor_id = $2 AND k.key = $3`,
    [request.organisationId, request.actorId, request.key, now.toISOString()],
  );
  const stored = rows[0];
  if (!stored) return { result: undefined, expired: false };
  if (!stored.live) return { result: undefined, expired: true };
  if (stored.fingerprint !== request.fingerprint) throw new OffboardError('IDEMPOTENCY_KEY_REUSED', { idempotencyKey: request.key });
  return { result: { ...(stored.result as Record<string, unknown>), audit: auditOf(stored) }, expired: false };
}

/**
 * Keeps a success under its key. In the same statement, expired keys of the organisation go (an
 * indexed range, usually empty) and the organisation's key count moves; past `maxKeys` the keys
 * soonest to expire go too, so a client sending a fresh key per request cannot grow the table
 * without end.
 */
export async function remember(
  tx: Queryable,
  request: KeyedRequest,
  result: StoredResult,
  now: Date,
  options: Required<IdempotencyOptions>,
  replacesExpired: boolean,
): Promise<void> {
  const { audit, ...rest } = result;
  const { organisationId, actorId, key } = request;
  const { rows } = await tx.query(
    `WITH purged AS (
       DELETE FROM idempotency_keys WHERE organisation_id = $1 AND expires_at <= $6 AND NOT (actor_id = $2 AND key = $3) RETURNING 1
     ), saved AS (
       INSERT INTO idempotency_keys (organisation_id, actor_id, key, fingerprint, result, audit_seq, expires_at)
       VALUES ($1, $2, $3, $4, $5::jsonb, $7, $8)
       ON CONFLICT (organisation_id, actor_id, key) DO UPDATE
         SET fingerprint = excluded.fingerprint, result = excluded.result, audit_seq = excluded.audit_seq, expires_at = excluded.expires_at
     )
     UPDATE organisations SET idempotency_keys = idempotency_keys - (SELECT count(*) FROM purged) + $9
     WHERE organisation_id = $1 RETURNING idempotency_keys`,
    [
      organisationId,
      actorId,
      key,
      request.fingerprint,
      JSON.stringify(rest),
      now.toISOString(),
      audit.seq,
      new Date(now.getTime() + options.ttlMs).toISOString(),
      replacesExpired ? 0 : 1,
    ],
  );
  const excess = Number(rows[0]!.idempotency_keys) - options.maxKeys;
  if (excess <= 0) return;
  await tx.query(
    `WITH evicted AS (
       DELETE FROM idempotency_keys k USING (
         SELECT actor_id, key FROM idempotency_keys WHERE organisation_id = $1 ORDER BY expires_at LIMIT $2
       ) oldest
       WHERE k.organisation_id = $1 AND k.actor_id = oldest.actor_id AND k.key = oldest.key RETURNING 1
     )
     UPDATE organisations SET idempotency_keys = idempotency_keys - (SELECT count(*) FROM evicted) WHERE organisation_id = $1`,
    [organisationId, excess],
  );
}
