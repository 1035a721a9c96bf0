import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  AssignLicenseInputSchema,
  BulkMutationContextSchema,
  CountrySchema,
  CursorSchema,
  DeactivationInputSchema,
  IdSchema,
  IdempotencyKeySchema,
  LimitSchema,
  ListAuditLogQuerySchema,
  ListContactsQuerySchema,
  ListHistoryQuerySchema,
  ListPhoneNumbersQuerySchema,
  ListScheduledDeactivationsQuerySchema,
  ListTasksQuerySchema,
  ListUsersQuerySchema,
  PlanQuerySchema,
  ReadContextSchema,
  ReassignContactsInputSchema,
  ScheduleDeactivationInputSchema,
  SearchSchema,
  VersionSchema,
} from '../../src/contract/schemas';
import { validate } from '../../src/contract/validate';
import { refusalOf } from './helpers';

describe('every check says, in its own words, what the field must be', () => {
  const reassign = { fromOwnerId: 'u-bo', toUserIds: ['u-ana'] };
  const caller = { organisationId: 'org-x', actorId: 'u-ana' };
  // [what is refused, schema, value, path, message]: the words a 400 VALIDATION_FAILED carries to whoever wrote the request.
  const cases: [string, v.GenericSchema, unknown, string, string][] = [
    ['an id that is no string', IdSchema, 7, 'x', 'must be a string'],
    ['an id with a space', IdSchema, 'u bo', 'x', 'must be 1–64 letters, digits, "_" or "-"'],
    ['the id __proto__', IdSchema, '__proto__', 'x', 'must not be __proto__, constructor or prototype'],
    ['the id constructor', IdSchema, 'constructor', 'x', 'must not be __proto__, constructor or prototype'],
    ['the id prototype', IdSchema, 'prototype', 'x', 'must not be __proto__, constructor or prototype'],
    ['a country that is no string', CountrySchema, 34, 'x', 'must be a string'],
    ['a country in lower case', CountrySchema, 'es', 'x', 'must be an ISO 3166-1 alpha-2 code such as "ES"'],
    ['an idempotency key that is no string', IdempotencyKeySchema, 1, 'x', 'must be a string'],
    ['an idempotency key with a space', IdempotencyKeySchema, 'k 1', 'x', 'must be 1–255 printable ASCII characters'],
    ['a version that is no number', VersionSchema, '3', 'x', 'must be a number'],
    ['a version that is no whole number', VersionSchema, 2.5, 'x', 'must be an integer'],
    ['version 0', VersionSchema, 0, 'x', 'must be at least 1'],
    ['a search that is no string', SearchSchema, 5, 'x', 'must be a string'],
    ['a search of 201 characters', SearchSchema, 'a'.repeat(201), 'x', 'must be at most 200 characters'],
    ['a search with a control character', SearchSchema, 'a\u0007b', 'x', 'must not contain control characters'],
    ['a cursor that is no string', CursorSchema, 5, 'x', 'must be a string'],
    ['a cursor no page gave', CursorSchema, 'not a cursor!', 'x', 'is not a cursor from a previous page'],
    ['a limit that is no number', LimitSchema, 'ten', 'x', 'must be a number'],
    ['a limit of 0', LimitSchema, 0, 'x', 'must be at least 1'],
    ['a limit of 501', LimitSchema, 501, 'x', 'must be at most 500'],
    ['a caller kind that is neither', ReadContextSchema, { ...caller, kind: 'robot' }, 'x.kind', 'must be user or service'],
    [
      'an expected version on a bulk move',
      BulkMutationContextSchema,
      { ...caller, expectedVersion: 2 },
      'x.expectedVersion',
      'does not apply to a bulk move; records that moved since are refused with VERSION_CONFLICT',
    ],
    ['targets that are no list', ReassignContactsInputSchema, { ...reassign, toUserIds: 'u-ana' }, 'x.toUserIds', 'must be a list of ids'],
    ['no targets', ReassignContactsInputSchema, { ...reassign, toUserIds: [] }, 'x.toUserIds', 'must list at least 1'],
    ['51 targets', ReassignContactsInputSchema, { ...reassign, toUserIds: Array.from({ length: 51 }, (_, n) => `u-${n}`) }, 'x.toUserIds', 'must list at most 50'],
    ['a target twice', ReassignContactsInputSchema, { ...reassign, toUserIds: ['u-ana', 'u-ana'] }, 'x.toUserIds', 'must not repeat an id'],
    ['contacts named both ways', ReassignContactsInputSchema, { ...reassign, contactIds: ['c-1'], exceptContactIds: ['c-2'] }, 'x.exceptContactIds', 'cannot be combined with contactIds'],
    [
      'an unknown reason code',
      DeactivationInputSchema,
      { reason: { code: 'fired' } },
      'x.reason.code',
      'must be one of left-company, role-change, downsizing, other',
    ],
    ['a note that is no string', DeactivationInputSchema, { reason: { code: 'other', note: 5 } }, 'x.reason.note', 'must be a string'],
    ['a note of 501 characters', DeactivationInputSchema, { reason: { code: 'other', note: 'n'.repeat(501) } }, 'x.reason.note', 'must be at most 500 characters'],
    ['an unknown schedule scope', ScheduleDeactivationInputSchema, { scope: 'team', at: '2099-01-01T09:00:00Z' }, 'x.scope', 'must be one of license, user'],
    ['an instant that is no string', ScheduleDeactivationInputSchema, { scope: 'user', at: 1 }, 'x.at', 'must be a string'],
    ['an unknown user status', ListUsersQuerySchema, { status: 'deleted' }, 'x.status', 'must be active, inactive or all'],
    ['an unknown role', ListUsersQuerySchema, { role: 'owner' }, 'x.role', 'must be admin or member'],
    ['licensed that is no boolean', ListUsersQuerySchema, { licensed: 'yes' }, 'x.licensed', 'must be a boolean'],
    ['orphaned that is no boolean', ListContactsQuerySchema, { orphaned: 'yes' }, 'x.orphaned', 'must be a boolean'],
    ['an unknown task state', ListTasksQuerySchema, { state: 'open' }, 'x.state', 'must be created or completed'],
    ['transferable that is no boolean', ListTasksQuerySchema, { transferable: 'yes' }, 'x.transferable', 'must be a boolean'],
    ['an unknown phone number status', ListPhoneNumbersQuerySchema, { status: 'all' }, 'x.status', 'must be active or inactive'],
    ['an unknown audit action', ListAuditLogQuerySchema, { action: 'user.deleted' }, 'x.action', 'must be an audit action'],
    ['an unknown history kind', ListHistoryQuerySchema, { kind: 'sms' }, 'x.kind', 'must be a history kind'],
    ['an unknown schedule status', ListScheduledDeactivationsQuerySchema, { status: 'done' }, 'x.status', 'must be one of pending, completed, failed, cancelled'],
    ['an unknown scenario', PlanQuerySchema, { scenario: 'layoff' }, 'x.scenario', 'must be one of employee-departure, role-change, team-downsizing'],
  ];
  for (const [what, schema, value, path, message] of cases) {
    it(`${what}: "${path} ${message}"`, () => {
      const error = refusalOf(() => validate(schema, value, 'x'));
      expect([error.message, error.details.issues]).toEqual([`${path} ${message}`, [{ path, message }]]);
    });
  }
});

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
