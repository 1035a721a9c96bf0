import { describe, expect, it } from 'vitest';
import type { MutationContext, OffboardAdapter } from '../../adapter/OffboardAdapter';
import type { Fresh } from '../context';
import { people } from '../context';
import { as, observe, refusedWithoutChange } from '../harness';
import { observer } from '../harness';

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
  scheduleDeactivation: [
    (a, c) => a.scheduleDeactivation(people.spainSeller, { scope: 'user', at: '2026-12-01T09:00:00Z' }, c),
    (a, c) => a.scheduleDeactivation(people.spainSeller, { scope: 'user', at: '2026-12-02T09:00:00Z' }, c),
  ],
};


export function retriesSuite(fresh: Fresh): void {
  describe('R11 Safe retries', () => {
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

    it('R11 (R13): a key is looked up per actor: the same key and request from another admin runs afresh, never replaying the first admin’s result', async () => {
      const adapter = await fresh();
      const key = { idempotencyKey: 'elena-license' };
      const first = await adapter.deactivateLicense(people.spainSeller, as(people.admin, key));
      const error = await refusedWithoutChange(adapter, 'NO_LICENSE', () => adapter.deactivateLicense(people.spainSeller, as(people.otherAdmin, key)));
      expect(error.details.id).toBe(people.spainSeller);
      expect(await adapter.deactivateLicense(people.spainSeller, as(people.admin, key))).toEqual(first);
    });

    it('R11: a stale expectedVersion is refused with VERSION_CONFLICT for users, tasks and phone numbers', async () => {
      const adapter = await fresh();
      const user = await adapter.getUser(people.spainSeller, observer);
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
      const versions = [(await adapter.getUser(people.inactive, observer)).version];
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

  });
}
