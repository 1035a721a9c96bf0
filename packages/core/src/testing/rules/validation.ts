import { describe, expect, it } from 'vitest';
import type { OffboardAdapter } from '../../adapter/OffboardAdapter';
import type { Fresh } from '../context';
import { people } from '../context';
import { as, refusal, refusedWithoutChange } from '../harness';
import { observer } from '../harness';

/** Calls that a typed caller could not write, as a JavaScript caller or a hostile client could. */
const loose = (adapter: OffboardAdapter) => adapter as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;

export function validationSuite(fresh: Fresh): void {
  describe('Bad input', () => {
    it('malformed ids, unknown fields and wrong types are refused with VALIDATION_FAILED naming the field, changing nothing', async () => {
      const adapter = await fresh();
      const api = loose(adapter);
      const cases: [() => Promise<unknown>, string][] = [
        [() => api.deactivateLicense!('<script>alert(1)</script>', as(people.admin)), 'userId'],
        [() => api.deactivateUser!(people.salesperson, { ...as(people.admin), actorId: 42 }), 'context.actorId'],
        [() => api.deactivateUser!(people.salesperson, { actorId: people.admin }), 'context.organisationId'],
        [() => api.deactivateUser!(people.salesperson, as(people.admin, { kind: 'robot' as 'user' })), 'context.kind'],
        [() => api.reassignContacts!({ fromOwnerId: people.formerSeller, toUserIds: [people.salesperson] }, as(people.admin, { expectedVersion: 1 })), 'context.expectedVersion'],
        [() => api.transferTasks!({ fromUserId: people.spainSeller, toUserId: people.salesperson }, as(people.admin, { expectedVersion: 1 })), 'context.expectedVersion'],
        [() => api.deactivateUser!(people.salesperson, { ...as(people.admin), expectedVersion: 'one' }), 'context.expectedVersion'],
        [() => api.deactivateUser!(people.salesperson, { ...as(people.admin), sudo: true }), 'context.sudo'],
        [() => api.deactivateUser!(people.salesperson, { ...as(people.admin), idempotencyKey: 'bad key\u0000' }), 'context.idempotencyKey'],
        [() => api.assignLicense!(people.unlicensedMember, { country: 'Spain' }, as(people.admin)), 'input.country'],
        [() => api.assignLicense!(people.unlicensedMember, {}, as(people.admin)), 'input.country'],
        [() => api.reassignContacts!({ fromOwnerId: people.formerSeller, toUserIds: [] }, as(people.admin)), 'input.toUserIds'],
        [() => api.reassignContacts!({ fromOwnerId: people.formerSeller, toUserIds: [people.salesperson, people.salesperson] }, as(people.admin)), 'input.toUserIds'],
        [() => api.reassignContacts!({ fromOwnerId: people.formerSeller, toUserIds: 'u-carla' }, as(people.admin)), 'input.toUserIds'],
        [() => api.reassignContacts!({ fromOwnerId: people.formerSeller, toUserIds: [people.salesperson], contactIds: ['c-001'], exceptContactIds: ['c-002'] }, as(people.admin)), 'input.exceptContactIds'],
        [() => api.transferTasks!({ fromUserId: people.spainSeller, toUserId: people.salesperson, extra: 1 }, as(people.admin)), 'input.extra'],
        [() => api.takeTask!('t 001', as(people.salesperson)), 'taskId'],
        // Names objects keep for themselves are no ids: an id-keyed map anywhere would lose them.
        [() => api.deactivateUser!('__proto__', as(people.admin)), 'userId'],
        [() => api.reassignContacts!({ fromOwnerId: people.formerSeller, toUserIds: ['constructor'] }, as(people.admin)), 'input.toUserIds.0'],
        [() => api.transferTasks!({ fromUserId: 'prototype', toUserId: people.salesperson }, as(people.admin)), 'input.fromUserId'],
        [() => api.deactivatePhoneNumber!('', as(people.admin)), 'phoneNumberId'],
        [() => api.cancelScheduledDeactivation!('sd 1', as(people.admin)), 'scheduleId'],
        [() => api.scheduleDeactivation!('u carla', { scope: 'user', at: '2026-12-01T09:00:00Z' }, as(people.admin)), 'userId'],
        [() => api.scheduleDeactivation!(people.salesperson, { scope: 'user', at: '2026-12-01T09:00:00Z' }, { ...as(people.admin), expectedVersion: 0 }), 'context.expectedVersion'],
      ];
      for (const [attempt, field] of cases) {
        const error = await refusedWithoutChange(adapter, 'VALIDATION_FAILED', attempt);
        expect(error.details.field).toBe(field);
      }
    });

    it('bad queries are refused with VALIDATION_FAILED naming the field', async () => {
      const adapter = await fresh();
      const api = loose(adapter);
      const cases: [() => Promise<unknown>, string][] = [
        [() => api.listUsers!({ status: 'deleted' }, observer), 'query.status'],
        [() => api.listUsers!({ limit: 0 }, observer), 'query.limit'],
        [() => api.listUsers!({ limit: 100_000 }, observer), 'query.limit'],
        [() => api.listUsers!({ search: 'a\u0007b' }, observer), 'query.search'],
        [() => api.listContacts!({ ownerId: '../../etc/passwd' }, observer), 'query.ownerId'],
        [() => api.listTasks!({ transferable: 'yes' }, observer), 'query.transferable'],
        [() => api.listAuditLog!({ action: 'user.deleted' }, observer), 'query.action'],
        [() => api.listUsers!({ cursor: 'not a cursor!' }, observer), 'query.cursor'],
        [() => api.getOffboardingPlan!(people.salesperson, { scenario: 'layoff' }, as(people.admin)), 'query.scenario'],
        [() => api.listScheduledDeactivations!({ userId: '../etc' }, observer), 'query.userId'],
      ];
      for (const [attempt, field] of cases) {
        const error = await refusal(attempt(), 'VALIDATION_FAILED');
        expect(error.details.field).toBe(field);
      }
    });

    it('unknown ids in reads are NOT_FOUND; markup in searches is just text', async () => {
      const adapter = await fresh();
      await refusal(adapter.getUser('u-nobody', observer), 'NOT_FOUND');
      await refusal(adapter.getAccess('u-nobody', observer), 'NOT_FOUND');
      await refusal(adapter.getOffboardingPlan('u-nobody', {}, as(people.admin)), 'NOT_FOUND');
      expect((await adapter.listUsers({ search: '<img src=x onerror=alert(1)>' }, observer)).total).toBe(0);
    });
  });
}
