import type { ListScheduledDeactivationsQuery, ScheduleChange } from '../adapter/OffboardAdapter';
import type { ScheduleRef, ScheduleRunReport } from '../adapter/LifecycleBackend';
import { IdSchema, ListScheduledDeactivationsQuerySchema, MutationContextSchema, ScheduleDeactivationInputSchema } from '../contract/schemas';
import { invalidField, validate } from '../contract/validate';
import { SCHEDULER_ACTOR_ID, type ScheduledDeactivation } from '../domain/schedules';
import { deactivateLicenseRefusal, deactivateUserRefusal } from '../rules/guards';
import { cancelScheduleRefusal, reasonRefusal, scheduleDeactivationRefusal } from '../rules/scheduling';
import { performDeactivation, writeScheduleAudit } from './deactivations';
import { refuse, type Frame, type Tenant } from './frame';
import type { OrganisationStore } from './organisationStore';
import { paginate } from './paginate';
import { scheduleKey } from './scheduleBook';
import type { Transaction } from './transaction';

/** R15 on the in-memory backend: the adapter's three schedule operations and the runner. */
export function inMemorySchedules(frame: Frame, tenants: () => Iterable<Tenant>, clock: () => Date) {
  return {
    async scheduleDeactivation(userId: unknown, input: unknown, context: unknown): Promise<ScheduleChange> {
      const ctx = validate(MutationContextSchema, context, 'context');
      const request = validate(ScheduleDeactivationInputSchema, input, 'input');
      const target = validate(IdSchema, userId, 'userId');
      return frame.mutate('scheduleDeactivation', 'admin', target, request, ctx, async (store, tx) => {
        const now = clock();
        // Judged after a replay, so a retry of a schedule made in time replays it even once `at` has passed.
        if (Date.parse(request.at) <= now.getTime()) throw invalidField('input.at', 'must be in the future');
        refuse(await scheduleDeactivationRefusal(store, ctx, target, request.scope, request.reason, ctx.expectedVersion));
        const schedule: ScheduledDeactivation = {
          id: store.schedules.nextId(),
          userId: target,
          scope: request.scope,
          at: request.at,
          reason: request.reason ?? null,
          status: 'pending',
          createdBy: ctx.actorId,
          createdAt: now.toISOString(),
          outcome: null,
          version: 1,
        };
        tx.putSchedule(schedule);
        return { schedule, audit: writeScheduleAudit(tx, schedule, 'schedule.created', ctx.actorId) };
      });
    },

    async cancelScheduledDeactivation(scheduleId: unknown, context: unknown): Promise<ScheduleChange> {
      const ctx = validate(MutationContextSchema, context, 'context');
      const target = validate(IdSchema, scheduleId, 'scheduleId');
      return frame.mutate('cancelScheduledDeactivation', 'admin', target, null, ctx, async (store, tx) => {
        refuse(await cancelScheduleRefusal(store, ctx, target, ctx.expectedVersion));
        const schedule = store.schedules.find(target)!;
        const cancelled: ScheduledDeactivation = { ...schedule, status: 'cancelled', outcome: { at: clock().toISOString() }, version: schedule.version + 1 };
        tx.putSchedule(cancelled);
        return { schedule: cancelled, audit: writeScheduleAudit(tx, cancelled, 'schedule.cancelled', ctx.actorId) };
      });
    },

    async listScheduledDeactivations(query: unknown, context: unknown) {
      const listing: ListScheduledDeactivationsQuery = validate(ListScheduledDeactivationsQuerySchema, query ?? {}, 'query');
      return frame.read(context, { read: 'scheduled-deactivations' }, (store) => paginate(store.schedules.list(listing), scheduleKey, listing, (schedule) => schedule));
    },

    /**
     * Every schedule due by `now`, each in its own change in its organisation's queue, where it is
     * looked at again: one that ran, failed or was cancelled meanwhile is left alone, so calls
     * at the same time perform each schedule once.
     */
    async runDueSchedules(now: Date = clock()): Promise<ScheduleRunReport> {
      const report = { completed: [] as ScheduleRef[], failed: [] as ScheduleRef[] };
      for (const tenant of tenants()) {
        for (const due of tenant.store.schedules.due(now)) {
          const outcome = await frame.change(tenant.store.organisationId, now, (store, tx) => perform(store, tx, due.id, now));
          if (outcome) report[outcome].push({ organisationId: tenant.store.organisationId, id: due.id });
        }
      }
      return report;
    },
  };
}

/**
 * R15: a due schedule, run as the scheduler (a service identity) with the very guards an admin's
 * deactivation meets now. A refusal fails the schedule with it, and changes nothing else.
 */
async function perform(store: OrganisationStore, tx: Transaction, scheduleId: string, now: Date): Promise<'completed' | 'failed' | null> {
  const schedule = store.schedules.find(scheduleId);
  if (schedule?.status !== 'pending' || Date.parse(schedule.at) > now.getTime()) return null;
  const scheduler = { organisationId: store.organisationId, actorId: SCHEDULER_ACTOR_ID, kind: 'service' as const };
  const guard = schedule.scope === 'license' ? deactivateLicenseRefusal : deactivateUserRefusal;
  const refusal = (await guard(store, scheduler, schedule.userId)) ?? reasonRefusal(store.policy, schedule.reason);
  if (!refusal) {
    performDeactivation(store, tx, schedule.scope, schedule.userId, SCHEDULER_ACTOR_ID, schedule.reason, now);
    return 'completed';
  }
  const error = { code: refusal.code, message: refusal.message, details: refusal.details };
  const failed: ScheduledDeactivation = { ...schedule, status: 'failed', outcome: { at: now.toISOString(), error }, version: schedule.version + 1 };
  tx.putSchedule(failed);
  writeScheduleAudit(tx, failed, 'schedule.failed', SCHEDULER_ACTOR_ID, { refusal: error });
  return 'failed';
}
