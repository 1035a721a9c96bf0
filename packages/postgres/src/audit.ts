import type { AuditAction, AuditEntry, AuditTargetType, DeactivationReason, Effects } from '@offboard/core';
import type { Queryable } from './db';
import { integer } from './rows';

export interface AuditDraft {
  readonly actorId: string;
  readonly action: AuditAction;
  readonly target: { readonly type: AuditTargetType; readonly id: string };
  readonly effects: Effects;
  /** R14 */
  readonly reason?: DeactivationReason | null;
  readonly at: Date;
}

/**
 * R10: appends a change's entry, numbered from the organisation's counter, which the change has
 * locked already, so sequence numbers rise by one without gaps however many servers write. The
 * table refuses UPDATE, DELETE and TRUNCATE itself (see the migration). R16: the same statement
 * puts the entry's event in the outbox, so it commits, or rolls back, with the change.
 */
export async function appendAudit(tx: Queryable, organisationId: string, draft: AuditDraft): Promise<AuditEntry> {
  const at = draft.at.toISOString();
  const reason = draft.reason ?? null;
  const { rows } = await tx.query(
    `WITH next AS (UPDATE organisations SET audit_seq = audit_seq + 1 WHERE organisation_id = $1 RETURNING audit_seq),
     entry AS (
       INSERT INTO audit_log (organisation_id, seq, id, at, actor_id, action, target_type, target_id, effects, reason)
       SELECT $1, audit_seq, 'audit-' || audit_seq, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb FROM next
       RETURNING seq, id
     ),
     queued AS (INSERT INTO event_outbox (organisation_id, audit_seq) SELECT $1, seq FROM entry)
     SELECT seq, id FROM entry`,
    [organisationId, at, draft.actorId, draft.action, draft.target.type, draft.target.id, JSON.stringify(draft.effects), reason && JSON.stringify(reason)],
  );
  const { seq, id } = rows[0]!;
  return {
    id: id as string,
    seq: integer(seq),
    at,
    actorId: draft.actorId,
    action: draft.action,
    target: { ...draft.target },
    effects: draft.effects,
    ...(reason && { reason }),
  };
}
