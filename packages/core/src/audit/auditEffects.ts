import type { Effects } from '../domain/types';
import { text, type Text } from '../i18n/text';

/**
 * What a recorded change did (R10), as lines of words in the past tense, in a fixed order: what
 * happened to the license and seat, sign-in, then what moved or was left. The refusal a failed
 * schedule met (R15) is not a line: a view explains it by its code, like any refusal.
 */
export function auditEffectLines(effects: Effects): Text[] {
  const lines: Text[] = [];
  const count = (key: Parameters<typeof text>[0], items: { length: number } | undefined) => {
    if (items?.length) lines.push(text(key, { count: items.length }));
  };
  if (effects.licenseDeactivated) lines.push(text('audit.effect.licenseDeactivated', { country: effects.licenseDeactivated.country }));
  if (effects.licenseAssigned) lines.push(text('audit.effect.licenseAssigned', { country: effects.licenseAssigned.country }));
  if (effects.seatFreed) lines.push(text('audit.effect.seatFreed'));
  if (effects.seatUsed) lines.push(text('audit.effect.seatUsed'));
  if (effects.signInRevoked) lines.push(text('audit.effect.signInRevoked'));
  if (effects.signInRestored) lines.push(text('audit.effect.signInRestored'));
  if (effects.sessionsEnded) lines.push(text('audit.effect.sessionsEnded', { count: effects.sessionsEnded }));
  count('audit.effect.salesBrainsLeft', effects.salesBrainsLeft);
  count('audit.effect.tasksMadeTransferable', effects.tasksMadeTransferable);
  count('audit.effect.tasksNoLongerTransferable', effects.tasksNoLongerTransferable);
  if (effects.contactsOrphaned) lines.push(text('audit.effect.contactsOrphaned', { count: effects.contactsOrphaned }));
  if (effects.contactsMoved?.length) {
    const moved = effects.contactsMoved.reduce((sum, share) => sum + share.contactIds.length, 0);
    lines.push(text('audit.effect.contactsMoved', { count: moved, people: effects.contactsMoved.length }));
  }
  count('audit.effect.tasksMoved', effects.tasksMoved?.taskIds);
  if (effects.schedule) lines.push(text(`audit.effect.schedule.${effects.schedule.scope}`, { at: effects.schedule.at }));
  return lines;
}
