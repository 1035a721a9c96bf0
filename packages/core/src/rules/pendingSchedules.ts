import { isService, type Caller } from '../adapter/context';
import type { ScheduleScope, ScheduledDeactivation } from '../domain/schedules';
import { readRefusalOf } from './readAccess';
import type { OffboardReadModel } from './readModel';

/** R15 in the plan (R8): the user's pending scheduled deactivation of each scope, `null` where none is. */
export type PendingSchedules = Readonly<Record<ScheduleScope, ScheduledDeactivation | null>>;

/**
 * The user's pending schedules as the plan shows them to `caller`: schedules are admin-only
 * (R12), so a member reading their own plan sees none.
 */
export async function pendingSchedulesFor(model: OffboardReadModel, caller: Caller, userId: string): Promise<PendingSchedules> {
  const actor = isService(caller) ? undefined : await model.findUser(caller.actorId);
  const pending = readRefusalOf(actor, caller, model.policy, { read: 'scheduled-deactivations' }) ? [] : await model.pendingSchedulesOf(userId);
  const of = (scope: ScheduleScope) => pending.find((schedule) => schedule.scope === scope) ?? null;
  return { license: of('license'), user: of('user') };
}
