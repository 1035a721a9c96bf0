import { describe, expect, it } from 'vitest';
import type { OffboardAdapter, ReadContext } from '../../adapter/OffboardAdapter';
import { FORBIDDEN_MESSAGES } from '../../errors/OffboardError';
import { demoOrganisation, withUserDeactivated } from '../../fixtures/demoOrganisation';
import type { Fresh } from '../context';
import { people } from '../context';
import { as, observer, refusal } from '../harness';

type Read = (adapter: OffboardAdapter, caller: ReadContext) => Promise<unknown>;

/** One call of every read, each allowed for an admin. */
const everyRead: Record<string, Read> = {
  'listUsers (all)': (a, c) => a.listUsers({ status: 'all' }, c),
  'getUser (inactive)': (a, c) => a.getUser(people.inactive, c),
  'getOffboardingPlan (another user)': (a, c) => a.getOffboardingPlan(people.spainSeller, {}, c),
  'getAccess': (a, c) => a.getAccess(people.spainSeller, c),
  'listContacts (another owner)': (a, c) => a.listContacts({ ownerId: people.spainSeller }, c),
  'listContacts (orphaned)': (a, c) => a.listContacts({ orphaned: true }, c),
  'listContacts (all)': (a, c) => a.listContacts({}, c),
  'listTasks (another assignee)': (a, c) => a.listTasks({ assigneeId: people.spainSeller }, c),
  'listTasks (all)': (a, c) => a.listTasks({}, c),
  'listPhoneNumbers': (a, c) => a.listPhoneNumbers({}, c),
  'listSalesBrains': (a, c) => a.listSalesBrains({}, c),
  'getSeatUsage': (a, c) => a.getSeatUsage(c),
  'listAuditLog': (a, c) => a.listAuditLog({}, c),
  'listHistory': (a, c) => a.listHistory({ userId: people.spainSeller }, c),
};

/** The reads a member is refused by default: all of the above. */
const adminOnly = Object.keys(everyRead);

const member = as(people.salesperson);

export function whoMayReadSuite(fresh: Fresh): void {
  describe('R12 Who may read', () => {
    it('R12: an admin and a service identity read everything, emails included', async () => {
      const adapter = await fresh();
      for (const caller of [as(people.admin), observer]) {
        for (const [name, read] of Object.entries(everyRead)) await expect(read(adapter, caller), name).resolves.toBeDefined();
        const users = (await adapter.listUsers({ status: 'all', limit: 500 }, caller)).items;
        expect(users.every((user) => typeof user.email === 'string' && user.email.length > 0)).toBe(true);
      }
    });

    it('R12: a member reads active users’ names, roles and license badges, and no email but their own', async () => {
      const adapter = await fresh();
      const users = (await adapter.listUsers({ limit: 500 }, member)).items;
      const asAdmin = (await adapter.listUsers({ limit: 500 }, as(people.admin))).items;
      expect(users.map((user) => user.id)).toEqual(asAdmin.map((user) => user.id));
      expect(users.map(({ name, role, license, status }) => ({ name, role, license, status }))).toEqual(
        asAdmin.map(({ name, role, license, status }) => ({ name, role, license, status })),
      );
      expect(users.filter((user) => user.email !== null).map((user) => user.id)).toEqual([people.salesperson]);
      expect((await adapter.getUser(people.spainSeller, member)).email).toBeNull();
      expect((await adapter.getUser(people.salesperson, member)).email).toBe('carla@vixiees.example');
    });

    it('R12: a member cannot find anyone’s email by searching for it', async () => {
      const adapter = await fresh();
      expect((await adapter.listUsers({ search: 'elena@vixiees' }, as(people.admin))).total).toBe(1);
      expect((await adapter.listUsers({ search: 'elena@vixiees' }, member)).total).toBe(0);
      expect((await adapter.listUsers({ search: 'vixiees' }, member)).items.map((user) => user.id)).toEqual([people.salesperson]);
      expect((await adapter.listUsers({ search: 'elena' }, member)).items.map((user) => user.id)).toEqual([people.spainSeller]);
    });

    it('R12: a member reads their own plan, contacts and tasks and the tasks waiting for a taker', async () => {
      const adapter = await fresh();
      expect((await adapter.getOffboardingPlan(people.salesperson, {}, member)).actorId).toBe(people.salesperson);
      expect((await adapter.listContacts({ ownerId: people.salesperson }, member)).total).toBe(25);
      expect((await adapter.listTasks({ assigneeId: people.salesperson }, member)).total).toBeGreaterThan(0);
      const waiting = await adapter.listTasks({ transferable: true, state: 'created' }, member);
      expect(waiting.total).toBeGreaterThan(0);
      expect(waiting.items.every((task) => task.transferable && task.assigneeId !== people.salesperson)).toBe(true);
    });

    it('R12: a member’s own plan says whether R4 blocks, not which numbers, and leaves the seats out', async () => {
      const adapter = await fresh();
      const lastInColombia = as(people.lastInColombia);
      const own = await adapter.getOffboardingPlan(people.lastInColombia, {}, lastInColombia);
      const admin = await adapter.getOffboardingPlan(people.lastInColombia, {}, as(people.admin));
      expect(admin.seats).not.toBeNull();
      expect(admin.lastLicenseInCountry?.activePhoneNumbers).toHaveLength(2);
      expect(own.seats).toBeNull();
      expect(own.lastLicenseInCountry).toMatchObject({ country: 'CO', blocks: true, activePhoneNumbers: [] });
      const step = own.steps.find((candidate) => candidate.id === 'check-phone-numbers')!;
      // Step 3 is the member's to read, not to do: blocked as every changing step of their own plan is (R9).
      expect([step.status, step.reason?.code, step.reason?.details.reason]).toEqual(['blocked', 'FORBIDDEN', 'not-admin']);
      const adminStep = admin.steps.find((candidate) => candidate.id === 'check-phone-numbers')!;
      expect(adminStep).toMatchObject({ status: 'pending', reason: { code: 'LAST_LICENSE_IN_COUNTRY', details: { phoneNumbers: [{ id: 'pn-co-1' }, { id: 'pn-co-2' }] } } });
      expect(JSON.stringify(own)).not.toMatch(/pn-co-|\+57/);
    });

    it('R12: everything else is admin-only: FORBIDDEN with reason admin-only and its own message', async () => {
      const adapter = await fresh();
      for (const name of adminOnly) {
        const error = await refusal(everyRead[name]!(adapter, member), 'FORBIDDEN');
        expect([name, error.details.reason, error.message]).toEqual([name, 'admin-only', FORBIDDEN_MESSAGES['admin-only']]);
      }
      await refusal(adapter.listUsers({ status: 'inactive' }, member), 'FORBIDDEN');
    });

    it('R12: a caller who is not an active user of the organisation reads nothing, not even whether an id exists', async () => {
      const adapter = await fresh({ data: withUserDeactivated(demoOrganisation(), people.otherAdmin) });
      for (const outsider of [as(people.otherAdmin), as('u-nobody'), as(people.inactive)]) {
        for (const read of [...Object.values(everyRead), (a: OffboardAdapter, c: ReadContext) => a.listUsers({}, c)]) {
          const error = await refusal(read(adapter, outsider), 'FORBIDDEN');
          expect(error.details.reason).toBe('actor-inactive');
        }
        // An unknown id answers the same as a known one: the caller learns nothing.
        expect((await refusal(adapter.getUser('u-nobody', outsider), 'FORBIDDEN')).details.reason).toBe('actor-inactive');
      }
    });

    it('R12: an organisation may widen what members read (policy memberReads), never the audit log or history', async () => {
      const adapter = await fresh({ policy: { memberReads: ['emails', 'inactive-users', 'seats', 'phone-numbers', 'sales-brains'] } });
      expect((await adapter.listUsers({ status: 'all', limit: 500 }, member)).items.every((user) => user.email !== null)).toBe(true);
      expect((await adapter.getUser(people.inactive, member)).status).toBe('inactive');
      expect((await adapter.getSeatUsage(member)).total).toBe(11);
      expect((await adapter.listPhoneNumbers({}, member)).total).toBe(9);
      expect((await adapter.listSalesBrains({}, member)).total).toBe(4);
      for (const read of [everyRead.listAuditLog!, everyRead.listHistory!, everyRead.getAccess!, everyRead['getOffboardingPlan (another user)']!]) {
        await refusal(read(adapter, member), 'FORBIDDEN');
      }
    });
  });
}
