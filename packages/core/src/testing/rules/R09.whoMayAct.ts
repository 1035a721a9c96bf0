import { describe, expect, it } from 'vitest';
import type { MutationContext, OffboardAdapter } from '../../adapter/OffboardAdapter';
import { demoOrganisation } from '../../fixtures/demoOrganisation';
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
};

export function whoMayActSuite(fresh: Fresh): void {
  describe('R9 Who may act', () => {
    for (const [name, mutate] of Object.entries(adminMutations)) {
      it(`R9: only an active admin may ${name}: a member, an inactive admin or an unknown actor is FORBIDDEN`, async () => {
        const data = demoOrganisation();
        const adapter = await fresh({
          data: {
            ...data,
            users: data.users.map((user) =>
              user.id === people.otherAdmin ? { ...user, status: 'inactive' as const, license: user.license && { ...user.license, status: 'inactive' as const } } : user,
            ),
          },
        });
        for (const actor of [people.salesperson, people.otherAdmin, 'u-nobody']) {
          await refusedWithoutChange(adapter, 'FORBIDDEN', () => mutate(adapter, as(actor)));
        }
        await mutate(adapter, as(people.admin));
      });
    }

    it('R9: nobody deactivates themselves: neither their license nor their user (CANNOT_DEACTIVATE_SELF)', async () => {
      const adapter = await fresh();
      await refusedWithoutChange(adapter, 'CANNOT_DEACTIVATE_SELF', () => adapter.deactivateLicense(people.admin, as(people.admin)));
      await refusedWithoutChange(adapter, 'CANNOT_DEACTIVATE_SELF', () => adapter.deactivateUser(people.admin, as(people.admin)));
      await refusedWithoutChange(adapter, 'CANNOT_DEACTIVATE_SELF', () => adapter.deactivateUser(people.salesperson, as(people.salesperson)));
    });

    it('R9: the last active admin cannot be deactivated (LAST_ADMIN), not even by a service identity', async () => {
      const adapter = await fresh({ data: singleAdminOrganisation(), policy: { serviceActorIds: ['svc-directory'] } });
      await refusedWithoutChange(adapter, 'LAST_ADMIN', () => adapter.deactivateUser(people.admin, as('svc-directory')));
      const plan = await adapter.getOffboardingPlan(people.admin, { actorId: 'svc-directory' });
      expect(plan.refusals.deactivateUser?.code).toBe('LAST_ADMIN');
      expect(plan.steps.find((step) => step.id === 'deactivate-user')).toMatchObject({ status: 'blocked', reason: { code: 'LAST_ADMIN' } });
    });

    it('R9: a service identity of the policy may act on users like an admin', async () => {
      const adapter = await fresh({ policy: { serviceActorIds: ['svc-directory'] } });
      const { audit } = await adapter.deactivateUser(people.spainSeller, as('svc-directory'));
      expect(audit.actorId).toBe('svc-directory');
      await adapter.deactivateUser(people.otherAdmin, as('svc-directory'));
      await adapter.deactivateUser(people.unlicensedAdmin, as('svc-directory'));
      await refusedWithoutChange(adapter, 'LAST_ADMIN', () => adapter.deactivateUser(people.admin, as('svc-directory')));
    });

    it('R9: an admin may deactivate another admin while another active admin remains', async () => {
      const adapter = await fresh();
      const { user } = await adapter.deactivateUser(people.unlicensedAdmin, as(people.admin));
      expect(user.status).toBe('inactive');
      await refusedWithoutChange(adapter, 'FORBIDDEN', () => adapter.deactivateUser(people.salesperson, as(people.unlicensedAdmin)));
    });
  });
}
