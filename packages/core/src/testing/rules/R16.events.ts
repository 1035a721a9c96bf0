import { describe, expect, it } from 'vitest';
import type { AuditAction, AuditEntry } from '../../domain/types';
import { DEMO_ORGANISATION_ID, demoOrganisation } from '../../fixtures/demoOrganisation';
import { DAY, people, type FreshLifecycle } from '../context';
import { as, observe, readAll, refusal } from '../harness';
import { observer } from '../harness';
import { inADay } from './R15.scheduledDeactivation';

/** The event an audit entry must have announced, field by field. */
const announcing = (entry: AuditEntry) => ({
  id: expect.any(String),
  type: entry.action,
  organisationId: DEMO_ORGANISATION_ID,
  actorId: entry.actorId,
  target: entry.target,
  reason: entry.reason ?? null,
  effects: entry.effects,
  at: entry.at,
  auditSeq: entry.seq,
});

export function eventsSuite(fresh: FreshLifecycle): void {
  describe('R16 Lifecycle events', () => {
    it('R16: every kind of change announces exactly one typed event once it has committed, carrying its audit entry', async () => {
      const { adapter, clock, runDueSchedules, events } = await fresh();
      // The demo organisation comes with a history of its own, which no change of this test wrote.
      const loaded = (await adapter.listAuditLog({ limit: 1 }, observer)).total;
      const reason = { code: 'left-company' as const };
      await adapter.reassignContacts({ fromOwnerId: people.lastInColombia, toUserIds: [people.salesperson] }, as(people.admin));
      await adapter.transferTasks({ fromUserId: people.lastInColombia, toUserId: people.salesperson }, as(people.admin));
      await adapter.deactivatePhoneNumber('pn-co-1', as(people.admin));
      await adapter.deactivateLicense(people.spainSeller, { reason }, as(people.admin));
      await adapter.deactivateUser(people.spainSeller, { reason }, as(people.admin));
      await adapter.reactivateUser(people.spainSeller, as(people.admin));
      await adapter.assignLicense(people.spainSeller, { country: 'ES' }, as(people.admin));
      await adapter.takeTask('t-047', as(people.salesperson));
      const cancelled = await adapter.scheduleDeactivation(people.otherSpainSeller, inADay('user'), as(people.admin));
      await adapter.cancelScheduledDeactivation(cancelled.schedule.id, as(people.admin));
      await adapter.scheduleDeactivation(people.otherSpainSeller, inADay('license', { reason }), as(people.admin));
      await adapter.scheduleDeactivation(people.lastInColombia, inADay('license'), as(people.admin));
      clock.advance(DAY);
      await runDueSchedules();

      const log = (await readAll((page) => adapter.listAuditLog(page, observer))).reverse().slice(loaded);
      const heard = await events();
      expect(heard).toEqual(log.map(announcing));
      const kinds: AuditAction[] = [
        'contacts.reassigned', 'tasks.transferred', 'phoneNumber.deactivated', 'license.deactivated', 'user.deactivated', 'user.reactivated',
        'license.assigned', 'task.taken', 'schedule.created', 'schedule.cancelled', 'schedule.completed', 'schedule.failed',
      ];
      expect(new Set(heard.map((event) => event.type))).toEqual(new Set(kinds));
      expect(new Set(heard.map((event) => event.id)).size).toBe(heard.length);
      expect(heard.find((event) => event.type === 'user.deactivated')?.reason).toEqual(reason);
    });

    it('R16: a refused change announces nothing, and a replayed one nothing more: event ids are stable', async () => {
      const { adapter, events } = await fresh();
      await refusal(adapter.deactivateLicense(people.lastInColombia, as(people.admin)), 'LAST_LICENSE_IN_COUNTRY');
      await refusal(adapter.deactivateUser(people.admin, as(people.admin)), 'CANNOT_DEACTIVATE_SELF');
      await refusal(adapter.scheduleDeactivation(people.inactive, inADay('user'), as(people.admin)), 'ALREADY_INACTIVE');
      expect(await events()).toEqual([]);
      const key = as(people.admin, { idempotencyKey: 'elena-out' });
      await adapter.deactivateUser(people.spainSeller, key);
      await adapter.deactivateUser(people.spainSeller, key);
      const heard = await events();
      expect(heard.map((event) => event.type)).toEqual(['user.deactivated']);
      expect(heard[0]!.auditSeq).toBe((await observe(adapter)).auditLog[0]!.seq);
    });

    it('R16: events belong to the organisation of their change, and say so', async () => {
      const { adapter, events } = await fresh({ others: [demoOrganisation('org-twin')] });
      await adapter.deactivateLicense(people.spainSeller, { ...as(people.admin), organisationId: 'org-twin' });
      await adapter.deactivateLicense(people.otherSpainSeller, as(people.admin));
      const heard = await events();
      // Two organisations' changes are independent: only each one's own order is promised (auditSeq).
      expect(heard.map((event) => [event.organisationId, event.target.id]).sort()).toEqual([
        [DEMO_ORGANISATION_ID, people.otherSpainSeller],
        ['org-twin', people.spainSeller],
      ]);
      expect(heard[0]!.id).not.toBe(heard[1]!.id);
    });
  });
}
