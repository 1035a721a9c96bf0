import { describe, expect, it } from 'vitest';
import { LAST_LICENSE_IN_COUNTRY_MESSAGE, combineEffects, planTeamDownsizing } from '../../src';
import { createInMemoryBackend } from '../../src/inMemory';
import { demoOrganisation } from '../../src/fixtures';
import { as } from '../../src/testing';

const demo = demoOrganisation();
const activeNumbersOf = (country: string) =>
  demo.phoneNumbers.filter((phoneNumber) => phoneNumber.country === country && phoneNumber.status === 'active').map(({ id, number }) => ({ id, number }));

async function plansOf(userIds: readonly string[], prepare?: (backend: ReturnType<typeof createInMemoryBackend>) => Promise<unknown>) {
  const backend = createInMemoryBackend({ data: demoOrganisation() });
  await prepare?.(backend);
  return Promise.all(userIds.map((userId) => backend.getOffboardingPlan(userId, { scenario: 'team-downsizing' }, as('u-ana'))));
}

describe('planTeamDownsizing (R8 team downsizing)', () => {
  it('R8, R4: the batch refuses the license that would be its own last of a country, naming the user, the country, the numbers, and that the batch is why', async () => {
    // Julia takes the second license in Argentina: each plan alone passes R4, the two together do not.
    const plans = await plansOf(['u-ignacio', 'u-julia'], (backend) => backend.assignLicense('u-julia', { country: 'AR' }, as('u-ana')));
    expect(plans.map((plan) => plan.refusals.deactivateLicense)).toEqual([null, null]);
    const preview = planTeamDownsizing(plans);
    expect(preview.entries).toEqual([
      { userId: 'u-ignacio', name: plans[0]!.user.name, refusal: null },
      {
        userId: 'u-julia',
        name: plans[1]!.user.name,
        refusal: {
          code: 'LAST_LICENSE_IN_COUNTRY',
          message: LAST_LICENSE_IN_COUNTRY_MESSAGE,
          details: { id: 'u-julia', country: 'AR', phoneNumbers: activeNumbersOf('AR'), batch: true },
        },
      },
    ]);
    expect(preview.allowed).toBe(1);
    expect(preview.effects).toEqual(combineEffects([plans[0]!.effects.deactivateLicense!]));
  });

  it('R8, R2, R4: a user whose own plan refuses keeps that refusal, and the batch counts nothing of theirs', async () => {
    // Julia has no license (R2); Diego holds Colombia's last one, with numbers (R4, his own plan's refusal).
    const plans = await plansOf(['u-julia', 'u-diego', 'u-carla']);
    const preview = planTeamDownsizing(plans);
    expect(preview.entries).toEqual([
      { userId: 'u-julia', name: plans[0]!.user.name, refusal: plans[0]!.refusals.deactivateLicense },
      { userId: 'u-diego', name: plans[1]!.user.name, refusal: plans[1]!.refusals.deactivateLicense },
      { userId: 'u-carla', name: plans[2]!.user.name, refusal: null },
    ]);
    expect(preview.entries.map((entry) => entry.refusal?.code ?? null)).toEqual(['NO_LICENSE', 'LAST_LICENSE_IN_COUNTRY', null]);
    expect(preview.entries[1]!.refusal!.details).not.toHaveProperty('batch');
    expect(preview.allowed).toBe(1);
    expect(preview.effects).toEqual(combineEffects([plans[2]!.effects.deactivateLicense!]));
  });
});
