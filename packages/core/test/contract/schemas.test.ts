import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { AssignLicenseInputSchema, ScheduleDeactivationInputSchema } from '../../src/contract/schemas';
import { validate } from '../../src/contract/validate';
import { refusalOf } from './helpers';


describe('strict objects name what is wrong with a body', () => {
  it('a missing field "is required"', () => {
    const error = refusalOf(() => validate(AssignLicenseInputSchema, {}, 'body'));
    expect(error.details.issues).toEqual([{ path: 'body.country', message: 'is required' }]);
  });

  it('an unknown field "is not a known field"', () => {
    const error = refusalOf(() => validate(AssignLicenseInputSchema, { country: 'ES', colour: 'red' }, 'body'));
    expect(error.details.issues).toEqual([{ path: 'body.colour', message: 'is not a known field' }]);
  });

  it('a body that is no object "must be an object"', () => {
    const error = refusalOf(() => validate(AssignLicenseInputSchema, 'ES', 'body'));
    expect(error.message).toBe('body must be an object');
    expect(error.details.issues).toEqual([{ path: 'body', message: 'must be an object' }]);
  });
});

describe('R15: a schedule instant is a real calendar date and time', () => {
  const at = (text: string) => validate(ScheduleDeactivationInputSchema, { scope: 'user', at: text }, 'body').at;
  const refusedAt = (text: string) => refusalOf(() => at(text)).details.issues;

  it('accepts the last minute of a day at the widest offsets, given back as UTC', () => {
    expect(at('2026-12-31T23:59:59+23:59')).toBe('2026-12-31T00:00:59.000Z');
    expect(at('2026-12-31T23:59:59-23:59')).toBe('2027-01-01T23:58:59.000Z');
    expect(at('2028-02-29T08:00Z')).toBe('2028-02-29T08:00:00.000Z');
  });

  for (const [what, text] of [
    ['a 30 February', '2026-02-30T09:00:00Z'],
    ['a 29 February outside a leap year', '2026-02-29T09:00:00Z'],
    ['a thirteenth month (whose day 1 exists in the next year)', '2026-13-01T09:00:00Z'],
    ['hour 24', '2026-12-01T24:00:00Z'],
    ['minute 60', '2026-12-01T09:60:00Z'],
    ['second 60', '2026-12-01T09:00:60Z'],
    ['an offset of 24 hours', '2026-12-01T09:00:00+24:00'],
    ['an offset minute 60', '2026-12-01T09:00:00+01:60'],
  ] as const) {
    it(`refuses ${what}`, () => {
      expect(refusedAt(text)).toEqual([{ path: 'body.at', message: 'must be a real date and time' }]);
    });
  }

  it('parsed with plain valibot (every check run), a text that is no instant is refused with both reasons, not thrown on', () => {
    const result = v.safeParse(ScheduleDeactivationInputSchema, { scope: 'user', at: 'next Tuesday' });
    expect(result.success).toBe(false);
    expect(result.issues?.map((issue) => issue.message)).toEqual([
      'must be an ISO 8601 instant with its offset, such as 2026-12-01T09:00:00+01:00',
      'must be a real date and time',
    ]);
  });
});
