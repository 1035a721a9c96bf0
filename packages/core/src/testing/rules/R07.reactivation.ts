import { describe, expect, it } from 'vitest';
import type { Fresh } from '../context';
import { people } from '../context';
import { as, readAll, refusedWithoutChange } from '../harness';
import { observer } from '../harness';
import { DEMO_SCENARIOS } from '../../fixtures/scenarios';

export function reactivationSuite(fresh: Fresh): void {
  describe('R7 Reactivation', () => {
    it('R7: an inactive user is reactivated: can sign in again and appears in active lists', async () => {
      const adapter = await fresh();
      const listed = async (status: 'active' | 'inactive') => (await readAll((page) => adapter.listUsers({ ...page, status }, observer))).map((user) => user.id);
      expect(await listed('active')).not.toContain(people.inactive);
      expect(await listed('inactive')).toContain(people.inactive);
      const { user } = await adapter.reactivateUser(people.inactive, as(people.admin));
      expect(user.status).toBe('active');
      expect(await adapter.getAccess(people.inactive, observer)).toMatchObject({ canSignIn: true, reports: true, commercialFeatures: false });
      expect(await listed('active')).toContain(people.inactive);
      expect(await listed('inactive')).not.toContain(people.inactive);
    });

    it('R7: the license is not restored by itself', async () => {
      const adapter = await fresh();
      const seats = await adapter.getSeatUsage(observer);
      const { user } = await adapter.reactivateUser(people.inactive, as(people.admin));
      expect(user.license).toEqual({ country: 'ES', status: 'inactive' });
      expect(await adapter.getSeatUsage(observer)).toEqual(seats);
    });

    it('R7: assigning a license again needs a free seat (NO_SEATS_AVAILABLE)', async () => {
      const adapter = await fresh({ data: DEMO_SCENARIOS['seats-exhausted'].data() });
      await adapter.reactivateUser(people.inactive, as(people.admin));
      const error = await refusedWithoutChange(adapter, 'NO_SEATS_AVAILABLE', () => adapter.assignLicense(people.inactive, { country: 'ES' }, as(people.admin)));
      expect(error.details.seats).toEqual({ total: 10, used: 10 });
      await adapter.deactivateLicense(people.spainSeller, as(people.admin));
      const { user } = await adapter.assignLicense(people.inactive, { country: 'ES' }, as(people.admin));
      expect(user.license).toEqual({ country: 'ES', status: 'active' });
      expect(await adapter.getSeatUsage(observer)).toEqual({ total: 10, used: 10, available: 0 });
    });

    it('R7: tasks taken by others stay with them; own tasks nobody took stop being transferable with the license', async () => {
      const adapter = await fresh();
      const [taken, ...untaken] = (await adapter.listTasks({ assigneeId: people.inactive, state: 'created' }, observer)).items;
      await adapter.takeTask(taken!.id, as(people.salesperson));
      await adapter.reactivateUser(people.inactive, as(people.admin));
      const stillTransferable = (await adapter.listTasks({ assigneeId: people.inactive, state: 'created' }, observer)).items;
      expect(stillTransferable.every((task) => task.transferable)).toBe(true);
      const { audit } = await adapter.assignLicense(people.inactive, { country: 'ES' }, as(people.admin));
      const mine = (await adapter.listTasks({ assigneeId: people.inactive, state: 'created' }, observer)).items;
      expect(mine.map((task) => task.id).sort()).toEqual(untaken.map((task) => task.id).sort());
      expect(mine.every((task) => !task.transferable && task.transferReason === null)).toBe(true);
      expect([...(audit.effects.tasksNoLongerTransferable ?? [])].sort()).toEqual(untaken.map((task) => task.id).sort());
      const theirs = (await adapter.listTasks({ assigneeId: people.salesperson }, observer)).items;
      expect(theirs.some((task) => task.id === taken!.id)).toBe(true);
    });

    it('R7: an active user is refused with ALREADY_ACTIVE', async () => {
      const adapter = await fresh();
      await refusedWithoutChange(adapter, 'ALREADY_ACTIVE', () => adapter.reactivateUser(people.salesperson, as(people.admin)));
    });

    it('R7: a license for an inactive user is refused with USER_INACTIVE, a second license with LICENSE_ALREADY_ACTIVE', async () => {
      const adapter = await fresh();
      await refusedWithoutChange(adapter, 'USER_INACTIVE', () => adapter.assignLicense(people.inactive, { country: 'ES' }, as(people.admin)));
      await refusedWithoutChange(adapter, 'LICENSE_ALREADY_ACTIVE', () => adapter.assignLicense(people.salesperson, { country: 'MX' }, as(people.admin)));
    });
  });
}
