import { describe, expect, it } from 'vitest';
import { LAST_LICENSE_IN_COUNTRY_MESSAGE } from '../../errors/OffboardError';
import { planTeamDownsizing } from '../../rules/teamDownsizing';
import type { Fresh } from '../context';
import { people } from '../context';
import { as, refusedWithoutChange } from '../harness';
import { observer } from '../harness';

const R4_MESSAGE = "You must deactivate the phone numbers for this license's country before removing the last license in the country.";

export function lastLicenseInCountrySuite(fresh: Fresh): void {
  describe('R4 Last license in a country', () => {
    it('R4: the exact message of the help article', () => {
      expect(LAST_LICENSE_IN_COUNTRY_MESSAGE).toBe(R4_MESSAGE);
    });

    it('R4: deactivating the last license of a country with active numbers is refused with the exact message and the numbers', async () => {
      const adapter = await fresh();
      const error = await refusedWithoutChange(adapter, 'LAST_LICENSE_IN_COUNTRY', () => adapter.deactivateLicense(people.lastInColombia, as(people.admin)));
      expect(error.message).toBe(R4_MESSAGE);
      expect(error.details.country).toBe('CO');
      expect(error.details.phoneNumbers?.map((phoneNumber) => phoneNumber.id)).toEqual(['pn-co-1', 'pn-co-2']);
    });

    it('R4: deactivating that user (R3) is refused the same way', async () => {
      const adapter = await fresh();
      const error = await refusedWithoutChange(adapter, 'LAST_LICENSE_IN_COUNTRY', () => adapter.deactivateUser(people.lastInArgentina, as(people.admin)));
      expect(error.message).toBe(R4_MESSAGE);
      expect(error.details.phoneNumbers).toEqual([{ id: 'pn-ar-1', number: '+541143216789' }]);
    });

    it('R4: the way out: once every number of the country is inactive, the last license may go', async () => {
      const adapter = await fresh();
      await adapter.deactivatePhoneNumber('pn-co-1', as(people.admin));
      await refusedWithoutChange(adapter, 'LAST_LICENSE_IN_COUNTRY', () => adapter.deactivateLicense(people.lastInColombia, as(people.admin)));
      await adapter.deactivatePhoneNumber('pn-co-2', as(people.admin));
      const { user } = await adapter.deactivateLicense(people.lastInColombia, as(people.admin));
      expect(user.license?.status).toBe('inactive');
    });

    it('R4: the other way out: once another salesperson holds a license in the country, it is no longer the last', async () => {
      const adapter = await fresh();
      await adapter.assignLicense(people.unlicensedMember, { country: 'CO' }, as(people.admin));
      await adapter.deactivateUser(people.lastInColombia, as(people.admin));
      await refusedWithoutChange(adapter, 'LAST_LICENSE_IN_COUNTRY', () => adapter.deactivateLicense(people.unlicensedMember, as(people.admin)));
    });

    it('R4: a country with licenses left, or without active numbers, does not block', async () => {
      const adapter = await fresh();
      await adapter.deactivateLicense(people.mexicoSellers[0], as(people.admin));
      const spainNumbers = (await adapter.listPhoneNumbers({ country: 'ES' }, observer)).total;
      expect(spainNumbers).toBeGreaterThan(0);
      await adapter.deactivateLicense(people.spainSeller, as(people.admin));
    });

    it('R4 (R8 team downsizing): a batch may remove every license of a country that has no active numbers', async () => {
      const adapter = await fresh();
      await adapter.deactivatePhoneNumber('pn-ar-1', as(people.admin));
      await adapter.assignLicense(people.unlicensedMember, { country: 'AR' }, as(people.admin));
      const batch = [people.lastInArgentina, people.unlicensedMember];
      const plans = await Promise.all(batch.map((userId) => adapter.getOffboardingPlan(userId, { scenario: 'team-downsizing' }, as(people.admin))));
      const preview = planTeamDownsizing(plans);
      expect(preview.entries.map((entry) => entry.refusal)).toEqual([null, null]);
      expect(preview.allowed).toBe(2);
      for (const userId of batch) await adapter.deactivateLicense(userId, as(people.admin));
      expect((await adapter.getOffboardingPlan(people.unlicensedMember, {}, as(people.admin))).user.license?.status).toBe('inactive');
    });

    it('R4: the plan shows the blocker, with the same code and numbers, before anyone acts', async () => {
      const adapter = await fresh();
      const plan = await adapter.getOffboardingPlan(people.lastInColombia, {}, as(people.admin));
      expect(plan.lastLicenseInCountry).toMatchObject({ country: 'CO', licensesInCountry: 1, blocks: true });
      expect(plan.refusals.deactivateLicense).toMatchObject({ code: 'LAST_LICENSE_IN_COUNTRY', message: R4_MESSAGE });
      expect(plan.refusals.deactivateUser?.code).toBe('LAST_LICENSE_IN_COUNTRY');
      expect(plan.steps.find((step) => step.id === 'check-phone-numbers')).toMatchObject({ status: 'pending', reason: { code: 'LAST_LICENSE_IN_COUNTRY' } });
      expect(plan.steps.find((step) => step.id === 'deactivate-license')).toMatchObject({ status: 'blocked', reason: { code: 'LAST_LICENSE_IN_COUNTRY' } });
    });
  });
}
