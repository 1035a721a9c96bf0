import type { ScheduledDeactivation } from '../domain/schedules';
import type { AuditAction, AuditEntry, AuditTargetType, DeactivationReason, Effects } from '../domain/types';
import type { OrganisationStore } from './organisationStore';

type Put = OrganisationStore['put'];

/** One audit entry to write: who did what to which record, with which effects and, for a deactivation, why. */
export interface AuditDraft {
  readonly actorId: string;
  readonly action: AuditAction;
  readonly target: { readonly type: AuditTargetType; readonly id: string };
  readonly effects: Effects;
  readonly reason?: DeactivationReason | null;
}

/**
 * One mutation's writes. Every write goes through here and remembers what it replaced, so a
 * failure at any point (a refused guard, a thrown clock, a bug) puts every record back and the
 * mutation has changed nothing.
 */
export class Transaction {
  /** How to take back each write, newest last. */
  private readonly undo: (() => void)[] = [];
  /** R10: the change's audit entries: its own first, then any schedule it settled (R15). */
  readonly written: AuditEntry[] = [];

  constructor(
    private readonly store: OrganisationStore,
    private readonly now: () => Date,
  ) {}

  put: Put = (kind, next) => {
    const prev = this.store.put(kind, next);
    if (!prev) throw new Error(`${kind} ${next.id} must exist before it is written`);
    this.undo.push(() => this.store.put(kind, prev));
    return prev;
  };

  /** Many records of one kind at once (R2's tasks, R5's contacts), taken back as one. */
  replaceAll: OrganisationStore['replaceAll'] = (kind, prevs, nexts) => {
    this.store.replaceAll(kind, prevs, nexts);
    this.undo.push(() => this.store.replaceAll(kind, nexts, prevs));
  };

  /** R15: a new schedule or a schedule's new state; a new one is taken back by removing it. */
  putSchedule(next: ScheduledDeactivation): void {
    const prev = this.store.schedules.put(next);
    this.undo.push(() => (prev ? this.store.schedules.put(prev) : this.store.schedules.remove(next.id)));
  }

  /** R10: appends an audit entry, written after the records it describes. */
  writeAudit(draft: AuditDraft): AuditEntry {
    const seq = this.store.auditLog.length + 1;
    const entry: AuditEntry = deepFreeze({
      id: `audit-${seq}`,
      seq,
      at: this.now().toISOString(),
      actorId: draft.actorId,
      action: draft.action,
      target: draft.target,
      effects: draft.effects,
      ...(draft.reason && { reason: draft.reason }),
    });
    this.store.appendAudit(entry);
    this.written.push(entry);
    return entry;
  }

  rollback(): void {
    for (let i = this.written.length - 1; i >= 0; i--) this.store.retractLastAudit(this.written[i]!);
    for (let i = this.undo.length - 1; i >= 0; i--) this.undo[i]!();
    this.store.settle();
  }
}

/** Results and audit entries are handed out as they are; freezing keeps callers from editing history. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    if (!Array.isArray(value)) for (const inner of Object.values(value)) deepFreeze(inner);
    else if (value.length > 0 && typeof value[0] === 'object') for (const inner of value) deepFreeze(inner);
  }
  return value;
}
