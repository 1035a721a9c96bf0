import { describe, expect, it } from 'vitest';
import type { Fresh } from '../context';
import { people } from '../context';
import { as, observe, refusedWithoutChange } from '../harness';
import { observer } from '../harness';

export function noDeletionSuite(fresh: Fresh): void {
  describe('R1 No physical deletion', () => {
    it('R1: a delete request is refused with DELETION_NOT_SUPPORTED, whose message says to deactivate instead', async () => {
      const adapter = await fresh();
      const error = await refusedWithoutChange(adapter, 'DELETION_NOT_SUPPORTED', () => adapter.deleteUser(people.salesperson, as(people.admin)));
      expect(error.message).toMatch(/deactivate/i);
      expect((await adapter.getUser(people.salesperson, observer)).status).toBe('active');
    });

    it('R1: deleting an inactive user, yourself or an unknown id is refused the same way', async () => {
      const adapter = await fresh();
      for (const target of [people.inactive, people.admin, 'u-nobody']) {
        await refusedWithoutChange(adapter, 'DELETION_NOT_SUPPORTED', () => adapter.deleteUser(target, as(people.admin)));
      }
    });

    it('R1: a whole departure keeps every user, every history record and every earlier audit entry', async () => {
      const adapter = await fresh();
      const before = await observe(adapter);
      await adapter.reassignContacts({ fromOwnerId: people.lastInColombia, toUserIds: [people.salesperson] }, as(people.admin));
      for (const phoneNumber of ['pn-co-1', 'pn-co-2']) await adapter.deactivatePhoneNumber(phoneNumber, as(people.admin));
      await adapter.deactivateUser(people.lastInColombia, as(people.admin));
      await adapter.deactivateUser(people.salesperson, as(people.admin));
      const after = await observe(adapter);
      expect(after.users.map((user) => user.id)).toEqual(before.users.map((user) => user.id));
      expect(after.history).toEqual(before.history);
      expect(after.contacts.map((contact) => contact.id)).toEqual(before.contacts.map((contact) => contact.id));
      expect(after.tasks.map((task) => task.id)).toEqual(before.tasks.map((task) => task.id));
      expect(after.phoneNumbers.map((phoneNumber) => phoneNumber.id)).toEqual(before.phoneNumbers.map((phoneNumber) => phoneNumber.id));
      expect(after.auditLog.slice(-before.auditLog.length)).toEqual(before.auditLog);
      expect((await adapter.listHistory({ userId: people.lastInColombia, limit: 500 }, observer)).total).toBeGreaterThan(0);
    });
  });
}
