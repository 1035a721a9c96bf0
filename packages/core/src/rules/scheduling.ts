import type { Caller } from '../adapter/context';
import type { ScheduleScope } from '../domain/schedules';
import type { DeactivationReason } from '../domain/types';
import { OffboardError } from '../errors/OffboardError';
import { alreadyInactiveRefusal, firstRefusal, noLicenseRefusal, selfRefusal, standingRefusal, subject, versionRefusal, type Refusal } from './guards';
import type { OffboardPolicy, OffboardReadModel } from './readModel';

/**
 * R14: under the policy `requireReason`, a deactivation (now or scheduled) names its reason.
 * Backends check it after the rule's own guard, so every other refusal, which the plan (R8)
 * predicts, comes first.
 */
export function reasonRefusal(policy: OffboardPolicy, reason: DeactivationReason | null | undefined): Refusal {
  return policy.requireReason && !reason ? new OffboardError('REASON_REQUIRED') : null;
}

/**
 * R15: whether an admin may schedule this deactivation now. What only the moment it runs can
 * judge (R4, R9's last admin) is left to then; what makes it pointless already is refused now:
 * no such user, the admin themselves, no license to take, a user already inactive, or a schedule
 * of the same kind still pending.
 */
export async function scheduleDeactivationRefusal(
  model: OffboardReadModel,
  caller: Caller,
  userId: string,
  scope: ScheduleScope,
  reason: DeactivationReason | undefined,
  expectedVersion?: number,
): Promise<Refusal> {
  const user = await subject(model, caller, userId);
  if (user instanceof OffboardError) return user;
  return firstRefusal(
    () => selfRefusal(caller, userId),
    () => versionRefusal('user', user, expectedVersion),
    () => alreadyInactiveRefusal(user),
    () => (scope === 'license' ? noLicenseRefusal(user) : null),
    async () => {
      const pending = (await model.pendingSchedulesOf(userId)).find((schedule) => schedule.scope === scope);
      return pending ? new OffboardError('SCHEDULE_CONFLICT', { entity: 'schedule', id: pending.id, scope }) : null;
    },
    () => reasonRefusal(model.policy, reason),
  );
}

/** R15: a pending schedule, cancelled by an admin. */
export async function cancelScheduleRefusal(model: OffboardReadModel, caller: Caller, scheduleId: string, expectedVersion?: number): Promise<Refusal> {
  const standing = await standingRefusal(model, caller, 'admin');
  if (standing) return standing;
  const schedule = await model.findSchedule(scheduleId);
  if (!schedule) return new OffboardError('NOT_FOUND', { entity: 'schedule', id: scheduleId });
  return firstRefusal(
    () => versionRefusal('schedule', schedule, expectedVersion),
    () => (schedule.status !== 'pending' ? new OffboardError('SCHEDULE_NOT_PENDING', { entity: 'schedule', id: scheduleId, state: schedule.status }) : null),
  );
}

/**
 * R15: the schedules a deactivation makes moot, which it completes: a license deactivation the
 * pending license schedule, a user deactivation (which takes the license too) both.
 */
export function schedulesSettledBy(scope: ScheduleScope): readonly ScheduleScope[] {
  return scope === 'license' ? ['license'] : ['license', 'user'];
}
