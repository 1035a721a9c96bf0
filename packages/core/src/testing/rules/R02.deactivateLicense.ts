import { describe, expect, it } from 'vitest';
import { TRANSFER_REASON_USER_DEACTIVATED } from '../../domain/types';
import type { Fresh } from '../context';
import { people } from '../context';
import { as, latestAudit, readAll, refusedWithoutChange } from '../harness';
import { observer } from '../harness';

export function deactivateLicenseSuite(fresh: Fresh): void {
  describe('R2 Deactivate license', () => {
    it('R2: the user stays active with reports, loses commercial features, and the seat is freed', async () => {
      const adapter = await fresh();
      const seatsBefore = await adapter.getSeatUsage(observer);
      const { user } = await adapter.deactivateLicense(people.salesperson, as(people.admin));
      expect(user.status).toBe('active');
      expect(user.license).toEqual({ country: 'ES', status: 'inactive' });
      expect(await adapter.getAccess(people.salesperson, observer)).toMatchObject({ canSignIn: true, reports: true, commercialFeatures: false });
      const seatsAfter = await adapter.getSeatUsage(observer);
      expect(seatsAfter.used).toBe(seatsBefore.used - 1);
      expect(seatsAfter.available).toBe(seatsBefore.available + 1);
    });

    it('R2: the user is removed from every Sales Brain, which keep their other members', async () => {
      const adapter = await fresh();
      const brainsBefore = (await adapter.listSalesBrains({ memberId: people.lastInColombia }, observer)).items;
      expect(brainsBefore.length).toBeGreaterThan(1);
      await adapter.deactivatePhoneNumber('pn-co-1', as(people.admin));
      await adapter.deactivatePhoneNumber('pn-co-2', as(people.admin));
      await adapter.deactivateLicense(people.lastInColombia, as(people.admin));
      expect((await adapter.listSalesBrains({ memberId: people.lastInColombia }, observer)).total).toBe(0);
      const all = await readAll((page) => adapter.listSalesBrains(page, observer));
      for (const before of brainsBefore) {
        const after = all.find((brain) => brain.id === before.id)!;
        expect(after.memberIds).toEqual(before.memberIds.filter((id) => id !== people.lastInColombia));
      }
    });

    it('R2: tasks in state created become transferable with reason "User deactivated"; completed tasks are untouched', async () => {
      const adapter = await fresh();
      const before = (await adapter.listTasks({ assigneeId: people.salesperson }, observer)).items;
      expect(before.some((task) => task.state === 'completed')).toBe(true);
      await adapter.deactivateLicense(people.salesperson, as(people.admin));
      const after = (await adapter.listTasks({ assigneeId: people.salesperson }, observer)).items;
      for (const task of after) {
        const previous = before.find((candidate) => candidate.id === task.id)!;
        if (task.state === 'created') {
          expect(task).toMatchObject({ transferable: true, transferReason: TRANSFER_REASON_USER_DEACTIVATED, assigneeId: people.salesperson });
        } else {
          expect(task).toEqual(previous);
        }
      }
    });

    it('R2: contacts stay with the user and the audit entry records every effect', async () => {
      const adapter = await fresh();
      const contacts = (await adapter.listContacts({ ownerId: people.salesperson }, observer)).total;
      const openTasks = (await adapter.listTasks({ assigneeId: people.salesperson, state: 'created' }, observer)).items.map((task) => task.id);
      await adapter.deactivateLicense(people.salesperson, as(people.admin));
      expect((await adapter.listContacts({ ownerId: people.salesperson }, observer)).total).toBe(contacts);
      const audit = await latestAudit(adapter);
      expect(audit).toMatchObject({
        actorId: people.admin,
        action: 'license.deactivated',
        target: { type: 'user', id: people.salesperson },
        effects: { licenseDeactivated: { country: 'ES' }, seatFreed: true, salesBrainsLeft: ['sb-inbound'], contactsOrphaned: contacts },
      });
      expect([...(audit!.effects.tasksMadeTransferable ?? [])].sort()).toEqual(openTasks.sort());
    });

    it('R2: a user without an active license is refused with NO_LICENSE', async () => {
      const adapter = await fresh();
      await refusedWithoutChange(adapter, 'NO_LICENSE', () => adapter.deactivateLicense(people.unlicensedMember, as(people.admin)));
      await refusedWithoutChange(adapter, 'NO_LICENSE', () => adapter.deactivateLicense(people.formerSeller, as(people.admin)));
      await refusedWithoutChange(adapter, 'NO_LICENSE', () => adapter.deactivateLicense(people.inactive, as(people.admin)));
    });

    it('R2: an unknown user is refused with NOT_FOUND', async () => {
      const adapter = await fresh();
      await refusedWithoutChange(adapter, 'NOT_FOUND', () => adapter.deactivateLicense('u-nobody', as(people.admin)));
    });
  });
}
