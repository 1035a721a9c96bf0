import type { AuditAction, AuditEntry, AuditTargetType, Effects } from '../domain/types';
import type { OrganisationStore } from './organisationStore';

type Put = OrganisationStore['put'];

/**
 * One mutation's writes. Every write goes through here and remembers what it replaced, so a
 * failure at any point (a refused guard, a thrown clock, a bug) puts every record back and the
 * mutation has changed nothing.
 */
export class Transaction {
  /** How to take back each write, newest last. */
  private readonly undo: (() => void)[] = [];
  private audit: AuditEntry | null = null;

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

  /** R10: the one audit entry of this change, written last. */
  writeAudit(actorId: string, action: AuditAction, target: { type: AuditTargetType; id: string }, effects: Effects): AuditEntry {
    const seq = this.store.auditLog.length + 1;
    const entry: AuditEntry = deepFreeze({
      id: `audit-${seq}`,
      seq,
      at: this.now().toISOString(),
      actorId,
      action,
      target,
      effects,
    });
    this.store.appendAudit(entry);
    this.audit = entry;
    return entry;
  }

  rollback(): void {
    if (this.audit) this.store.retractLastAudit(this.audit);
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
