import { describe, expect, it } from 'vitest';
import { planTeamDownsizing } from '../../rules/teamDownsizing';
import type { OffboardingPlan, StepStatus } from '../../rules/plan';
import type { Fresh } from '../context';
import { people } from '../context';
import { NO_EFFECTS } from '../../rules/effects';
import { as, observe } from '../harness';

const statuses = (plan: OffboardingPlan): StepStatus[] => plan.steps.map((step) => step.status);

export function offboardingPlanSuite(fresh: Fresh): void {
  describe('R8 Offboarding checklist', () => {
    it('R8: the plan is computed without changing anything', async () => {
      const adapter = await fresh();
      const before = await observe(adapter);
      for (const scenario of ['employee-departure', 'role-change', 'team-downsizing'] as const) {
        await adapter.getOffboardingPlan(people.lastInColombia, { scenario }, as(people.admin));
      }
      expect(await observe(adapter)).toEqual(before);
    });

    it('R8: an employee departure lists contacts, open tasks, Sales Brains, the R4 numbers and five ordered steps', async () => {
      const adapter = await fresh();
      const plan = await adapter.getOffboardingPlan(people.lastInColombia, { scenario: 'employee-departure' }, as(people.admin));
      expect(plan).toMatchObject({ contacts: 40, openTasks: 6, transferableTasks: 0 });
      expect(plan.salesBrains.map((brain) => brain.id).sort()).toEqual(['sb-inbound', 'sb-latam']);
      expect(plan.lastLicenseInCountry?.activePhoneNumbers.map((phoneNumber) => phoneNumber.id)).toEqual(['pn-co-1', 'pn-co-2']);
      expect(plan.steps.map((step) => [step.number, step.id])).toEqual([
        [1, 'reassign-contacts'],
        [2, 'transfer-tasks'],
        [3, 'check-phone-numbers'],
        [4, 'deactivate-license'],
        [5, 'deactivate-user'],
      ]);
      expect(statuses(plan)).toEqual(['pending', 'pending', 'pending', 'blocked', 'blocked']);
      expect(plan.steps[0]!.reason).toMatchObject({ code: 'CONTACTS_TO_REASSIGN', details: { contacts: 40 } });
      expect(plan.steps[1]!.reason).toMatchObject({ code: 'OPEN_TASKS', details: { tasks: 6 } });
    });

    it('R8: each step becomes done as the departure is walked in order', async () => {
      const adapter = await fresh();
      const plan = () => adapter.getOffboardingPlan(people.lastInColombia, {}, as(people.admin));
      await adapter.reassignContacts({ fromOwnerId: people.lastInColombia, toUserIds: [people.salesperson, people.spainSeller] }, as(people.admin));
      expect(statuses(await plan())).toEqual(['done', 'pending', 'pending', 'blocked', 'blocked']);
      await adapter.transferTasks({ fromUserId: people.lastInColombia, toUserId: people.admin }, as(people.admin));
      expect(statuses(await plan())).toEqual(['done', 'done', 'pending', 'blocked', 'blocked']);
      await adapter.deactivatePhoneNumber('pn-co-1', as(people.admin));
      await adapter.deactivatePhoneNumber('pn-co-2', as(people.admin));
      expect(statuses(await plan())).toEqual(['done', 'done', 'done', 'pending', 'pending']);
      await adapter.deactivateLicense(people.lastInColombia, as(people.admin));
      expect(statuses(await plan())).toEqual(['done', 'done', 'done', 'done', 'pending']);
      await adapter.deactivateUser(people.lastInColombia, as(people.admin));
      const done = await plan();
      expect(statuses(done)).toEqual(['done', 'done', 'done', 'done', 'done']);
      expect(done.steps.every((step) => step.reason === null)).toBe(true);
    });

    it('R8: a role change walks steps 1–4 and keeps the user’s access', async () => {
      const adapter = await fresh();
      const plan = await adapter.getOffboardingPlan(people.spainSeller, { scenario: 'role-change' }, as(people.admin));
      expect(statuses(plan)).toEqual(['pending', 'pending', 'done', 'pending', 'not-applicable']);
      expect(plan.steps[4]!.reason?.code).toBe('NOT_IN_SCENARIO');
    });

    it('R8: team downsizing is license only, and its combined preview catches the batch’s own last license', async () => {
      const adapter = await fresh();
      const plan = await adapter.getOffboardingPlan(people.mexicoSellers[0], { scenario: 'team-downsizing' }, as(people.admin));
      expect(statuses(plan)).toEqual(['not-applicable', 'not-applicable', 'done', 'pending', 'not-applicable']);
      await adapter.assignLicense(people.unlicensedMember, { country: 'AR' }, as(people.admin));
      const batch = [people.lastInArgentina, people.unlicensedMember, ...people.mexicoSellers];
      const plans = await Promise.all(batch.map((userId) => adapter.getOffboardingPlan(userId, { scenario: 'team-downsizing' }, as(people.admin))));
      expect(plans.every((candidate) => candidate.refusals.deactivateLicense === null)).toBe(true);
      const preview = planTeamDownsizing(plans);
      expect(preview.entries.map((entry) => entry.refusal?.code ?? null)).toEqual([null, 'LAST_LICENSE_IN_COUNTRY', null, null, null]);
      expect(preview.allowed).toBe(4);
      expect(preview.effects.seatsFreed).toBe(4);
      expect(preview.effects.contactsOrphaned).toBe(plans.filter((_, i) => i !== 1).reduce((sum, candidate) => sum + candidate.contacts, 0));
      expect(preview.effects.salesBrainsLeft.map((brain) => brain.id).sort()).toEqual(['sb-cdmx', 'sb-latam', 'sb-renewals']);
      await adapter.deactivateLicense(people.lastInArgentina, as(people.admin));
      await expect(adapter.deactivateLicense(people.unlicensedMember, as(people.admin))).rejects.toMatchObject({ code: 'LAST_LICENSE_IN_COUNTRY' });
    });

    it('R8: blocked steps carry the rule’s reason: a member’s own plan shows FORBIDDEN (not-admin), an admin on themselves sees CANNOT_DEACTIVATE_SELF', async () => {
      const adapter = await fresh();
      const member = await adapter.getOffboardingPlan(people.salesperson, {}, as(people.salesperson));
      const blocked = member.steps.filter((step) => step.status === 'blocked');
      expect(blocked.map((step) => [step.reason?.code, step.reason?.details.reason])).toEqual(Array(4).fill(['FORBIDDEN', 'not-admin']));
      expect(blocked[0]!.reason?.message).toBe('Only an active admin can do this.');
      const self = await adapter.getOffboardingPlan(people.admin, {}, as(people.admin));
      expect(self.steps.find((step) => step.id === 'deactivate-user')?.reason?.code).toBe('CANNOT_DEACTIVATE_SELF');
      expect(self.refusals.deactivateLicense?.code).toBe('CANNOT_DEACTIVATE_SELF');
    });

    it('R8: the plan shows each action’s effects before anyone acts, and they match what the action then records', async () => {
      const adapter = await fresh();
      const plan = await adapter.getOffboardingPlan(people.salesperson, {}, as(people.admin));
      expect(plan.effects.deactivateUser).toEqual({
        ...NO_EFFECTS,
        contactsOrphaned: 25,
        tasksMadeTransferable: 2,
        salesBrainsLeft: [{ id: 'sb-inbound', name: 'Inbound SDR playbook' }],
        seatsFreed: 1,
        signInRevoked: true,
        sessionsEnded: 1,
      });
      const { audit } = await adapter.deactivateUser(people.salesperson, as(people.admin));
      expect(audit.effects).toMatchObject({ contactsOrphaned: 25, seatFreed: true, signInRevoked: true, sessionsEnded: 1, salesBrainsLeft: ['sb-inbound'] });
      expect(audit.effects.tasksMadeTransferable).toHaveLength(2);
    });

    it('R8, R5, R7: the plan previews every action — reassigning, handing over, reactivating, assigning — as each then records it', async () => {
      const adapter = await fresh();
      const elena = await adapter.getOffboardingPlan(people.spainSeller, {}, as(people.admin));
      expect(elena.effects.reassignContacts).toEqual({ ...NO_EFFECTS, contactsMoved: elena.contacts });
      expect(elena.effects.transferTasks).toEqual({ ...NO_EFFECTS, tasksMoved: elena.openTasks });
      expect([elena.effects.reactivateUser, elena.effects.assignLicense]).toEqual([null, null]);
      const moved = await adapter.reassignContacts({ fromOwnerId: people.spainSeller, toUserIds: [people.salesperson] }, as(people.admin));
      expect(moved.total).toBe(elena.effects.reassignContacts!.contactsMoved);
      const handed = await adapter.transferTasks({ fromUserId: people.spainSeller, toUserId: people.salesperson }, as(people.admin));
      expect(handed.taskIds).toHaveLength(elena.effects.transferTasks!.tasksMoved);

      const karla = await adapter.getOffboardingPlan(people.inactive, {}, as(people.admin));
      // R7: sign-in comes back, the license does not; an inactive user gets no license.
      expect(karla.effects.reactivateUser).toEqual({ ...NO_EFFECTS, signInRestored: true, licenseNotRestored: true });
      expect([karla.effects.assignLicense, karla.effects.deactivateUser, karla.effects.deactivateLicense]).toEqual([null, null, null]);
      await adapter.reactivateUser(people.inactive, as(people.admin));
      const back = await adapter.getOffboardingPlan(people.inactive, {}, as(people.admin));
      expect(back.effects.assignLicense).toEqual({
        ...NO_EFFECTS,
        tasksNoLongerTransferable: back.transferableTasks,
        seatsAfter: { used: back.seats!.used + 1, total: back.seats!.total },
      });
      const { audit } = await adapter.assignLicense(people.inactive, { country: 'ES' }, as(people.admin));
      expect(audit.effects.tasksNoLongerTransferable).toHaveLength(back.effects.assignLicense!.tasksNoLongerTransferable);
      expect((await adapter.getSeatUsage(as(people.admin))).used).toBe(back.effects.assignLicense!.seatsAfter!.used);
    });

    it('R8: a user without a license has nothing to check or free: steps 3 and 4 are not applicable', async () => {
      const adapter = await fresh();
      const plan = await adapter.getOffboardingPlan(people.unlicensedMember, {}, as(people.admin));
      expect(statuses(plan)).toEqual(['done', 'done', 'not-applicable', 'not-applicable', 'pending']);
      expect(plan.steps[2]!.reason?.code).toBe('NO_LICENSE');
      expect(plan.steps[3]!.reason?.code).toBe('NO_LICENSE');
      expect(plan.effects.deactivateLicense).toBeNull();
    });
  });
}
