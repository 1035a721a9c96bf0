import { describe, expect, it } from 'vitest';
import type { MutationContext, OffboardAdapter } from '../../adapter/OffboardAdapter';
import { demoOrganisation } from '../../fixtures/demoOrganisation';
import { generateOrganisation } from '../../fixtures/generateOrganisation';
import type { Fresh } from '../context';
import { people } from '../context';
import { as, observe, observerOf, refusal } from '../harness';

/** A second organisation, most of whose ids differ from the demo's. */
const OTHER = 'org-other';
const other = () => generateOrganisation({ organisationId: OTHER, seed: 13, contacts: 60, users: 12 });
/** A second organisation with the very same ids as the demo's. */
const TWIN = 'org-twin';

/** One call of every operation on records of the other organisation, as a caller of the demo one. */
function intoOther(data: ReturnType<typeof other>): Record<string, (adapter: OffboardAdapter, context: MutationContext) => Promise<unknown>> {
  // Only ids the demo organisation does not have: the point is that they exist, elsewhere.
  const demo = demoOrganisation();
  const taken = new Set([...demo.users, ...demo.contacts, ...demo.tasks, ...demo.phoneNumbers].map((record) => record.id));
  const own = <T extends { readonly id: string }>(records: readonly T[], where: (record: T) => boolean = () => true) =>
    records.find((record) => !taken.has(record.id) && where(record))!.id;
  const admin = own(data.users, (user) => user.role === 'admin' && user.status === 'active');
  const member = own(data.users, (user) => user.role === 'member' && user.status === 'active');
  const task = own(data.tasks);
  const number = own(data.phoneNumbers);
  const contact = own(data.contacts, (candidate) => candidate.ownerId === admin);
  return {
    getUser: (a, c) => a.getUser(member, c),
    getOffboardingPlan: (a, c) => a.getOffboardingPlan(member, {}, c),
    getAccess: (a, c) => a.getAccess(member, c),
    deactivateLicense: (a, c) => a.deactivateLicense(member, c),
    assignLicense: (a, c) => a.assignLicense(member, { country: 'ES' }, c),
    deactivateUser: (a, c) => a.deactivateUser(member, c),
    reactivateUser: (a, c) => a.reactivateUser(member, c),
    reassignContacts: (a, c) => a.reassignContacts({ fromOwnerId: admin, contactIds: [contact], toUserIds: [people.salesperson] }, c),
    takeTask: (a, c) => a.takeTask(task, c),
    transferTasks: (a, c) => a.transferTasks({ fromUserId: admin, toUserId: people.salesperson }, c),
    deactivatePhoneNumber: (a, c) => a.deactivatePhoneNumber(number, c),
  };
}

export function tenancySuite(fresh: Fresh): void {
  describe('R13 Tenancy', () => {
    it('R13: an id of another organisation is NOT_FOUND for every operation that names one, never FORBIDDEN, and changes nothing there', async () => {
      const data = other();
      const adapter = await fresh({ others: [data] });
      const before = await observe(adapter, OTHER);
      for (const [name, call] of Object.entries(intoOther(data))) {
        await expect(call(adapter, as(people.admin)), name).rejects.toMatchObject({ code: 'NOT_FOUND' });
      }
      expect(await observe(adapter, OTHER)).toEqual(before);
      // Lists name no id of the other organisation: its contacts and tasks are not there to find.
      const stranger = data.users.find((user) => !demoOrganisation().users.some((own) => own.id === user.id))!.id;
      expect((await adapter.listContacts({ ownerId: stranger }, as(people.admin))).total).toBe(0);
      expect((await adapter.listTasks({ assigneeId: stranger }, as(people.admin))).total).toBe(0);
    });

    it('R13: both ways: a change in one organisation leaves the other, even one with the very same ids, as it was', async () => {
      const adapter = await fresh({ others: [demoOrganisation(TWIN)] });
      const twinBefore = await observe(adapter, TWIN);
      await adapter.reassignContacts({ fromOwnerId: people.formerSeller, toUserIds: [people.salesperson] }, as(people.admin));
      await adapter.deactivateUser(people.spainSeller, as(people.admin));
      expect(await observe(adapter, TWIN)).toEqual(twinBefore);
      const demoBefore = await observe(adapter);
      const twinAdmin = as(people.admin, { organisationId: TWIN });
      await adapter.deactivateLicense(people.otherSpainSeller, twinAdmin);
      await adapter.takeTask('t-047', as(people.salesperson, { organisationId: TWIN }));
      expect(await observe(adapter)).toEqual(demoBefore);
      expect((await adapter.getUser(people.spainSeller, twinAdmin)).status).toBe('active');
      expect((await adapter.getUser(people.spainSeller, as(people.admin))).status).toBe('inactive');
      expect((await adapter.listAuditLog({}, observerOf(TWIN))).items.map((entry) => entry.action).slice(0, 2)).toEqual(['task.taken', 'license.deactivated']);
    });

    it('R13: a caller of an organisation the backend does not hold gets NOT_FOUND', async () => {
      const adapter = await fresh();
      const stranger = as(people.admin, { organisationId: 'org-missing' });
      await refusal(adapter.listUsers({}, stranger), 'NOT_FOUND');
      await refusal(adapter.deactivateUser(people.spainSeller, stranger), 'NOT_FOUND');
    });

    it('R13: idempotency keys belong to (organisation, actor): the same key from two actors or two organisations is two requests', async () => {
      const adapter = await fresh({ others: [demoOrganisation(TWIN)] });
      const key = { idempotencyKey: 'shared-key' };
      const first = await adapter.deactivateLicense(people.spainSeller, as(people.admin, key));
      const otherActor = await adapter.deactivateLicense(people.otherSpainSeller, as(people.otherAdmin, key));
      const otherOrganisation = await adapter.deactivateLicense(people.spainSeller, as(people.admin, { ...key, organisationId: TWIN }));
      expect([first.user.id, otherActor.user.id, otherOrganisation.user.id]).toEqual([people.spainSeller, people.otherSpainSeller, people.spainSeller]);
      expect(new Set([first.audit.id, otherActor.audit.id]).size).toBe(2);
      // Each still replays for its own caller.
      expect(await adapter.deactivateLicense(people.spainSeller, as(people.admin, key))).toEqual(first);
      expect(await adapter.deactivateLicense(people.otherSpainSeller, as(people.otherAdmin, key))).toEqual(otherActor);
    });

    it('R13: permission is checked before a key is looked up: a member reusing an admin’s key learns nothing (FORBIDDEN, not a replay or 422)', async () => {
      const adapter = await fresh();
      await adapter.deactivateLicense(people.spainSeller, as(people.admin, { idempotencyKey: 'k-admin' }));
      for (const attempt of [
        () => adapter.deactivateLicense(people.spainSeller, as(people.salesperson, { idempotencyKey: 'k-admin' })),
        () => adapter.deactivateLicense(people.otherSpainSeller, as(people.salesperson, { idempotencyKey: 'k-admin' })),
      ]) {
        expect((await refusal(attempt(), 'FORBIDDEN')).details.reason).toBe('not-admin');
      }
    });
  });
}
