import { describe, expect, it } from 'vitest';
import { formatPhoneNumber } from '../../src/i18n';

describe('formatPhoneNumber', () => {
  it('splits the country calling code by its length, then groups the rest from the end', () => {
    expect(formatPhoneNumber('+525512345678')).toBe('+52 551 234 5678');
    expect(formatPhoneNumber('+34612345678')).toBe('+34 61 234 5678');
    expect(formatPhoneNumber('+14155550123')).toBe('+1 415 555 0123');
    expect(formatPhoneNumber('+541112345678')).toBe('+54 111 234 5678');
    expect(formatPhoneNumber('+5731012345678')).toBe('+57 3101 234 5678');
    expect(formatPhoneNumber('+593212345678')).toBe('+593 21 234 5678');
  });

  it('never leaves one digit alone in a group', () => {
    expect(formatPhoneNumber('+4912345678')).toBe('+49 1234 5678');
    expect(formatPhoneNumber('+49123456789')).toBe('+49 12 345 6789');
  });

  it('returns anything that is not E.164 as it came', () => {
    for (const raw of ['5512345678', '+52 55 1234 5678', '+12', 'call me', '']) expect(formatPhoneNumber(raw)).toBe(raw);
  });
});
