import type { LifecycleAction, OffboardingPlan } from '@offboard/core';
import type { Translator } from '../i18n/createTranslator';
import { summarisePlannedEffects, type EffectSummary } from './effects';

export interface LifecycleConfirmation {
  readonly title: string;
  readonly description: string;
  readonly confirmLabel: string;
  readonly tone: 'danger' | 'default';
  readonly effects: EffectSummary | null;
}

/** The words and effects of confirming one lifecycle action, all taken from the user's plan. */
export function lifecycleConfirmation(messages: Translator, plan: OffboardingPlan, action: LifecycleAction): LifecycleConfirmation {
  const name = plan.user.name;
  switch (action.type) {
    case 'deactivateUser':
      return {
        title: messages.t('confirm.deactivateUser.title', { name }),
        description: messages.t('confirm.deactivateUser.description'),
        confirmLabel: messages.t('confirm.deactivateUser.action'),
        tone: 'danger',
        effects: plan.effects.deactivateUser && summarisePlannedEffects(plan.effects.deactivateUser),
      };
    case 'deactivateLicense':
      return {
        title: messages.t('confirm.deactivateLicense.title', { name }),
        description: messages.t('confirm.deactivateLicense.description', { name }),
        confirmLabel: messages.t('confirm.deactivateLicense.action'),
        tone: 'danger',
        effects: plan.effects.deactivateLicense && summarisePlannedEffects(plan.effects.deactivateLicense),
      };
    case 'reactivateUser':
      return {
        title: messages.t('confirm.reactivateUser.title', { name }),
        description: messages.t('confirm.reactivateUser.description'),
        confirmLabel: messages.t('confirm.reactivateUser.action'),
        tone: 'default',
        // R7: sign-in comes back, a license does not.
        effects: { signInRestored: true, licenseNotRestored: plan.user.license !== null },
      };
    case 'assignLicense':
      return {
        title: messages.t('confirm.assignLicense.title', { name }),
        description: messages.t('confirm.assignLicense.description', { country: messages.country(action.country) }),
        confirmLabel: messages.t('confirm.assignLicense.action'),
        tone: 'default',
        effects: plan.seats ? { seatUsed: { used: plan.seats.used + 1, total: plan.seats.total } } : {},
      };
  }
}
