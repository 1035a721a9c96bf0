import { describe, expect, it } from 'vitest';
import { SCHEDULER_ACTOR_ID } from '../../domain/schedules';
import { DAY, HOUR, people, type FreshLifecycle } from '../context';
import { as, observe, observer, type Observation } from '../harness';
import { TOMORROW_UTC, inADay } from './R15.scheduledDeactivation';

/** Everything but the schedules and the audit log, which a failed schedule does change. */
const records = ({ schedules: _schedules, auditLog: _auditLog, ...rest }: Observation) => rest;

export function scheduleRunsSuite(fresh: FreshLifecycle): void {
  describe('R15 Scheduled deactivation: running when due', () => {
    it('R15: nothing runs before its time; when due, the scheduler deactivates exactly as an admin would, and the schedule completes', async () => {
      // The same deactivation by an admin's hand, first: a test has one adapter at a time.
      const manual = await (await fresh()).adapter.deactivateUser(people.salesperson, as(people.admin));
      const { adapter, clock, runDueSchedules } = await fresh();
      const { schedule } = await adapter.scheduleDeactivation(people.salesperson, inADay('user', { reason: { code: 'left-company' } }), as(people.admin));
      clock.advance(DAY - 1);
      const early = await observe(adapter);
      await runDueSchedules();
      expect(await observe(adapter)).toEqual(early);

      clock.advance(1);
      await runDueSchedules();
      expect(await adapter.getAccess(people.salesperson, observer)).toMatchObject({ canSignIn: false, openSessions: 0 });
      const [completed, deactivated] = (await adapter.listAuditLog({ limit: 2 }, observer)).items;
      expect(deactivated).toMatchObject({ action: 'user.deactivated', actorId: SCHEDULER_ACTOR_ID, at: TOMORROW_UTC, reason: { code: 'left-company' } });
      expect(deactivated!.effects).toEqual(manual.audit.effects);
      expect(completed).toMatchObject({ action: 'schedule.completed', actorId: SCHEDULER_ACTOR_ID, seq: deactivated!.seq + 1, effects: { schedule: { id: schedule.id } } });
      const [after] = (await adapter.listScheduledDeactivations({}, observer)).items;
      expect(after).toEqual({ ...schedule, status: 'completed', outcome: { at: TOMORROW_UTC }, version: 2 });

      const done = await observe(adapter);
      clock.advance(DAY);
      await runDueSchedules();
      expect(await observe(adapter)).toEqual(done);
    });

    it('R15: the guards are those of the moment it runs: R4 fails it with its refusal, visibly, and nothing else changes', async () => {
      const { adapter, clock, runDueSchedules } = await fresh();
      const { schedule } = await adapter.scheduleDeactivation(people.lastInColombia, inADay('license', { reason: { code: 'role-change' } }), as(people.admin));
      clock.advance(2 * DAY);
      const before = await observe(adapter);
      await runDueSchedules();
      const after = await observe(adapter);
      expect(records(after)).toEqual(records(before));
      const failed = after.schedules.find((candidate) => candidate.id === schedule.id)!;
      expect(failed).toMatchObject({ status: 'failed', version: 2, outcome: { at: clock().toISOString(), error: { code: 'LAST_LICENSE_IN_COUNTRY', details: { country: 'CO' } } } });
      expect(failed.outcome!.error!.message).toBe("You must deactivate the phone numbers for this license's country before removing the last license in the country.");
      expect(after.auditLog.length).toBe(before.auditLog.length + 1);
      expect(after.auditLog[0]).toMatchObject({
        action: 'schedule.failed',
        actorId: SCHEDULER_ACTOR_ID,
        target: { type: 'user', id: people.lastInColombia },
        reason: { code: 'role-change' },
        effects: { schedule: { id: schedule.id, scope: 'license' }, refusal: { code: 'LAST_LICENSE_IN_COUNTRY' } },
      });
      expect((await adapter.getOffboardingPlan(people.lastInColombia, {}, as(people.admin))).scheduled.license).toBeNull();
    });

    it('R15: R4 as it stands then: once the numbers are gone, the same schedule deactivates the license', async () => {
      const { adapter, clock, runDueSchedules } = await fresh();
      await adapter.scheduleDeactivation(people.lastInColombia, inADay('license'), as(people.admin));
      await adapter.deactivatePhoneNumber('pn-co-1', as(people.admin));
      await adapter.deactivatePhoneNumber('pn-co-2', as(people.admin));
      clock.advance(DAY);
      await runDueSchedules();
      expect((await adapter.getUser(people.lastInColombia, observer)).license).toEqual({ country: 'CO', status: 'inactive' });
    });

    it('R15: R9 as it stands then: a schedule that would take the last active admin fails with LAST_ADMIN', async () => {
      const { adapter, clock, runDueSchedules } = await fresh();
      const { schedule } = await adapter.scheduleDeactivation(people.otherAdmin, inADay('user'), as(people.admin));
      await adapter.deactivateUser(people.unlicensedAdmin, as(people.admin));
      await adapter.deactivateUser(people.admin, as('svc-directory', { kind: 'service' }));
      clock.advance(DAY);
      await runDueSchedules();
      const [failed] = (await adapter.listScheduledDeactivations({ status: 'failed' }, observer)).items;
      expect([failed?.id, failed?.outcome?.error?.code]).toEqual([schedule.id, 'LAST_ADMIN']);
      expect((await adapter.getUser(people.otherAdmin, observer)).status).toBe('active');
    });

    it('R15: a schedule outlives its creator: it still runs once the admin who made it is deactivated', async () => {
      const { adapter, clock, runDueSchedules } = await fresh();
      await adapter.scheduleDeactivation(people.salesperson, inADay('license'), as(people.otherAdmin));
      await adapter.deactivateUser(people.otherAdmin, as(people.admin));
      clock.advance(DAY);
      await runDueSchedules();
      expect((await adapter.getUser(people.salesperson, observer)).license?.status).toBe('inactive');
    });

    it('R15: due schedules run exactly once, however many runners ask at the same time', async () => {
      const { adapter, clock, runDueSchedules } = await fresh();
      const users = [people.salesperson, people.spainSeller, people.otherSpainSeller];
      for (const userId of users) await adapter.scheduleDeactivation(userId, inADay('user'), as(people.admin));
      clock.advance(DAY + HOUR);
      await Promise.all([runDueSchedules(), runDueSchedules(), runDueSchedules()]);
      const log = (await observe(adapter)).auditLog;
      for (const userId of users) {
        expect(log.filter((entry) => entry.target.id === userId && entry.action === 'user.deactivated')).toHaveLength(1);
        expect(log.filter((entry) => entry.target.id === userId && entry.action === 'schedule.completed')).toHaveLength(1);
      }
      expect((await adapter.listScheduledDeactivations({ status: 'completed' }, observer)).total).toBe(3);
    });

    it('R15: deactivating by hand completes the pending schedules it makes moot: a license deactivation the license one, a user deactivation both', async () => {
      const { adapter, clock, runDueSchedules } = await fresh();
      const license = (await adapter.scheduleDeactivation(people.salesperson, inADay('license'), as(people.admin))).schedule;
      const user = (await adapter.scheduleDeactivation(people.salesperson, { scope: 'user', at: '2026-11-09T09:00:00Z' }, as(people.admin))).schedule;
      const { audit } = await adapter.deactivateLicense(people.salesperson, as(people.otherAdmin));
      const [settled] = (await adapter.listAuditLog({ limit: 1 }, observer)).items;
      expect(settled).toMatchObject({ action: 'schedule.completed', actorId: people.otherAdmin, seq: audit.seq + 1, effects: { schedule: { id: license.id } } });
      const now = clock().toISOString();
      expect((await adapter.getOffboardingPlan(people.salesperson, {}, as(people.admin))).scheduled).toEqual({
        license: null,
        user,
      });
      expect((await adapter.listScheduledDeactivations({ status: 'completed' }, observer)).items).toEqual([{ ...license, status: 'completed', outcome: { at: now }, version: 2 }]);

      await adapter.deactivateUser(people.salesperson, as(people.admin));
      expect((await adapter.listScheduledDeactivations({ status: 'pending' }, observer)).total).toBe(0);
      const done = await observe(adapter);
      clock.advance(30 * DAY);
      await runDueSchedules();
      expect(await observe(adapter)).toEqual(done);
    });

    it('R15: reassigning, reactivating and assigning a license leave schedules as they are; a reactivated user can be scheduled again', async () => {
      const { adapter } = await fresh();
      const { schedule } = await adapter.scheduleDeactivation(people.salesperson, inADay('user'), as(people.admin));
      await adapter.reassignContacts({ fromOwnerId: people.salesperson, toUserIds: [people.spainSeller] }, as(people.admin));
      await adapter.transferTasks({ fromUserId: people.salesperson, toUserId: people.spainSeller }, as(people.admin));
      expect((await adapter.listScheduledDeactivations({}, observer)).items).toEqual([schedule]);
      await adapter.deactivateUser(people.salesperson, as(people.admin));
      const settled = (await adapter.listScheduledDeactivations({}, observer)).items;
      await adapter.reactivateUser(people.salesperson, as(people.admin));
      await adapter.assignLicense(people.salesperson, { country: 'ES' }, as(people.admin));
      expect((await adapter.listScheduledDeactivations({}, observer)).items).toEqual(settled);
      expect((await adapter.scheduleDeactivation(people.salesperson, inADay('license'), as(people.admin))).schedule.status).toBe('pending');
    });
  });
}
