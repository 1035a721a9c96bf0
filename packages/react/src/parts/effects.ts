import type { PlannedEffects } from '@offboard/core';

/** What a confirmation lists, in this order; each is a message `effects.<key>`. */
export const EFFECT_KEYS = [
  'contactsOrphaned',
  'tasksMadeTransferable',
  'salesBrainsLeft',
  'seatsFreed',
  'seatUsed',
  'signInRevoked',
  'sessionsEnded',
  'signInRestored',
  'licenseNotRestored',
] as const;
export type EffectKey = (typeof EFFECT_KEYS)[number];

/**
 * Effects as a confirmation shows them. One user's planned effects and a batch's combined preview
 * both become this shape, so every confirmation lists effects the same way.
 */
export interface EffectSummary {
  readonly contactsOrphaned?: number;
  readonly tasksMadeTransferable?: number;
  readonly salesBrainsLeft?: readonly { readonly id: string; readonly name: string }[];
  readonly seatsFreed?: number;
  /** Seats in use and in total once the license is assigned. */
  readonly seatUsed?: { readonly used: number; readonly total: number };
  readonly signInRevoked?: boolean;
  readonly sessionsEnded?: number;
  readonly signInRestored?: boolean;
  readonly licenseNotRestored?: boolean;
}

export function summarisePlannedEffects(effects: PlannedEffects): EffectSummary {
  return {
    contactsOrphaned: effects.contactsOrphaned,
    tasksMadeTransferable: effects.tasksMadeTransferable,
    salesBrainsLeft: effects.salesBrainsLeft,
    seatsFreed: effects.seatFreed ? 1 : 0,
    signInRevoked: effects.signInRevoked,
    sessionsEnded: effects.sessionsEnded,
  };
}
