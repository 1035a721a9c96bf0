import { describe, expect, it } from 'vitest';
import type { OffboardAdapter } from '../../adapter/OffboardAdapter';
import type { Fresh } from '../context';
import { people } from '../context';
import { as, refusal, refusedWithoutChange } from '../harness';

/** Calls that a typed caller could not write, as a JavaScript caller or a hostile client could. */
const loose = (adapter: OffboardAdapter) => adapter as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;

export function validationSuite(fresh: Fresh): void {
  describe('Bad input', () => {
    it('malformed ids, unknown fields and wrong types are refused with VALIDATION_FAILED naming the field, changing nothing', async () => {
      const adapter = await fresh();
      const api = loose(adapter);
      const cases: [() => Promise<unknown>, string][] = [
        [() => api.deactivateLicense!('<script>alert(1)</script>', as(people.admin)), 'userId'],
        [() => api.deactivateUser!(people.salesperson, { actorId: 42 }), 'context.actorId'],
        [() => api.deactivateUser!(people.salesperson, { actorId: people.admin, expectedVersion: 'one' }), 'context.expectedVersion'],
        [() => api.deactivateUser!(people.salesperson, { actorId: people.admin, sudo: true }), 'context.sudo'],
        [() => api.deactivateUser!(people.salesperson, { actorId: people.admin, idempotencyKey: 'bad key\u0000' }), 'context.idempotencyKey'],
        [() => api.assignLicense!(people.unlicensedMember, { country: 'Spain' }, as(people.admin)), 'input.country'],
        [() => api.assignLicense!(people.unlicensedMember, {}, as(people.admin)), 'input.country'],
        [() => api.reassignContacts!({ fromOwnerId: people.formerSeller, toUserIds: [] }, as(people.admin)), 'input.toUserIds'],
        [() => api.reassignContacts!({ fromOwnerId: people.formerSeller, toUserIds: [people.salesperson, people.salesperson] }, as(people.admin)), 'input.toUserIds'],
        [() => api.reassignContacts!({ fromOwnerId: people.formerSeller, toUserIds: 'u-carla' }, as(people.admin)), 'input.toUserIds'],
        [() => api.reassignContacts!({ fromOwnerId: people.formerSeller, toUserIds: [people.salesperson], contactIds: ['c-001'], exceptContactIds: ['c-002'] }, as(people.admin)), 'input.exceptContactIds'],
        [() => api.transferTasks!({ fromUserId: people.spainSeller, toUserId: people.salesperson, extra: 1 }, as(people.admin)), 'input.extra'],
        [() => api.takeTask!('t 001', as(people.salesperson)), 'taskId'],
        [() => api.deactivatePhoneNumber!('', as(people.admin)), 'phoneNumberId'],
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
        [() => api.listUsers!({ status: 'deleted' }), 'query.status'],
        [() => api.listUsers!({ limit: 0 }), 'query.limit'],
        [() => api.listUsers!({ limit: 100_000 }), 'query.limit'],
        [() => api.listUsers!({ search: 'a\u0007b' }), 'query.search'],
        [() => api.listContacts!({ ownerId: '../../etc/passwd' }), 'query.ownerId'],
        [() => api.listTasks!({ transferable: 'yes' }), 'query.transferable'],
        [() => api.listAuditLog!({ action: 'user.deleted' }), 'query.action'],
        [() => api.listUsers!({ cursor: 'not a cursor!' }), 'query.cursor'],
        [() => api.getOffboardingPlan!(people.salesperson, { actorId: people.admin, scenario: 'layoff' }), 'query.scenario'],
      ];
      for (const [attempt, field] of cases) {
        const error = await refusal(attempt(), 'VALIDATION_FAILED');
        expect(error.details.field).toBe(field);
      }
    });

    it('unknown ids in reads are NOT_FOUND; markup in searches is just text', async () => {
      const adapter = await fresh();
      await refusal(adapter.getUser('u-nobody'), 'NOT_FOUND');
      await refusal(adapter.getAccess('u-nobody'), 'NOT_FOUND');
      await refusal(adapter.getOffboardingPlan('u-nobody', { actorId: people.admin }), 'NOT_FOUND');
      expect((await adapter.listUsers({ search: '<img src=x onerror=alert(1)>' })).total).toBe(0);
    });
  });
}
