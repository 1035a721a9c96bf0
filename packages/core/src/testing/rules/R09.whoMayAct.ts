import { describe, expect, it } from 'vitest';
import type { MutationContext, OffboardAdapter } from '../../adapter/OffboardAdapter';
import { demoOrganisation, withUserDeactivated } from '../../fixtures/demoOrganisation';
import type { Fresh } from '../context';
import { singleAdminOrganisation } from '../../fixtures/demoOrganisation';
import { people } from '../context';
import { as, refusedWithoutChange } from '../harness';

/** Every mutation an admin makes on another user, as a function of who asks. */
const adminMutations: Record<string, (adapter: OffboardAdapter, context: MutationContext) => Promise<unknown>> = {
  deactivateLicense: (adapter, context) => adapter.deactivateLicense(people.spainSeller, context),
  assignLicense: (adapter, context) => adapter.assignLicense(people.unlicensedMember, { country: 'ES' }, context),
  deactivateUser: (adapter, context) => adapter.deactivateUser(people.spainSeller, context),
  reactivateUser: (adapter, context) => adapter.reactivateUser(people.inactive, context),
  reassignContacts: (adapter, context) => adapter.reassignContacts({ fromOwnerId: people.formerSeller, toUserIds: [people.spainSeller] }, context),
  transferTasks: (adapter, context) => adapter.transferTasks({ fromUserId: people.spainSeller, toUserId: people.otherSpainSeller }, context),
  deactivatePhoneNumber: (adapter, context) => adapter.deactivatePhoneNumber('pn-es-1', context),
  scheduleDeactivation: (adapter, context) => adapter.scheduleDeactivation(people.spainSeller, { scope: 'user', at: '2026-12-01T09:00:00Z' }, context),
};

/** A directory-sync identity, as the host's authenticate describes it. */
const service = as('svc-directory', { kind: 'service' });

export function whoMayActSuite(fresh: Fresh): void {
  describe('R9 Who may act', () => {
    for (const [name, mutate] of Object.entries(adminMutations)) {
      it(`R9: only an active admin may ${name}: a member, an inactive admin or an unknown actor is FORBIDDEN, each with its own reason`, async () => {
        const adapter = await fresh({ data: withUserDeactivated(demoOrganisation(), people.otherAdmin) });
        const expected = [
          [people.salesperson, 'not-admin', 'Only an active admin can do this.'],
          [people.otherAdmin, 'actor-inactive', 'Your account is not active in this organisation.'],
          ['u-nobody', 'actor-inactive', 'Your account is not active in this organisation.'],
          // A user id that names a service is still a user unless authentication says otherwise.
          ['svc-directory', 'actor-inactive', 'Your account is not active in this organisation.'],
        ];
        for (const [actor, reason, message] of expected) {
          const error = await refusedWithoutChange(adapter, 'FORBIDDEN', () => mutate(adapter, as(actor!)));
          expect([error.details.reason, error.message]).toEqual([reason, message]);
        }
        await mutate(adapter, as(people.admin));
      });
    }

    it('R9: nobody deactivates themselves: neither their license nor their user (CANNOT_DEACTIVATE_SELF)', async () => {
      const adapter = await fresh();
      await refusedWithoutChange(adapter, 'CANNOT_DEACTIVATE_SELF', () => adapter.deactivateLicense(people.admin, as(people.admin)));
      await refusedWithoutChange(adapter, 'CANNOT_DEACTIVATE_SELF', () => adapter.deactivateUser(people.admin, as(people.admin)));
      // A member cannot deactivate anyone: standing is judged first, so they hear why (not-admin).
      const member = await refusedWithoutChange(adapter, 'FORBIDDEN', () => adapter.deactivateUser(people.salesperson, as(people.salesperson)));
      expect(member.details.reason).toBe('not-admin');
    });

    it('R9: the last active admin cannot be deactivated (LAST_ADMIN), not even by a service identity', async () => {
      const adapter = await fresh({ data: singleAdminOrganisation() });
      await refusedWithoutChange(adapter, 'LAST_ADMIN', () => adapter.deactivateUser(people.admin, service));
      const plan = await adapter.getOffboardingPlan(people.admin, {}, service);
      expect(plan.refusals.deactivateUser?.code).toBe('LAST_ADMIN');
      expect(plan.steps.find((step) => step.id === 'deactivate-user')).toMatchObject({ status: 'blocked', reason: { code: 'LAST_ADMIN' } });
    });

    it('R9: a service identity (from authentication, never a user id) may act on users like an admin', async () => {
      const adapter = await fresh();
      const { audit } = await adapter.deactivateUser(people.spainSeller, service);
      expect(audit.actorId).toBe('svc-directory');
      await adapter.deactivateUser(people.otherAdmin, service);
      await adapter.deactivateUser(people.unlicensedAdmin, service);
      await refusedWithoutChange(adapter, 'LAST_ADMIN', () => adapter.deactivateUser(people.admin, service));
    });

    it('R9: an admin may deactivate another admin while another active admin remains', async () => {
      const adapter = await fresh();
      const { user } = await adapter.deactivateUser(people.unlicensedAdmin, as(people.admin));
      expect(user.status).toBe('inactive');
      await refusedWithoutChange(adapter, 'FORBIDDEN', () => adapter.deactivateUser(people.salesperson, as(people.unlicensedAdmin)));
    });
  });
}
