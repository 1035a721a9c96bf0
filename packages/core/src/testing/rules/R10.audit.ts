import { describe, expect, it } from 'vitest';
import type { AuditAction } from '../../domain/types';
import type { Fresh } from '../context';
import { people } from '../context';
import { as, observe, readAll, refusal } from '../harness';
import { observer } from '../harness';

export function auditSuite(fresh: Fresh): void {
  describe('R10 Audit', () => {
    it('R10: every kind of change writes exactly one entry with who, what, target, when and effects', async () => {
      const adapter = await fresh();
      const changes: [AuditAction, string, () => Promise<{ audit: unknown }>][] = [
        ['contacts.reassigned', people.lastInColombia, () => adapter.reassignContacts({ fromOwnerId: people.lastInColombia, toUserIds: [people.salesperson] }, as(people.admin))],
        ['tasks.transferred', people.lastInColombia, () => adapter.transferTasks({ fromUserId: people.lastInColombia, toUserId: people.salesperson }, as(people.admin))],
        ['phoneNumber.deactivated', 'pn-co-1', () => adapter.deactivatePhoneNumber('pn-co-1', as(people.admin))],
        ['license.deactivated', people.spainSeller, () => adapter.deactivateLicense(people.spainSeller, as(people.admin))],
        ['user.deactivated', people.spainSeller, () => adapter.deactivateUser(people.spainSeller, as(people.admin))],
        ['user.reactivated', people.spainSeller, () => adapter.reactivateUser(people.spainSeller, as(people.admin))],
        ['license.assigned', people.spainSeller, () => adapter.assignLicense(people.spainSeller, { country: 'ES' }, as(people.admin))],
        ['task.taken', 't-047', () => adapter.takeTask('t-047', as(people.salesperson))],
      ];
      for (const [action, targetId, change] of changes) {
        const before = (await adapter.listAuditLog({}, observer)).total;
        const { audit } = await change();
        const log = await adapter.listAuditLog({ limit: 2 }, observer);
        expect(log.total).toBe(before + 1);
        expect(log.items[0]).toEqual(audit);
        expect(log.items[0]).toMatchObject({ action, target: { id: targetId }, seq: before + 1 });
        expect(Date.parse(log.items[0]!.at)).not.toBeNaN();
        expect(log.items[0]!.effects).toBeTypeOf('object');
      }
    });

    it('R10: a refusal writes no entry', async () => {
      const adapter = await fresh();
      const before = await readAll((page) => adapter.listAuditLog(page, observer));
      await refusal(adapter.deactivateLicense(people.lastInColombia, as(people.admin)), 'LAST_LICENSE_IN_COUNTRY');
      await refusal(adapter.deleteUser(people.salesperson, as(people.admin)), 'DELETION_NOT_SUPPORTED');
      await refusal(adapter.deactivateUser(people.admin, as(people.admin)), 'CANNOT_DEACTIVATE_SELF');
      expect(await readAll((page) => adapter.listAuditLog(page, observer))).toEqual(before);
    });

    it('R10: the log is append-only: earlier entries never change and sequence numbers rise by one', async () => {
      const adapter = await fresh();
      const before = await readAll((page) => adapter.listAuditLog(page, observer));
      await adapter.deactivateLicense(people.spainSeller, as(people.admin));
      await adapter.deactivateUser(people.salesperson, as(people.admin));
      const after = await readAll((page) => adapter.listAuditLog(page, observer));
      expect(after.slice(2)).toEqual(before);
      expect(after.map((entry) => entry.seq)).toEqual(after.map((_, i) => after.length - i));
    });

    it('R10: the log filters by target and by actor, newest first, and pages by cursor', async () => {
      const adapter = await fresh();
      await adapter.deactivateLicense(people.spainSeller, as(people.admin));
      await adapter.deactivateUser(people.spainSeller, as(people.otherAdmin));
      const forTarget = await adapter.listAuditLog({ targetId: people.spainSeller }, observer);
      expect(forTarget.items.map((entry) => entry.action)).toEqual(['user.deactivated', 'license.deactivated']);
      expect((await adapter.listAuditLog({ actorId: people.otherAdmin }, observer)).items.map((entry) => entry.target.id)).toEqual([people.spainSeller, 'u-marta']);
      const first = await adapter.listAuditLog({ limit: 1 }, observer);
      const second = await adapter.listAuditLog({ limit: 1, cursor: first.nextCursor }, observer);
      expect(second.items[0]!.seq).toBe(first.items[0]!.seq - 1);
    });

    it('R10: editing what a read returned does not edit the log or any record', async () => {
      const adapter = await fresh();
      const { audit, user } = await adapter.deactivateLicense(people.spainSeller, as(people.admin));
      const before = await observe(adapter);
      const tamper = (value: object) => {
        try {
          Object.assign(value, { actorId: 'u-mallory', status: 'inactive', name: 'Tampered' });
        } catch {
          // Frozen results refuse the edit outright, which is just as good.
        }
      };
      tamper(audit);
      tamper(user);
      for (const entry of before.auditLog) tamper(entry);
      for (const record of before.users) tamper(record);
      const after = await observe(adapter);
      expect(after.auditLog[0]!.actorId).toBe(people.admin);
      expect(after.users.every((record) => record.name !== 'Tampered')).toBe(true);
    });
  });
}
