import { describe, expect, it } from 'vitest';
import type { ListUsersQuery } from '../../adapter/OffboardAdapter';
import type { Fresh } from '../context';
import { people } from '../context';
import { as, latestAudit, readAll, refusedWithoutChange } from '../harness';
import { observer } from '../harness';

export function deactivateUserSuite(fresh: Fresh): void {
  describe('R3 Deactivate user', () => {
    it('R3: the user can no longer sign in and every open session ends', async () => {
      const adapter = await fresh();
      expect((await adapter.getAccess(people.salesperson, observer)).openSessions).toBeGreaterThan(0);
      await adapter.deactivateUser(people.salesperson, as(people.admin));
      expect(await adapter.getAccess(people.salesperson, observer)).toEqual({
        userId: people.salesperson,
        canSignIn: false,
        commercialFeatures: false,
        reports: false,
        openSessions: 0,
      });
    });

    it('R3: the user disappears from active lists and is listed under inactive', async () => {
      const adapter = await fresh();
      const listed = async (query: Omit<ListUsersQuery, 'cursor' | 'limit'>) =>
        (await readAll((page) => adapter.listUsers({ ...page, ...query }, observer))).map((user) => user.id);
      // The lists as a screen showed them before: a backend that keeps listings must not serve them after.
      expect(await listed({})).toContain(people.salesperson);
      expect(await listed({ licensed: true })).toContain(people.salesperson);
      expect(await listed({ status: 'inactive' })).not.toContain(people.salesperson);

      await adapter.deactivateUser(people.salesperson, as(people.admin));
      expect(await listed({})).not.toContain(people.salesperson);
      expect(await listed({ licensed: true })).not.toContain(people.salesperson);
      expect(await listed({ status: 'inactive' })).toContain(people.salesperson);
      const active = await readAll((page) => adapter.listUsers(page, observer));
      expect(active.every((user) => user.status === 'active')).toBe(true);
    });

    it('R3: all history is kept', async () => {
      const adapter = await fresh();
      const before = await readAll((page) => adapter.listHistory({ ...page, userId: people.salesperson }, observer));
      await adapter.deactivateUser(people.salesperson, as(people.admin));
      expect(await readAll((page) => adapter.listHistory({ ...page, userId: people.salesperson }, observer))).toEqual(before);
      expect((await adapter.getUser(people.salesperson, observer)).status).toBe('inactive');
    });

    it('R3: an active license goes with every R2 effect in the same atomic step: one audit entry, one version', async () => {
      const adapter = await fresh();
      const before = await adapter.getUser(people.salesperson, observer);
      const auditBefore = (await adapter.listAuditLog({}, observer)).total;
      const { user, audit } = await adapter.deactivateUser(people.salesperson, as(people.admin));
      expect(user).toMatchObject({ status: 'inactive', license: { country: 'ES', status: 'inactive' }, version: before.version + 1 });
      expect((await adapter.listAuditLog({}, observer)).total).toBe(auditBefore + 1);
      expect(audit).toEqual(await latestAudit(adapter));
      expect(audit).toMatchObject({
        action: 'user.deactivated',
        target: { type: 'user', id: people.salesperson },
        effects: { licenseDeactivated: { country: 'ES' }, seatFreed: true, salesBrainsLeft: ['sb-inbound'], signInRevoked: true, sessionsEnded: 1 },
      });
      expect(audit.effects.tasksMadeTransferable?.length).toBe(2);
      expect((await adapter.listSalesBrains({ memberId: people.salesperson }, observer)).total).toBe(0);
      const open = (await adapter.listTasks({ assigneeId: people.salesperson, state: 'created' }, observer)).items;
      expect(open.every((task) => task.transferable && task.transferReason === 'User deactivated')).toBe(true);
    });

    it('R3: a user without a license is deactivated without touching seats', async () => {
      const adapter = await fresh();
      const seats = await adapter.getSeatUsage(observer);
      const { audit } = await adapter.deactivateUser(people.unlicensedMember, as(people.admin));
      expect(audit.effects.seatFreed).toBeUndefined();
      expect(await adapter.getSeatUsage(observer)).toEqual(seats);
    });

    it('R3: an inactive user is refused with ALREADY_INACTIVE', async () => {
      const adapter = await fresh();
      await refusedWithoutChange(adapter, 'ALREADY_INACTIVE', () => adapter.deactivateUser(people.inactive, as(people.admin)));
    });

    it('R3: an unknown user is refused with NOT_FOUND', async () => {
      const adapter = await fresh();
      await refusedWithoutChange(adapter, 'NOT_FOUND', () => adapter.deactivateUser('u-nobody', as(people.admin)));
    });
  });
}
