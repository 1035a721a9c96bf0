/**
 * What an action will do, shown in its confirmation before anyone confirms it. One shape for every
 * action of the plan (R8) and for a batch (team downsizing), computed by the core, so a view only
 * lists it. (`Effects`, in the audit log, is what a change did: ids, kept for history.)
 */
export interface EffectPreview {
  /** R5: contacts staying with an owner who is no longer a salesperson. */
  readonly contactsOrphaned: number;
  /** R5: contacts handed to other salespeople. */
  readonly contactsMoved: number;
  /** R2: open tasks becoming transferable. */
  readonly tasksMadeTransferable: number;
  /** R8 step 2: open tasks handed to another salesperson. */
  readonly tasksMoved: number;
  /** R7: the user's own waiting tasks, theirs again with the license. */
  readonly tasksNoLongerTransferable: number;
  readonly salesBrainsLeft: readonly { readonly id: string; readonly name: string }[];
  /** R2: paid seats freed. */
  readonly seatsFreed: number;
  /** R7: seats in use and in total once a license is assigned; `null` when none is, or the caller may not read seats (R12). */
  readonly seatsAfter: { readonly used: number; readonly total: number } | null;
  /** R3 */
  readonly signInRevoked: boolean;
  readonly sessionsEnded: number;
  /** R7 */
  readonly signInRestored: boolean;
  /** R7: reactivation brings sign-in back, not the license. */
  readonly licenseNotRestored: boolean;
}

export const NO_EFFECTS: EffectPreview = {
  contactsOrphaned: 0,
  contactsMoved: 0,
  tasksMadeTransferable: 0,
  tasksMoved: 0,
  tasksNoLongerTransferable: 0,
  salesBrainsLeft: [],
  seatsFreed: 0,
  seatsAfter: null,
  signInRevoked: false,
  sessionsEnded: 0,
  signInRestored: false,
  licenseNotRestored: false,
};

/** The lines a confirmation lists, in this order; each is the message `effects.<key>`. */
export const EFFECT_KEYS = [
  'contactsMoved',
  'contactsOrphaned',
  'tasksMoved',
  'tasksMadeTransferable',
  'tasksNoLongerTransferable',
  'salesBrainsLeft',
  'seatsFreed',
  'seatUsed',
  'signInRevoked',
  'sessionsEnded',
  'signInRestored',
  'licenseNotRestored',
] as const;
export type EffectKey = (typeof EFFECT_KEYS)[number];

/** One line of a confirmation: its message and the values it needs (`name` is the user's). */
export interface EffectLine {
  readonly key: EffectKey;
  readonly values: Readonly<Record<string, string | number>>;
  /** Names the view joins in its locale's list format, as the message's `{names}`. */
  readonly names?: readonly string[];
  /** For a batch: the users the line speaks of, joined in the locale's list format as the message's `{name}`. */
  readonly subjects?: readonly string[];
}

/** One line, or `null` when that effect does not happen. */
function line(key: EffectKey, preview: EffectPreview, name: string): EffectLine | null {
  switch (key) {
    case 'seatUsed':
      return preview.seatsAfter ? { key, values: { used: preview.seatsAfter.used, total: preview.seatsAfter.total } } : null;
    case 'salesBrainsLeft': {
      const brains = preview.salesBrainsLeft;
      return brains.length > 0 ? { key, values: { count: brains.length, name }, names: brains.map((brain) => brain.name) } : null;
    }
    case 'signInRevoked':
    case 'signInRestored':
    case 'licenseNotRestored':
      return preview[key] ? { key, values: { name } } : null;
    default: {
      const count = preview[key];
      return count > 0 ? { key, values: { count, name } } : null;
    }
  }
}

/**
 * What a confirmation lists for `preview`, in `EFFECT_KEYS` order, leaving out what does not
 * happen. `name` is whose effects they are: one user, or the users of a batch (said as a list).
 */
export function effectLines(preview: EffectPreview, name: string | readonly string[]): EffectLine[] {
  if (typeof name === 'string') return EFFECT_KEYS.flatMap((key) => line(key, preview, name) ?? []);
  return effectLines(preview, '').map((each) => ('name' in each.values ? { ...each, subjects: name } : each));
}

/** Several actions' effects as one, for a batch: counts add up, Sales Brains are listed once. */
export function combineEffects(previews: readonly EffectPreview[]): EffectPreview {
  const brains = new Map<string, EffectPreview['salesBrainsLeft'][number]>();
  const sum = (pick: (preview: EffectPreview) => number) => previews.reduce((total, preview) => total + pick(preview), 0);
  for (const preview of previews) for (const brain of preview.salesBrainsLeft) brains.set(brain.id, brain);
  return {
    contactsOrphaned: sum((preview) => preview.contactsOrphaned),
    contactsMoved: sum((preview) => preview.contactsMoved),
    tasksMadeTransferable: sum((preview) => preview.tasksMadeTransferable),
    tasksMoved: sum((preview) => preview.tasksMoved),
    tasksNoLongerTransferable: sum((preview) => preview.tasksNoLongerTransferable),
    salesBrainsLeft: [...brains.values()],
    seatsFreed: sum((preview) => preview.seatsFreed),
    seatsAfter: null,
    signInRevoked: previews.some((preview) => preview.signInRevoked),
    sessionsEnded: sum((preview) => preview.sessionsEnded),
    signInRestored: previews.some((preview) => preview.signInRestored),
    licenseNotRestored: previews.some((preview) => preview.licenseNotRestored),
  };
}
