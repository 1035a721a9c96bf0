import type { UserChange } from '../adapter/OffboardAdapter';
import type { ScheduleScope, ScheduledDeactivation } from '../domain/schedules';
import type { DeactivationReason, Effects, User } from '../domain/types';
import { schedulesSettledBy } from '../rules/scheduling';
import { applyLicenseDeactivation, applyUserDeactivation } from './applyChanges';
import { copyUser } from './copies';
import type { OrganisationStore } from './organisationStore';
import type { Transaction } from './transaction';

/**
 * R2 or R3's writes and audit entry, once the guard has passed, by an admin's hand or by a due
 * schedule (R15) alike; then the pending schedules the deactivation makes moot are completed.
 */
export function performDeactivation(
  store: OrganisationStore,
  tx: Transaction,
  scope: ScheduleScope,
  userId: string,
  actorId: string,
  reason: DeactivationReason | null,
  at: Date,
): UserChange {
  const user = store.findUser(userId)!;
  let next: User;
  let effects: Effects;
  if (scope === 'license') {
    effects = applyLicenseDeactivation(store, tx, user);
    next = { ...user, license: { ...user.license!, status: 'inactive' }, version: user.version + 1 };
    tx.put('user', next);
  } else {
    ({ user: next, effects } = applyUserDeactivation(store, tx, user, at.toISOString()));
  }
  const action = scope === 'license' ? 'license.deactivated' : 'user.deactivated';
  const audit = tx.writeAudit({ actorId, action, target: { type: 'user', id: userId }, effects, reason });
  completeSchedulesSettledBy(store, tx, scope, userId, actorId, at);
  return { user: copyUser(next), audit };
}

/** A schedule's life as its own audit entry (R15), about the user it deactivates. */
export function writeScheduleAudit(
  tx: Transaction,
  schedule: ScheduledDeactivation,
  action: 'schedule.created' | 'schedule.cancelled' | 'schedule.completed' | 'schedule.failed',
  actorId: string,
  extra: Effects = {},
) {
  const effects: Effects = { schedule: { id: schedule.id, scope: schedule.scope, at: schedule.at }, ...extra };
  return tx.writeAudit({ actorId, action, target: { type: 'user', id: schedule.userId }, effects, reason: schedule.reason });
}

/**
 * R15: a deactivation completes the pending schedules it makes moot (its own, when a schedule
 * runs): whoever deactivated first, what the schedule was for has happened.
 */
function completeSchedulesSettledBy(store: OrganisationStore, tx: Transaction, scope: ScheduleScope, userId: string, actorId: string, at: Date): void {
  const pending = store.schedules.pendingOf(userId);
  // In the order of `schedulesSettledBy`, license first, as every backend does.
  for (const mootScope of schedulesSettledBy(scope)) {
    const schedule = pending.find((candidate) => candidate.scope === mootScope);
    if (!schedule) continue;
    const completed: ScheduledDeactivation = { ...schedule, status: 'completed', outcome: { at: at.toISOString() }, version: schedule.version + 1 };
    tx.putSchedule(completed);
    writeScheduleAudit(tx, completed, 'schedule.completed', actorId);
  }
}
