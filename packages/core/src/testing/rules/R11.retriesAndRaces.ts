import { describe, expect, it } from 'vitest';
import type { MutationContext, OffboardAdapter } from '../../adapter/OffboardAdapter';
import { isOffboardError } from '../../errors/OffboardError';
import type { Fresh } from '../context';
import { people } from '../context';
import { as, observe, refusedWithoutChange } from '../harness';

type Mutation = (adapter: OffboardAdapter, context: MutationContext) => Promise<unknown>;

/** One of each mutation, valid on the demo organisation, each with a second, different request. */
const mutations: Record<string, [Mutation, Mutation]> = {
  deactivateLicense: [(a, c) => a.deactivateLicense(people.spainSeller, c), (a, c) => a.deactivateLicense(people.otherSpainSeller, c)],
  assignLicense: [(a, c) => a.assignLicense(people.unlicensedMember, { country: 'ES' }, c), (a, c) => a.assignLicense(people.unlicensedMember, { country: 'MX' }, c)],
  deactivateUser: [(a, c) => a.deactivateUser(people.spainSeller, c), (a, c) => a.deactivateUser(people.salesperson, c)],
  reactivateUser: [(a, c) => a.reactivateUser(people.inactive, c), (a, c) => a.reactivateUser(people.inactive, { ...c, expectedVersion: 1 })],
  reassignContacts: [
    (a, c) => a.reassignContacts({ fromOwnerId: people.formerSeller, toUserIds: [people.spainSeller] }, c),
    (a, c) => a.reassignContacts({ fromOwnerId: people.formerSeller, toUserIds: [people.salesperson] }, c),
  ],
  takeTask: [(a, c) => a.takeTask('t-047', { ...c, actorId: people.salesperson }), (a, c) => a.takeTask('t-048', { ...c, actorId: people.salesperson })],
  transferTasks: [
    (a, c) => a.transferTasks({ fromUserId: people.spainSeller, toUserId: people.salesperson }, c),
    (a, c) => a.transferTasks({ fromUserId: people.spainSeller, toUserId: people.otherSpainSeller }, c),
  ],
  deactivatePhoneNumber: [(a, c) => a.deactivatePhoneNumber('pn-es-1', c), (a, c) => a.deactivatePhoneNumber('pn-es-2', c)],
};

const settle = (promises: Promise<unknown>[]) => Promise.allSettled(promises);
const codes = (results: PromiseSettledResult<unknown>[]) =>
  results.map((result) => (result.status === 'fulfilled' ? 'ok' : isOffboardError(result.reason) ? result.reason.code : String(result.reason)));

export function retriesAndRacesSuite(fresh: Fresh): void {
  describe('R11 Safe retries and races', () => {
    for (const [name, [first, other]] of Object.entries(mutations)) {
      it(`R11: ${name} repeated with the same idempotency key returns the first result and changes nothing more`, async () => {
        const adapter = await fresh();
        const result = await first(adapter, as(people.admin, { idempotencyKey: `key-${name}` }));
        const after = await observe(adapter);
        expect(await first(adapter, as(people.admin, { idempotencyKey: `key-${name}` }))).toEqual(result);
        expect(await observe(adapter)).toEqual(after);
      });

      it(`R11: ${name} with a key already used for a different request is refused with IDEMPOTENCY_KEY_REUSED`, async () => {
        const adapter = await fresh();
        await first(adapter, as(people.admin, { idempotencyKey: `key-${name}` }));
        await refusedWithoutChange(adapter, 'IDEMPOTENCY_KEY_REUSED', () => other(adapter, as(people.admin, { idempotencyKey: `key-${name}` })));
      });
    }

    it('R11: a stale expectedVersion is refused with VERSION_CONFLICT for users, tasks and phone numbers', async () => {
      const adapter = await fresh();
      const user = await adapter.getUser(people.spainSeller);
      await adapter.deactivateLicense(people.spainSeller, as(people.admin, { expectedVersion: user.version }));
      const error = await refusedWithoutChange(adapter, 'VERSION_CONFLICT', () =>
        adapter.deactivateUser(people.spainSeller, as(people.admin, { expectedVersion: user.version })),
      );
      expect(error.details).toMatchObject({ expectedVersion: user.version, currentVersion: user.version + 1 });
      await refusedWithoutChange(adapter, 'VERSION_CONFLICT', () => adapter.takeTask('t-047', as(people.salesperson, { expectedVersion: 7 })));
      await refusedWithoutChange(adapter, 'VERSION_CONFLICT', () => adapter.deactivatePhoneNumber('pn-es-1', as(people.admin, { expectedVersion: 2 })));
      const { user: next } = await adapter.deactivateUser(people.spainSeller, as(people.admin, { expectedVersion: user.version + 1 }));
      expect(next.version).toBe(user.version + 2);
    });

    it('R11: versions rise by exactly one per change of the record', async () => {
      const adapter = await fresh();
      const versions = [(await adapter.getUser(people.inactive)).version];
      versions.push((await adapter.reactivateUser(people.inactive, as(people.admin))).user.version);
      versions.push((await adapter.assignLicense(people.inactive, { country: 'ES' }, as(people.admin))).user.version);
      versions.push((await adapter.deactivateLicense(people.inactive, as(people.admin))).user.version);
      versions.push((await adapter.deactivateUser(people.inactive, as(people.admin))).user.version);
      expect(versions).toEqual([1, 2, 3, 4, 5]);
    });

    it('R11: a refused request remembers nothing under its key, so it runs afresh once unblocked', async () => {
      const adapter = await fresh();
      const context = as(people.admin, { idempotencyKey: 'diego-license' });
      await refusedWithoutChange(adapter, 'LAST_LICENSE_IN_COUNTRY', () => adapter.deactivateLicense(people.lastInColombia, context));
      await adapter.deactivatePhoneNumber('pn-co-1', as(people.admin));
      await adapter.deactivatePhoneNumber('pn-co-2', as(people.admin));
      const { user } = await adapter.deactivateLicense(people.lastInColombia, context);
      expect(user.license?.status).toBe('inactive');
    });

    it('R11: the same key sent twice at once runs once', async () => {
      const adapter = await fresh();
      const context = as(people.admin, { idempotencyKey: 'twice' });
      const before = (await adapter.listAuditLog()).total;
      const results = await Promise.all([adapter.deactivateLicense(people.spainSeller, context), adapter.deactivateLicense(people.spainSeller, context)]);
      expect(results[0]).toEqual(results[1]);
      expect((await adapter.listAuditLog()).total).toBe(before + 1);
    });

    it('R11 with R4: the last two licensed salespeople of a country deactivated at once — exactly one wins', async () => {
      const adapter = await fresh();
      await adapter.assignLicense(people.unlicensedMember, { country: 'CO' }, as(people.admin));
      const results = await settle([
        adapter.deactivateLicense(people.lastInColombia, as(people.admin)),
        adapter.deactivateUser(people.unlicensedMember, as(people.otherAdmin)),
      ]);
      expect(codes(results).sort()).toEqual(['LAST_LICENSE_IN_COUNTRY', 'ok']);
      const plan = await adapter.getOffboardingPlan(people.lastInColombia, { actorId: people.admin });
      const colombia = plan.lastLicenseInCountry ?? (await adapter.getOffboardingPlan(people.unlicensedMember, { actorId: people.admin })).lastLicenseInCountry;
      expect(colombia).toMatchObject({ country: 'CO', licensesInCountry: 1 });
    });

    it('R11 with R7: two licenses for the last free seat at once — exactly one wins and seats never exceed the total', async () => {
      const adapter = await fresh();
      await adapter.reactivateUser(people.inactive, as(people.admin));
      const results = await settle([
        adapter.assignLicense(people.unlicensedMember, { country: 'ES' }, as(people.admin)),
        adapter.assignLicense(people.inactive, { country: 'ES' }, as(people.otherAdmin)),
      ]);
      expect(codes(results).sort()).toEqual(['NO_SEATS_AVAILABLE', 'ok']);
      expect(await adapter.getSeatUsage()).toMatchObject({ used: 11, total: 11, available: 0 });
    });

    it('R11 with R9: two admins deactivating each other at once — exactly one wins and an admin remains', async () => {
      const adapter = await fresh();
      await adapter.deactivateUser(people.unlicensedAdmin, as(people.admin));
      const results = await settle([
        adapter.deactivateUser(people.otherAdmin, as(people.admin)),
        adapter.deactivateUser(people.admin, as(people.otherAdmin)),
      ]);
      expect(codes(results).sort()).toEqual(['FORBIDDEN', 'ok']);
      const admins = (await adapter.listUsers({ role: 'admin' })).items;
      expect(admins).toHaveLength(1);
    });

    it('R11 with R6: two salespeople taking one task at once — exactly one gets it', async () => {
      const adapter = await fresh();
      const results = await settle([adapter.takeTask('t-047', as(people.salesperson)), adapter.takeTask('t-047', as(people.spainSeller))]);
      expect(codes(results).sort()).toEqual(['TASK_NOT_TRANSFERABLE', 'ok']);
      const winner = results[0]!.status === 'fulfilled' ? people.salesperson : people.spainSeller;
      const task = (await observe(adapter)).tasks.find((candidate) => candidate.id === 't-047');
      expect(task).toMatchObject({ assigneeId: winner, transferable: false });
    });

    it('R11 with R5: two reassignments of the same contacts at once — applied once, the other sees a stale view', async () => {
      const adapter = await fresh();
      const ids = (await adapter.listContacts({ ownerId: people.formerSeller, limit: 5 })).items.map((contact) => contact.id);
      const results = await settle([
        adapter.reassignContacts({ fromOwnerId: people.formerSeller, contactIds: ids, toUserIds: [people.salesperson] }, as(people.admin)),
        adapter.reassignContacts({ fromOwnerId: people.formerSeller, contactIds: ids, toUserIds: [people.spainSeller] }, as(people.otherAdmin)),
      ]);
      expect(codes(results).sort()).toEqual(['VERSION_CONFLICT', 'ok']);
      const log = await adapter.listAuditLog({ action: 'contacts.reassigned' });
      expect(log.total).toBe(1);
    });
  });
}
