import type { DeactivationReason, ScheduleScope, User, UserChange } from '@offboard/core';
import { schedulesSettledBy } from '@offboard/core/backend';
import type { Change } from './frames';
import { SCHEDULE_COLUMNS, scheduleOf } from './rows';
import { scheduleEffects } from './schedules';
import { deactivateLicenseWrites, deactivateUserWrites } from './writes';

/** What a deactivation needs of its change: by an admin's hand (`mutate`) or by a due schedule (the runner). */
export type DeactivationChange = Pick<Change, 'tx' | 'now' | 'audit'> & { readonly organisationId: string };

/**
 * R2 or R3's writes and audit entry, once the guard has passed; then the pending schedules the
 * deactivation makes moot are completed (R15), each with its own entry, in the same transaction.
 */
export async function performDeactivation(change: DeactivationChange, scope: ScheduleScope, user: User, reason: DeactivationReason | null): Promise<UserChange> {
  const { tx, organisationId, now } = change;
  const { user: next, effects } = scope === 'license' ? await deactivateLicenseWrites(tx, organisationId, user) : await deactivateUserWrites(tx, organisationId, user, now);
  const audit = await change.audit(scope === 'license' ? 'license.deactivated' : 'user.deactivated', { type: 'user', id: user.id }, effects, reason);
  await completeSchedulesSettledBy(change, scope, user.id);
  return { user: next, audit };
}

/** R15: whoever deactivated first, what a pending schedule was for has happened: it completes. */
async function completeSchedulesSettledBy(change: DeactivationChange, scope: ScheduleScope, userId: string): Promise<void> {
  const order = schedulesSettledBy(scope);
  const { rows } = await change.tx.query(
    `UPDATE scheduled_deactivations SET status = 'completed', outcome_at = $4, version = version + 1
     WHERE organisation_id = $1 AND user_id = $2 AND status = 'pending' AND scope = ANY($3::text[])
     RETURNING ${SCHEDULE_COLUMNS}`,
    [change.organisationId, userId, order, change.now.toISOString()],
  );
  // License first, as every backend writes them.
  const completed = rows.map(scheduleOf).sort((a, b) => order.indexOf(a.scope) - order.indexOf(b.scope));
  for (const schedule of completed) await change.audit('schedule.completed', { type: 'user', id: userId }, scheduleEffects(schedule), schedule.reason);
}
