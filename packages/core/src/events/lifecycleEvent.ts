import type { AuditAction, AuditEntry, DeactivationReason, Effects } from '../domain/types';

/** R16: one type per kind of change, named as its audit action. */
export type LifecycleEventType = AuditAction;

/**
 * R16: what every change announces once it has committed: one event per audit entry, carrying
 * what the entry says and the organisation it happened in. `id` is stable (the same change always
 * has the same id, however often it is delivered), so receivers de-duplicate on it.
 */
export interface LifecycleEvent {
  readonly id: string;
  readonly type: LifecycleEventType;
  readonly organisationId: string;
  readonly actorId: string;
  readonly target: AuditEntry['target'];
  /** R14: the reason the change was given, `null` when none was. */
  readonly reason: DeactivationReason | null;
  readonly effects: Effects;
  readonly at: string;
  /** The audit entry's sequence number: the order of the organisation's changes. */
  readonly auditSeq: number;
}

export type LifecycleListener = (event: LifecycleEvent) => void | Promise<void>;

/** An organisation's change has one id everywhere: a backend derives it, it never stores a second one. */
export const eventIdOf = (organisationId: string, auditSeq: number): string => `evt_${organisationId}_${auditSeq}`;

/** The event an audit entry announces. */
export function eventOf(organisationId: string, entry: AuditEntry): LifecycleEvent {
  return {
    id: eventIdOf(organisationId, entry.seq),
    type: entry.action,
    organisationId,
    actorId: entry.actorId,
    target: { type: entry.target.type, id: entry.target.id },
    reason: entry.reason ?? null,
    effects: entry.effects,
    at: entry.at,
    auditSeq: entry.seq,
  };
}
