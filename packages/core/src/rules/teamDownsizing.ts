import { LAST_LICENSE_IN_COUNTRY_MESSAGE } from '../errors/OffboardError';
import { combineEffects, type EffectPreview } from './effects';
import type { OffboardingPlan, Reason } from './plan';

export interface TeamDownsizingEntry {
  readonly userId: string;
  readonly name: string;
  /** `null` when this user's license can be deactivated as part of the batch. */
  readonly refusal: Reason | null;
}

/** One combined preview for deactivating several licenses in the order given (R8 team downsizing). */
export interface TeamDownsizingPreview {
  readonly entries: readonly TeamDownsizingEntry[];
  readonly allowed: number;
  /** What the licenses the batch allows would do together. */
  readonly effects: EffectPreview;
}

/**
 * Combines the users' own plans into the batch's preview. Each plan judges R4 alone, so two
 * users who are together the last licenses of a country each pass; the batch counts the
 * licenses it removes per country and refuses the one that would remove the last.
 */
export function planTeamDownsizing(plans: readonly OffboardingPlan[]): TeamDownsizingPreview {
  const removedByCountry = new Map<string, number>();
  const allowedEffects: EffectPreview[] = [];

  const entries = plans.map((plan): TeamDownsizingEntry => {
    const entry = { userId: plan.user.id, name: plan.user.name };
    const own = plan.refusals.deactivateLicense;
    if (own) return { ...entry, refusal: own };
    const last = plan.lastLicenseInCountry;
    if (last) {
      const removed = removedByCountry.get(last.country) ?? 0;
      if (last.licensesInCountry - removed <= 1 && last.activePhoneNumbers.length > 0) {
        return {
          ...entry,
          refusal: {
            code: 'LAST_LICENSE_IN_COUNTRY',
            message: LAST_LICENSE_IN_COUNTRY_MESSAGE,
            details: { id: plan.user.id, country: last.country, phoneNumbers: last.activePhoneNumbers, batch: true },
          },
        };
      }
      removedByCountry.set(last.country, removed + 1);
    }
    if (plan.effects.deactivateLicense) allowedEffects.push(plan.effects.deactivateLicense);
    return { ...entry, refusal: null };
  });

  return { entries, allowed: entries.filter((entry) => entry.refusal === null).length, effects: combineEffects(allowedEffects) };
}
