import { type Effects, type ListScheduledDeactivationsQuery, type Page, type ScheduleChange, type ScheduledDeactivation } from '@offboard/core';
import { cancelScheduleRefusal, invalidField, scheduleDeactivationRefusal } from '@offboard/core/backend';
import type { Queryable } from './db';
import { mutate, read, refuse, type Scope } from './frames';
import { SCHEDULED_FIRST, Where, page } from './listings';
import { SCHEDULE_COLUMNS, scheduleOf } from './rows';
import { Schemas, validId, validQuery, validate } from './validation';

/** A `schedule.*` audit entry's effects: which schedule it is about. */
export const scheduleEffects = (schedule: ScheduledDeactivation, extra: Effects = {}): Effects => ({
  schedule: { id: schedule.id, scope: schedule.scope, at: schedule.at },
  ...extra,
});

/** A schedule's new state, by primary key. */
export async function settleSchedule(
  tx: Queryable,
  organisationId: string,
  scheduleId: string,
  status: 'cancelled' | 'failed',
  at: Date,
  error: unknown = null,
): Promise<ScheduledDeactivation> {
  const { rows } = await tx.query(
    `UPDATE scheduled_deactivations SET status = $3, outcome_at = $4, outcome_error = $5::jsonb, version = version + 1
     WHERE organisation_id = $1 AND id = $2 RETURNING ${SCHEDULE_COLUMNS}`,
    [organisationId, scheduleId, status, at.toISOString(), error === null ? null : JSON.stringify(error)],
  );
  return scheduleOf(rows[0]!);
}

/** R15 on PostgreSQL: the adapter's three schedule operations. The runner is `scheduleRunner.ts`. */
export function postgresSchedules(scope: Scope) {
  return {
    scheduleDeactivation(userId: unknown, input: unknown, context: unknown): Promise<ScheduleChange> {
      const ctx = validate(Schemas.mutationContext, context, 'context');
      const request = validate(Schemas.scheduleDeactivation, input, 'input');
      const target = validId(userId, 'userId');
      const spec = { operation: 'scheduleDeactivation', standing: 'admin', target, users: [target], input: request, context: ctx } as const;
      return mutate(scope, spec, async ({ tx, model, now, audit }) => {
        // Judged after a replay, so a retry of a schedule made in time replays it even once `at` has passed.
        if (Date.parse(request.at) <= now.getTime()) throw invalidField('input.at', 'must be in the future');
        refuse(await scheduleDeactivationRefusal(model, ctx, target, request.scope, request.reason, ctx.expectedVersion));
        const { rows } = await tx.query(
          `WITH next AS (UPDATE organisations SET schedule_seq = schedule_seq + 1 WHERE organisation_id = $1 RETURNING schedule_seq)
           INSERT INTO scheduled_deactivations (organisation_id, id, user_id, scope, at, reason, status, created_by, created_at, version)
           SELECT $1, 'sd-' || schedule_seq, $2, $3, $4, $5::jsonb, 'pending', $6, $7, 1 FROM next
           RETURNING ${SCHEDULE_COLUMNS}`,
          [ctx.organisationId, target, request.scope, request.at, request.reason ? JSON.stringify(request.reason) : null, ctx.actorId, now.toISOString()],
        );
        const schedule = scheduleOf(rows[0]!);
        return { schedule, audit: await audit('schedule.created', { type: 'user', id: target }, scheduleEffects(schedule), schedule.reason) };
      });
    },

    cancelScheduledDeactivation(scheduleId: unknown, context: unknown): Promise<ScheduleChange> {
      const ctx = validate(Schemas.mutationContext, context, 'context');
      const target = validId(scheduleId, 'scheduleId');
      const spec = { operation: 'cancelScheduledDeactivation', standing: 'admin', target, input: null, context: ctx } as const;
      return mutate(scope, spec, async ({ tx, model, now, audit }) => {
        refuse(await cancelScheduleRefusal(model, ctx, target, ctx.expectedVersion));
        const schedule = await settleSchedule(tx, ctx.organisationId, target, 'cancelled', now);
        return { schedule, audit: await audit('schedule.cancelled', { type: 'user', id: schedule.userId }, scheduleEffects(schedule), schedule.reason) };
      });
    },

    listScheduledDeactivations(query: unknown, context: unknown): Promise<Page<ScheduledDeactivation>> {
      const listing: ListScheduledDeactivationsQuery = validQuery(Schemas.listScheduledDeactivations, query);
      const caller = validate(Schemas.readContext, context, 'context');
      return read(scope, caller, { read: 'scheduled-deactivations' }, (q) => {
        const where = new Where('organisation_id', caller.organisationId).andIf(listing.userId, 'user_id = $1').andIf(listing.status, 'status = $1');
        return page(q, { from: 'scheduled_deactivations', columns: SCHEDULE_COLUMNS, where, order: SCHEDULED_FIRST }, listing, scheduleOf);
      });
    },
  };
}
