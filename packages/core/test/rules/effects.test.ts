import { describe, expect, it } from 'vitest';
import { EFFECT_KEYS, NO_EFFECTS, combineEffects, effectLines, type EffectPreview } from '../../src/rules/effects';
import { splitEvenly } from '../../src/rules/splitEvenly';

const cdmx = { id: 'sb-cdmx', name: 'CDMX' };
const latam = { id: 'sb-latam', name: 'LATAM' };

/** Every effect at once, each with its own value, so a line that reads the wrong field shows. */
const everything: EffectPreview = {
  contactsOrphaned: 2,
  contactsMoved: 3,
  tasksMadeTransferable: 4,
  tasksMoved: 5,
  tasksNoLongerTransferable: 6,
  salesBrainsLeft: [cdmx, latam],
  seatsFreed: 1,
  seatsAfter: { used: 11, total: 12 },
  signInRevoked: true,
  sessionsEnded: 7,
  signInRestored: true,
  licenseNotRestored: true,
};

describe('effectLines (R8: what a confirmation lists)', () => {
  it('R8: lists every effect that happens, in EFFECT_KEYS order, each with its values and whose effects they are', () => {
    expect(effectLines(everything, 'Carla')).toEqual([
      { key: 'contactsMoved', values: { count: 3, name: 'Carla' } },
      { key: 'contactsOrphaned', values: { count: 2, name: 'Carla' } },
      { key: 'tasksMoved', values: { count: 5, name: 'Carla' } },
      { key: 'tasksMadeTransferable', values: { count: 4, name: 'Carla' } },
      { key: 'tasksNoLongerTransferable', values: { count: 6, name: 'Carla' } },
      { key: 'salesBrainsLeft', values: { count: 2, name: 'Carla' }, names: ['CDMX', 'LATAM'] },
      { key: 'seatsFreed', values: { count: 1, name: 'Carla' } },
      { key: 'seatUsed', values: { used: 11, total: 12 } },
      { key: 'signInRevoked', values: { name: 'Carla' } },
      { key: 'sessionsEnded', values: { count: 7, name: 'Carla' } },
      { key: 'signInRestored', values: { name: 'Carla' } },
      { key: 'licenseNotRestored', values: { name: 'Carla' } },
    ]);
    expect(effectLines(everything, 'Carla').map((line) => line.key)).toEqual([...EFFECT_KEYS]);
  });

  it('R8: leaves out what does not happen: zero counts, no Sales Brain, no seat figures, flags not set', () => {
    expect(effectLines(NO_EFFECTS, 'Carla')).toEqual([]);
    expect(effectLines({ ...NO_EFFECTS, contactsOrphaned: 1 }, 'Carla')).toEqual([{ key: 'contactsOrphaned', values: { count: 1, name: 'Carla' } }]);
    expect(effectLines({ ...NO_EFFECTS, signInRestored: true }, 'Carla').map((line) => line.key)).toEqual(['signInRestored']);
    expect(effectLines({ ...NO_EFFECTS, seatsAfter: { used: 3, total: 3 } }, 'Carla').map((line) => line.key)).toEqual(['seatUsed']);
  });

  it('R8 (team downsizing): for a batch, each line that names a user names them all, as subjects', () => {
    const batch = combineEffects([
      { ...NO_EFFECTS, seatsFreed: 1, contactsOrphaned: 15 },
      { ...NO_EFFECTS, seatsFreed: 1, contactsOrphaned: 12 },
    ]);
    expect(effectLines({ ...batch, seatsAfter: { used: 9, total: 12 } }, ['Fernando', 'Hugo'])).toEqual([
      { key: 'contactsOrphaned', values: { count: 27, name: '' }, subjects: ['Fernando', 'Hugo'] },
      { key: 'seatsFreed', values: { count: 2, name: '' }, subjects: ['Fernando', 'Hugo'] },
      { key: 'seatUsed', values: { used: 9, total: 12 } },
    ]);
  });
});

describe('combineEffects (R8 team downsizing: one preview for the batch)', () => {
  it('adds the counts, lists each Sales Brain once, says a flag when any action sets it, and leaves seat figures out', () => {
    const first: EffectPreview = { ...everything, salesBrainsLeft: [cdmx], signInRestored: false, licenseNotRestored: false };
    const second: EffectPreview = { ...NO_EFFECTS, contactsOrphaned: 10, seatsFreed: 1, salesBrainsLeft: [cdmx, latam], signInRestored: true, licenseNotRestored: true, seatsAfter: { used: 1, total: 2 } };
    expect(combineEffects([first, second])).toEqual({
      contactsOrphaned: 12,
      contactsMoved: 3,
      tasksMadeTransferable: 4,
      tasksMoved: 5,
      tasksNoLongerTransferable: 6,
      salesBrainsLeft: [cdmx, latam],
      seatsFreed: 2,
      seatsAfter: null,
      signInRevoked: true,
      sessionsEnded: 7,
      signInRestored: true,
      licenseNotRestored: true,
    });
    expect(combineEffects([])).toEqual(NO_EFFECTS);
  });
});

describe('splitEvenly (R5)', () => {
  it('R5: deals contacts in turn: the first total % n targets get one more, nobody gets more than one above another', () => {
    expect(splitEvenly(10, ['a', 'b', 'c'])).toEqual([
      { userId: 'a', contacts: 4 },
      { userId: 'b', contacts: 3 },
      { userId: 'c', contacts: 3 },
    ]);
    expect(splitEvenly(2, ['a', 'b', 'c']).map((entry) => entry.contacts)).toEqual([1, 1, 0]);
    expect(splitEvenly(9, ['a', 'b', 'c']).map((entry) => entry.contacts)).toEqual([3, 3, 3]);
    expect(splitEvenly(5, [])).toEqual([]);
    expect(splitEvenly(0, ['a'])).toEqual([{ userId: 'a', contacts: 0 }]);
  });
});
