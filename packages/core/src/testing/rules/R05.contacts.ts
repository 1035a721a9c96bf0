import { describe, expect, it } from 'vitest';
import { splitEvenly } from '../../rules/splitEvenly';
import type { Fresh } from '../context';
import { people } from '../context';
import { as, latestAudit, readAll, refusedWithoutChange } from '../harness';
import { observer } from '../harness';

export function contactsSuite(fresh: Fresh): void {
  describe('R5 Contacts', () => {
    it('R5: deactivation does not move contacts; they stay with their owner and become orphaned', async () => {
      const adapter = await fresh();
      const owned = await readAll((page) => adapter.listContacts({ ...page, ownerId: people.salesperson }, observer));
      const orphanedBefore = (await adapter.listContacts({ orphaned: true }, observer)).total;
      await adapter.deactivateUser(people.salesperson, as(people.admin));
      expect(await readAll((page) => adapter.listContacts({ ...page, ownerId: people.salesperson }, observer))).toEqual(owned);
      const orphaned = await readAll((page) => adapter.listContacts({ ...page, orphaned: true }, observer));
      expect(orphaned.length).toBe(orphanedBefore + owned.length);
      expect(orphaned.map((contact) => contact.id)).toEqual(expect.arrayContaining(owned.map((contact) => contact.id)));
    });

    it('R5 (R2): deactivating only the license orphans the owner’s contacts too: an active user without a license is no salesperson', async () => {
      const adapter = await fresh();
      const owned = (await readAll((page) => adapter.listContacts({ ...page, ownerId: people.salesperson }, observer))).map((contact) => contact.id);
      const orphanedBefore = (await readAll((page) => adapter.listContacts({ ...page, orphaned: true }, observer))).map((contact) => contact.id);
      const ownedBefore = (await adapter.listContacts({ orphaned: false }, observer)).total;
      expect(owned).toHaveLength(25);
      expect(orphanedBefore).not.toContain(owned[0]);
      const { user } = await adapter.deactivateLicense(people.salesperson, as(people.admin));
      expect(user.status).toBe('active');
      const orphaned = (await readAll((page) => adapter.listContacts({ ...page, orphaned: true }, observer))).map((contact) => contact.id);
      expect(orphaned).toHaveLength(orphanedBefore.length + owned.length);
      expect(orphaned).toEqual(expect.arrayContaining([...orphanedBefore, ...owned]));
      expect((await adapter.listContacts({ orphaned: false }, observer)).total).toBe(ownedBefore - owned.length);
      expect((await adapter.listContacts({ ownerId: people.salesperson, orphaned: true }, observer)).total).toBe(owned.length);
      expect((await adapter.listContacts({ ownerId: people.salesperson, orphaned: false }, observer)).total).toBe(0);
    });

    it('R5: one contact, several, or all of an owner’s are reassigned to a salesperson', async () => {
      const adapter = await fresh();
      const [first, second, third] = (await adapter.listContacts({ ownerId: people.formerSeller, limit: 3 }, observer)).items;
      await adapter.reassignContacts({ fromOwnerId: people.formerSeller, contactIds: [first!.id], toUserIds: [people.salesperson] }, as(people.admin));
      await adapter.reassignContacts({ fromOwnerId: people.formerSeller, contactIds: [second!.id, third!.id], toUserIds: [people.spainSeller] }, as(people.admin));
      const rest = (await adapter.listContacts({ ownerId: people.formerSeller }, observer)).total;
      const result = await adapter.reassignContacts({ fromOwnerId: people.formerSeller, toUserIds: [people.otherSpainSeller] }, as(people.admin));
      expect(result).toMatchObject({ total: rest, moved: [{ userId: people.otherSpainSeller, contacts: rest }] });
      expect((await adapter.listContacts({ ownerId: people.formerSeller }, observer)).total).toBe(0);
      const owners = await readAll((page) => adapter.listContacts(page, observer));
      expect(owners.find((contact) => contact.id === first!.id)?.ownerId).toBe(people.salesperson);
      expect(owners.find((contact) => contact.id === third!.id)?.ownerId).toBe(people.spainSeller);
      expect(owners.find((contact) => contact.id === first!.id)?.version).toBe(first!.version + 1);
    });

    it('R5: split evenly among several salespeople, to within one contact, as splitEvenly predicts', async () => {
      const adapter = await fresh();
      const total = (await adapter.listContacts({ ownerId: people.lastInColombia }, observer)).total;
      const targets = [people.salesperson, people.spainSeller, people.otherSpainSeller];
      const { moved } = await adapter.reassignContacts({ fromOwnerId: people.lastInColombia, toUserIds: targets }, as(people.admin));
      expect(moved).toEqual(splitEvenly(total, targets));
      const counts = moved.map((entry) => entry.contacts);
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
      for (const { userId, contacts } of moved) {
        const received = (await adapter.listContacts({ ownerId: userId }, observer)).items.length;
        expect(received).toBeGreaterThanOrEqual(contacts);
      }
      expect((await latestAudit(adapter))!.effects.contactsMoved!.flatMap((entry) => entry.contactIds).length).toBe(total);
    });

    it('R5: all of an owner’s contacts except some', async () => {
      const adapter = await fresh();
      const kept = (await adapter.listContacts({ ownerId: people.formerSeller, limit: 2 }, observer)).items.map((contact) => contact.id);
      const { total } = await adapter.reassignContacts(
        { fromOwnerId: people.formerSeller, exceptContactIds: kept, toUserIds: [people.salesperson] },
        as(people.admin),
      );
      expect(total).toBe(7);
      expect((await adapter.listContacts({ ownerId: people.formerSeller }, observer)).items.map((contact) => contact.id)).toEqual(kept);
    });

    it('R5: a target that is inactive, unlicensed or the current owner is refused with INVALID_REASSIGN_TARGET', async () => {
      const adapter = await fresh();
      for (const target of [people.inactive, people.unlicensedMember, people.formerSeller, people.unlicensedAdmin]) {
        const error = await refusedWithoutChange(adapter, 'INVALID_REASSIGN_TARGET', () =>
          adapter.reassignContacts({ fromOwnerId: people.formerSeller, toUserIds: [people.salesperson, target] }, as(people.admin)),
        );
        expect(error.details.id).toBe(target);
      }
    });

    it('R5: an active salesperson’s contacts cannot be reassigned to themselves (INVALID_REASSIGN_TARGET, current-owner)', async () => {
      const adapter = await fresh();
      for (const toUserIds of [[people.salesperson], [people.spainSeller, people.salesperson]]) {
        const error = await refusedWithoutChange(adapter, 'INVALID_REASSIGN_TARGET', () =>
          adapter.reassignContacts({ fromOwnerId: people.salesperson, toUserIds }, as(people.admin)),
        );
        expect(error.details).toEqual({ id: people.salesperson, reason: 'current-owner' });
      }
    });

    it('R5: an unknown target or contact is refused with NOT_FOUND', async () => {
      const adapter = await fresh();
      await refusedWithoutChange(adapter, 'NOT_FOUND', () =>
        adapter.reassignContacts({ fromOwnerId: people.formerSeller, toUserIds: ['u-nobody'] }, as(people.admin)),
      );
      await refusedWithoutChange(adapter, 'NOT_FOUND', () =>
        adapter.reassignContacts({ fromOwnerId: people.formerSeller, contactIds: ['c-999'], toUserIds: [people.salesperson] }, as(people.admin)),
      );
    });

    it('R5: a contact that no longer belongs to the stated owner is refused with VERSION_CONFLICT', async () => {
      const adapter = await fresh();
      const [contact] = (await adapter.listContacts({ ownerId: people.salesperson, limit: 1 }, observer)).items;
      const error = await refusedWithoutChange(adapter, 'VERSION_CONFLICT', () =>
        adapter.reassignContacts({ fromOwnerId: people.formerSeller, contactIds: [contact!.id], toUserIds: [people.spainSeller] }, as(people.admin)),
      );
      expect(error.details.ids).toEqual([contact!.id]);
    });

    it('R5: an empty selection is refused with VALIDATION_FAILED', async () => {
      const adapter = await fresh();
      await refusedWithoutChange(adapter, 'VALIDATION_FAILED', () =>
        adapter.reassignContacts({ fromOwnerId: people.unlicensedAdmin, toUserIds: [people.salesperson] }, as(people.admin)),
      );
    });

    it('R5: by default a user who still owns contacts may be deactivated', async () => {
      const adapter = await fresh();
      await adapter.deactivateUser(people.salesperson, as(people.admin));
      expect((await adapter.listContacts({ ownerId: people.salesperson }, observer)).total).toBe(25);
    });

    it('R5: with requireContactReassignment, R3 refuses an owner of contacts with CONTACTS_ASSIGNED until they are reassigned', async () => {
      const adapter = await fresh({ policy: { requireContactReassignment: true } });
      const error = await refusedWithoutChange(adapter, 'CONTACTS_ASSIGNED', () => adapter.deactivateUser(people.salesperson, as(people.admin)));
      expect(error.details.contacts).toBe(25);
      await adapter.deactivateLicense(people.salesperson, as(people.admin));
      await adapter.reassignContacts({ fromOwnerId: people.salesperson, toUserIds: [people.spainSeller] }, as(people.admin));
      const { user } = await adapter.deactivateUser(people.salesperson, as(people.admin));
      expect(user.status).toBe('inactive');
    });

    it('R5: the plan counts the contacts to reassign and the contacts a deactivation would orphan', async () => {
      const adapter = await fresh();
      const plan = await adapter.getOffboardingPlan(people.salesperson, {}, as(people.admin));
      expect(plan.contacts).toBe(25);
      expect(plan.effects.deactivateLicense?.contactsOrphaned).toBe(25);
      expect(plan.effects.deactivateUser?.contactsOrphaned).toBe(25);
      const former = await adapter.getOffboardingPlan(people.formerSeller, {}, as(people.admin));
      expect(former.effects.deactivateUser?.contactsOrphaned).toBe(0);
    });
  });
}
