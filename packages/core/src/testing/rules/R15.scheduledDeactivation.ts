import { describe, expect, it } from 'vitest';
import type { ScheduleDeactivationInput } from '../../adapter/OffboardAdapter';
import type { OffboardAdapter } from '../../adapter/OffboardAdapter';
import { DAY, HOUR, people, type FreshLifecycle } from '../context';
import { as, observe, observer, readAll, refusal, refusedWithoutChange } from '../harness';

/** The suite's clock starts at the demo's now, 2026-11-02T09:00:00Z: this is a day later, given in Madrid's time. */
export const TOMORROW = '2026-11-03T10:00:00+01:00';
export const TOMORROW_UTC = '2026-11-03T09:00:00.000Z';

export const inADay = (scope: ScheduleDeactivationInput['scope'], extra: Partial<ScheduleDeactivationInput> = {}): ScheduleDeactivationInput => ({ scope, at: TOMORROW, ...extra });

const loose = (adapter: OffboardAdapter) => adapter as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;

export function scheduledDeactivationSuite(fresh: FreshLifecycle): void {
  describe('R15 Scheduled deactivation: scheduling and cancelling', () => {
    it('R15: an admin schedules a deactivation for a future instant: it is listed pending, audited, shown in the plan, and nothing else changes yet', async () => {
      const { adapter } = await fresh();
      const before = await observe(adapter);
      const { schedule, audit } = await adapter.scheduleDeactivation(people.salesperson, inADay('user', { reason: { code: 'left-company' } }), as(people.admin));
      expect(schedule).toEqual({
        id: schedule.id,
        userId: people.salesperson,
        scope: 'user',
        at: TOMORROW_UTC,
        reason: { code: 'left-company' },
        status: 'pending',
        createdBy: people.admin,
        createdAt: '2026-11-02T09:00:00.000Z',
        outcome: null,
        version: 1,
      });
      expect(audit).toMatchObject({
        action: 'schedule.created',
        actorId: people.admin,
        target: { type: 'user', id: people.salesperson },
        effects: { schedule: { id: schedule.id, scope: 'user', at: TOMORROW_UTC } },
        reason: { code: 'left-company' },
      });
      const after = await observe(adapter);
      expect(after.schedules).toEqual([schedule]);
      expect({ ...after, schedules: [], auditLog: after.auditLog.slice(1) }).toEqual({ ...before, schedules: [] });
      const plan = await adapter.getOffboardingPlan(people.salesperson, {}, as(people.admin));
      expect(plan.scheduled).toEqual({ license: null, user: schedule });
    });

    it('R15: `at` must be an instant with its offset, in the future by the backend’s clock; it is kept in UTC', async () => {
      const { adapter, clock } = await fresh();
      const api = loose(adapter);
      const now = clock().toISOString();
      const cases: [string, string][] = [
        [now, 'must be in the future'],
        ['2026-11-01T09:00:00Z', 'must be in the future'],
        ['2026-11-03T09:00:00', 'offset'],
        ['tomorrow', 'offset'],
        ['2026-02-30T09:00:00Z', 'real date'],
      ];
      for (const [at, message] of cases) {
        const error = await refusedWithoutChange(adapter, 'VALIDATION_FAILED', () => api.scheduleDeactivation!(people.salesperson, { scope: 'user', at }, as(people.admin)));
        expect(error.details.field, at).toBe('input.at');
        expect(error.message, at).toContain(message);
      }
      for (const [input, field] of [
        [{ scope: 'team', at: TOMORROW }, 'input.scope'],
        [{ at: TOMORROW }, 'input.scope'],
        [{ scope: 'user', at: TOMORROW, reason: { code: 'bored' } }, 'input.reason.code'],
        [{ scope: 'user', at: TOMORROW, when: 'soon' }, 'input.when'],
      ] as const) {
        const error = await refusedWithoutChange(adapter, 'VALIDATION_FAILED', () => api.scheduleDeactivation!(people.salesperson, input, as(people.admin)));
        expect(error.details.field).toBe(field);
      }
      const { schedule } = await adapter.scheduleDeactivation(people.salesperson, { scope: 'license', at: '2026-11-02T09:00:00.001Z' }, as(people.admin));
      expect(schedule.at).toBe('2026-11-02T09:00:00.001Z');
    });

    it('R15: only an active admin schedules, cancels or lists schedules (R9, R12); a member sees none in their own plan', async () => {
      const { adapter } = await fresh();
      const { schedule } = await adapter.scheduleDeactivation(people.spainSeller, inADay('license'), as(people.admin));
      const memberRefusal = await refusedWithoutChange(adapter, 'FORBIDDEN', () => adapter.scheduleDeactivation(people.otherSpainSeller, inADay('user'), as(people.salesperson)));
      expect(memberRefusal.details.reason).toBe('not-admin');
      await refusedWithoutChange(adapter, 'FORBIDDEN', () => adapter.cancelScheduledDeactivation(schedule.id, as(people.salesperson)));
      expect((await refusal(adapter.listScheduledDeactivations({}, as(people.spainSeller)), 'FORBIDDEN')).details.reason).toBe('admin-only');
      expect((await adapter.getOffboardingPlan(people.spainSeller, {}, as(people.spainSeller))).scheduled).toEqual({ license: null, user: null });
      const service = as('svc-directory', { kind: 'service' });
      expect((await adapter.scheduleDeactivation(people.spainSeller, inADay('user'), service)).schedule.createdBy).toBe('svc-directory');
    });

    it('R15: what is pointless already is refused now: an unknown user, oneself, no license to take, a user already inactive', async () => {
      const { adapter } = await fresh();
      await refusedWithoutChange(adapter, 'NOT_FOUND', () => adapter.scheduleDeactivation('u-nobody', inADay('user'), as(people.admin)));
      await refusedWithoutChange(adapter, 'CANNOT_DEACTIVATE_SELF', () => adapter.scheduleDeactivation(people.admin, inADay('license'), as(people.admin)));
      await refusedWithoutChange(adapter, 'NO_LICENSE', () => adapter.scheduleDeactivation(people.unlicensedMember, inADay('license'), as(people.admin)));
      await refusedWithoutChange(adapter, 'ALREADY_INACTIVE', () => adapter.scheduleDeactivation(people.inactive, inADay('user'), as(people.admin)));
    });

    it('R15: what only the moment it runs can judge is left to then: R4’s last license of a country is schedulable', async () => {
      const { adapter } = await fresh();
      const { schedule } = await adapter.scheduleDeactivation(people.lastInColombia, inADay('license'), as(people.admin));
      expect(schedule.status).toBe('pending');
    });

    it('R15: with requireReason, scheduling without a reason is refused with REASON_REQUIRED', async () => {
      const { adapter } = await fresh({ policy: { requireReason: true } });
      await refusedWithoutChange(adapter, 'REASON_REQUIRED', () => adapter.scheduleDeactivation(people.salesperson, inADay('user'), as(people.admin)));
      const { schedule } = await adapter.scheduleDeactivation(people.salesperson, inADay('user', { reason: { code: 'downsizing' } }), as(people.admin));
      expect(schedule.reason).toEqual({ code: 'downsizing' });
    });

    it('R15: one pending schedule per user and scope: a second is refused with SCHEDULE_CONFLICT naming the first; the other scope is free', async () => {
      const { adapter } = await fresh();
      const { schedule } = await adapter.scheduleDeactivation(people.salesperson, inADay('license'), as(people.admin));
      const conflict = await refusedWithoutChange(adapter, 'SCHEDULE_CONFLICT', () =>
        adapter.scheduleDeactivation(people.salesperson, { scope: 'license', at: '2026-11-20T09:00:00Z' }, as(people.otherAdmin)),
      );
      expect(conflict.details).toMatchObject({ entity: 'schedule', id: schedule.id, scope: 'license' });
      const user = await adapter.scheduleDeactivation(people.salesperson, inADay('user'), as(people.admin));
      expect((await adapter.getOffboardingPlan(people.salesperson, {}, as(people.admin))).scheduled).toEqual({ license: schedule, user: user.schedule });
    });

    it('R15: a cancelled schedule never runs, and cannot be cancelled twice (SCHEDULE_NOT_PENDING)', async () => {
      const { adapter, clock, runDueSchedules } = await fresh();
      const { schedule } = await adapter.scheduleDeactivation(people.salesperson, inADay('user'), as(people.admin));
      await refusedWithoutChange(adapter, 'VERSION_CONFLICT', () => adapter.cancelScheduledDeactivation(schedule.id, as(people.admin, { expectedVersion: 2 })));
      const { schedule: cancelled, audit } = await adapter.cancelScheduledDeactivation(schedule.id, as(people.otherAdmin, { expectedVersion: 1 }));
      expect(cancelled).toEqual({ ...schedule, status: 'cancelled', outcome: { at: clock().toISOString() }, version: 2 });
      expect(audit).toMatchObject({ action: 'schedule.cancelled', actorId: people.otherAdmin, target: { id: people.salesperson }, effects: { schedule: { id: schedule.id } } });
      const again = await refusedWithoutChange(adapter, 'SCHEDULE_NOT_PENDING', () => adapter.cancelScheduledDeactivation(schedule.id, as(people.admin)));
      expect(again.details).toMatchObject({ id: schedule.id, state: 'cancelled' });
      await refusedWithoutChange(adapter, 'NOT_FOUND', () => adapter.cancelScheduledDeactivation('sd-404', as(people.admin)));
      clock.advance(2 * DAY);
      const before = await observe(adapter);
      await runDueSchedules();
      expect(await observe(adapter)).toEqual(before);
      expect((await adapter.getUser(people.salesperson, observer)).status).toBe('active');
      // The scope is free again.
      expect((await adapter.scheduleDeactivation(people.salesperson, { scope: 'user', at: '2026-11-10T09:00:00Z' }, as(people.admin))).schedule.status).toBe('pending');
    });

    it('R15: scheduling and cancelling are safe to retry under an idempotency key', async () => {
      const { adapter } = await fresh();
      const key = as(people.admin, { idempotencyKey: 'carla-leaves-tomorrow' });
      const first = await adapter.scheduleDeactivation(people.salesperson, inADay('user'), key);
      expect(await adapter.scheduleDeactivation(people.salesperson, inADay('user'), key)).toEqual(first);
      await refusedWithoutChange(adapter, 'IDEMPOTENCY_KEY_REUSED', () => adapter.scheduleDeactivation(people.salesperson, { scope: 'user', at: '2026-11-04T09:00:00Z' }, key));
      const cancelKey = as(people.admin, { idempotencyKey: 'keep-carla' });
      const cancelled = await adapter.cancelScheduledDeactivation(first.schedule.id, cancelKey);
      expect(await adapter.cancelScheduledDeactivation(first.schedule.id, cancelKey)).toEqual(cancelled);
      expect((await observe(adapter)).auditLog.filter((entry) => entry.action.startsWith('schedule.'))).toHaveLength(2);
    });

    it('R15: the listing filters by user and status, soonest first, and pages by cursor', async () => {
      const { adapter } = await fresh();
      const at = (hours: number) => new Date(Date.parse('2026-11-02T09:00:00Z') + hours * HOUR).toISOString();
      const made = [];
      for (const [userId, hours] of [[people.salesperson, 30], [people.spainSeller, 10], [people.otherSpainSeller, 20]] as const) {
        made.push((await adapter.scheduleDeactivation(userId, { scope: 'user', at: at(hours) }, as(people.admin))).schedule);
      }
      await adapter.cancelScheduledDeactivation(made[2]!.id, as(people.admin));
      const all = await readAll((page) => adapter.listScheduledDeactivations({ ...page, limit: 1 }, observer));
      expect(all.map((schedule) => schedule.userId)).toEqual([people.spainSeller, people.otherSpainSeller, people.salesperson]);
      expect((await adapter.listScheduledDeactivations({ status: 'pending' }, observer)).items.map((schedule) => schedule.userId)).toEqual([people.spainSeller, people.salesperson]);
      const carla = await adapter.listScheduledDeactivations({ userId: people.salesperson }, observer);
      expect([carla.total, carla.items[0]?.id]).toEqual([1, made[0]!.id]);
      expect((await refusal(adapter.listScheduledDeactivations({ status: 'done' } as never, observer), 'VALIDATION_FAILED')).details.field).toBe('query.status');
    });
  });
}
