import { SCHEDULER_ACTOR_ID, type ScheduleRef, type ScheduleRunReport, type ScheduledDeactivation } from '@offboard/core';
import { deactivateLicenseRefusal, deactivateUserRefusal, reasonRefusal } from '@offboard/core/backend';
import { appendAudit } from './audit';
import type { Queryable } from './db';
import { performDeactivation, type DeactivationChange } from './deactivations';
import { readUsers, type Scope } from './frames';
import { SqlReadModel } from './readModel';
import { SCHEDULE_COLUMNS, scheduleOf } from './rows';
import { scheduleEffects, settleSchedule } from './schedules';

/**
 * R15: performs every pending schedule due by `now`, one per transaction, each exactly once
 * however many processes run this at the same time. A transaction claims an organisation with a
 * due schedule that no other change holds (`FOR NO KEY UPDATE … SKIP LOCKED`: the lock every
 * change of the organisation takes first), then its soonest due schedule (`FOR UPDATE SKIP
 * LOCKED`, read afresh under that lock, so one performed meanwhile is not seen as due), and
 * performs it: the deactivation, its audit entry, its event in the outbox and the schedule's
 * completion commit together, or a refusal fails the schedule and changes nothing else. An
 * organisation busy with another change is left to the next pass rather than waited for.
 */
export async function runDueSchedules(scope: Scope, now: Date = scope.clock()): Promise<ScheduleRunReport> {
  const report = { completed: [] as ScheduleRef[], failed: [] as ScheduleRef[] };
  for (;;) {
    const outcome = await scope.db.transaction((tx) => claimAndPerform(scope, tx, now));
    if (outcome === null) return report;
    if (outcome !== 'none') report[outcome.status].push(outcome.schedule);
  }
}

type Outcome = { readonly status: 'completed' | 'failed'; readonly schedule: ScheduleRef } | 'none' | null;

async function claimAndPerform(scope: Scope, tx: Queryable, now: Date): Promise<Outcome> {
  const at = now.toISOString();
  const claimed = await tx.query<{ organisation_id: string }>(
    `SELECT o.organisation_id FROM organisations o
     WHERE o.organisation_id IN (SELECT s.organisation_id FROM scheduled_deactivations s WHERE s.status = 'pending' AND s.at <= $1)
     LIMIT 1 FOR NO KEY UPDATE OF o SKIP LOCKED`,
    [at],
  );
  const organisationId = claimed.rows[0]?.organisation_id;
  if (organisationId === undefined) return null;
  const due = await tx.query(
    `SELECT ${SCHEDULE_COLUMNS} FROM scheduled_deactivations WHERE organisation_id = $1 AND status = 'pending' AND at <= $2
     ORDER BY at, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
    [organisationId, at],
  );
  // Another runner performed it between this statement's snapshot and the last one's.
  if (!due.rows[0]) return 'none';
  const schedule = scheduleOf(due.rows[0]);
  return { status: await perform(scope, tx, organisationId, schedule, now), schedule: { organisationId, id: schedule.id } };
}

/** As if an admin did it now: the scheduler (a service identity) meets the very guards of the deactivation. */
async function perform(scope: Scope, tx: Queryable, organisationId: string, schedule: ScheduledDeactivation, now: Date): Promise<'completed' | 'failed'> {
  const scheduler = { organisationId, actorId: SCHEDULER_ACTOR_ID, kind: 'service' as const };
  const model = new SqlReadModel(tx, organisationId, scope.policy);
  await readUsers(tx, model, [schedule.userId]);
  const guard = schedule.scope === 'license' ? deactivateLicenseRefusal : deactivateUserRefusal;
  const refusal = (await guard(model, scheduler, schedule.userId)) ?? reasonRefusal(scope.policy, schedule.reason);
  const change: DeactivationChange = {
    tx,
    organisationId,
    now,
    audit: (action, target, effects, reason) => appendAudit(tx, organisationId, { actorId: SCHEDULER_ACTOR_ID, action, target, effects, reason, at: now }),
  };
  if (!refusal) {
    await performDeactivation(change, schedule.scope, (await model.findUser(schedule.userId))!, schedule.reason);
    return 'completed';
  }
  const error = { code: refusal.code, message: refusal.message, details: refusal.details };
  const failed = await settleSchedule(tx, organisationId, schedule.id, 'failed', now, error);
  await change.audit('schedule.failed', { type: 'user', id: schedule.userId }, scheduleEffects(failed, { refusal: error }), failed.reason);
  return 'failed';
}
