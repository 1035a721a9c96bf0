import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { demoOrganisation } from '../../src/fixtures';
import { createInMemoryBackend } from '../../src/inMemory';
import { EffectPreviewSchema, OffboardingPlanSchema, PlanStepSchema, ReasonSchema } from '../../src/contract/planSchema';
import {
  AccessSchema,
  AuditEntrySchema,
  HistoryRecordSchema,
  PhoneNumberSchema,
  ReassignContactsResultSchema,
  SalesBrainSchema,
  ScheduledDeactivationSchema,
  SeatUsageSchema,
  TaskSchema,
  UserSchema,
  pageOf,
} from '../../src/contract/responses';
import { validate } from '../../src/contract/validate';
import { as } from '../../src/testing/harness';
import { refusalOf } from './helpers';

/**
 * The HTTP adapter refuses an answer that breaks the contract with SERVER_ERROR naming the field
 * and what it must be, so whoever runs a server of their own sees what it got wrong. Each record
 * below is a valid answer; each case breaks one field of it.
 */
const AT = '2026-11-02T09:00:00.000Z';
const user = { id: 'u-bo', name: 'Bo', email: null, role: 'member', status: 'active', license: { country: 'ES', status: 'active' }, version: 1 };
const task = { id: 't-1', title: 'Call', assigneeId: 'u-bo', state: 'created', transferable: false, transferReason: null, version: 1 };
const phoneNumber = { id: 'pn-1', number: '+34911234567', country: 'ES', status: 'active', version: 1 };
const history = { id: 'h-1', kind: 'call', userId: 'u-bo', contactId: null, at: AT, summary: 'Called' };
const audit = { id: 'a-1', seq: 1, at: AT, actorId: 'u-ana', action: 'user.deactivated', target: { type: 'user', id: 'u-bo' }, effects: {} };
const schedule = { id: 'sd-1', userId: 'u-bo', scope: 'user', at: AT, reason: null, status: 'pending', createdBy: 'u-ana', createdAt: AT, outcome: null, version: 1 };
const seats = { total: 3, used: 2, available: 1 };
const reason = { code: 'NO_LICENSE', message: 'No license.', details: {} };
const step = { id: 'reassign-contacts', number: 1, status: 'pending', reason: null };

/** A real plan whose last-license block is set (Diego holds the last license in Colombia, which still has numbers). */
async function plan(): Promise<Record<string, unknown>> {
  const backend = createInMemoryBackend({ data: demoOrganisation() });
  return structuredClone((await backend.getOffboardingPlan('u-diego', {}, as('u-ana'))) as unknown as Record<string, unknown>);
}

type Case = [string, v.GenericSchema, unknown, string, string];

const records: [string, v.GenericSchema, unknown][] = [
  ['a user', UserSchema, user],
  ['a task', TaskSchema, task],
  ['a phone number', PhoneNumberSchema, phoneNumber],
  ['a history record', HistoryRecordSchema, history],
  ['an audit entry', AuditEntrySchema, audit],
  ['a scheduled deactivation', ScheduledDeactivationSchema, schedule],
  ['seat usage', SeatUsageSchema, seats],
  ['a plan reason', ReasonSchema, reason],
  ['a plan step', PlanStepSchema, step],
];

const cases: Case[] = [
  ['a name that is no string', UserSchema, { ...user, name: 5 }, 'response.name', 'must be a string'],
  ['an unknown role', UserSchema, { ...user, role: 'owner' }, 'response.role', 'must be admin or member'],
  ['an unknown user status', UserSchema, { ...user, status: 'deleted' }, 'response.status', 'must be active or inactive'],
  ['an unknown license status', UserSchema, { ...user, license: { country: 'ES', status: 'lapsed' } }, 'response.license.status', 'must be active or inactive'],
  ['an unknown task state', TaskSchema, { ...task, state: 'open' }, 'response.state', 'must be created or completed'],
  ['transferable that is no boolean', TaskSchema, { ...task, transferable: 'no' }, 'response.transferable', 'must be a boolean'],
  ['another transfer reason', TaskSchema, { ...task, transferReason: 'Holiday' }, 'response.transferReason', 'must be "User deactivated" or null'],
  ['an unknown phone number status', PhoneNumberSchema, { ...phoneNumber, status: 'ported' }, 'response.status', 'must be active or inactive'],
  ['an unknown history kind', HistoryRecordSchema, { ...history, kind: 'sms' }, 'response.kind', 'must be a history kind'],
  ['members that are no list', SalesBrainSchema, { id: 'sb-1', name: 'Inbound', memberIds: 'u-bo' }, 'response.memberIds', 'must be a list of ids'],
  ['a count that is no number', SeatUsageSchema, { ...seats, total: '3' }, 'response.total', 'must be a number'],
  ['a count that is no whole number', SeatUsageSchema, { ...seats, used: 1.5 }, 'response.used', 'must be an integer'],
  ['a negative count', SeatUsageSchema, { ...seats, available: -1 }, 'response.available', 'must not be negative'],
  ['an access flag that is no boolean', AccessSchema, { userId: 'u-bo', canSignIn: 1, commercialFeatures: true, reports: true, openSessions: 0 }, 'response.canSignIn', 'must be a boolean'],
  ['an audit entry numbered 0', AuditEntrySchema, { ...audit, seq: 0 }, 'response.seq', 'must be at least 1'],
  ['an unknown audit action', AuditEntrySchema, { ...audit, action: 'user.deleted' }, 'response.action', 'must be an audit action'],
  ['an unknown target type', AuditEntrySchema, { ...audit, target: { type: 'account', id: 'x' } }, 'response.target.type', 'must be a target type'],
  ['an unknown reason code', AuditEntrySchema, { ...audit, reason: { code: 'fired' } }, 'response.reason.code', 'must be a reason code'],
  ['moved contacts that are no list', AuditEntrySchema, { ...audit, effects: { contactsMoved: {} } }, 'response.effects.contactsMoved', 'must be a list'],
  [
    'an unknown scope in the effects',
    AuditEntrySchema,
    { ...audit, effects: { schedule: { id: 'sd-1', scope: 'team', at: AT } } },
    'response.effects.schedule.scope',
    'must be a schedule scope',
  ],
  [
    'an unknown error code in a kept refusal',
    AuditEntrySchema,
    { ...audit, effects: { refusal: { code: 'OOPS', message: 'x', details: {} } } },
    'response.effects.refusal.code',
    'must be an error code',
  ],
  ['an unknown schedule scope', ScheduledDeactivationSchema, { ...schedule, scope: 'team' }, 'response.scope', 'must be a schedule scope'],
  ['an unknown schedule status', ScheduledDeactivationSchema, { ...schedule, status: 'done' }, 'response.status', 'must be a schedule status'],
  ['page items that are no list', pageOf(UserSchema), { items: {}, nextCursor: null, total: 0 }, 'response.items', 'must be a list'],
  ['moves that are no list', ReassignContactsResultSchema, { moved: {}, total: 0, audit }, 'response.moved', 'must be a list'],
  ['an unknown plan reason code', ReasonSchema, { ...reason, code: 'OOPS' }, 'response.code', 'must be a reason code'],
  ['an unknown step', PlanStepSchema, { ...step, id: 'fire' }, 'response.id', 'must be a step id'],
  ['an unknown step status', PlanStepSchema, { ...step, status: 'skipped' }, 'response.status', 'must be a step status'],
];

describe('response schemas: a broken answer names the field and what it must be', () => {
  for (const [what, schema, value] of records) {
    it(`accepts ${what} as a server sends it`, () => {
      expect(() => validate(schema, value, 'response', 'SERVER_ERROR')).not.toThrow();
    });
  }

  for (const [what, schema, value, path, message] of cases) {
    it(`${what}: "${path} ${message}"`, () => {
      const error = refusalOf(() => validate(schema, value, 'response', 'SERVER_ERROR'));
      expect([error.code, error.message, error.details.issues]).toEqual(['SERVER_ERROR', `${path} ${message}`, [{ path, message }]]);
    });
  }

  it('the effects a plan previews: flags and lists', async () => {
    const effects = (await plan()).effects as Record<string, Record<string, unknown>>;
    const preview = effects.deactivateUser!;
    expect(validate(EffectPreviewSchema, preview, 'response')).toEqual(preview);
    const issues = (value: unknown) => refusalOf(() => validate(EffectPreviewSchema, value, 'response', 'SERVER_ERROR')).details.issues;
    expect(issues({ ...preview, signInRevoked: 'yes' })).toEqual([{ path: 'response.signInRevoked', message: 'must be a boolean' }]);
    expect(issues({ ...preview, salesBrainsLeft: 'sb-1' })).toEqual([{ path: 'response.salesBrainsLeft', message: 'must be a list' }]);
  });

  it('a plan: its scenario, lists and last-license block', async () => {
    const whole = await plan();
    expect(whole.lastLicenseInCountry).toMatchObject({ country: 'CO', blocks: true });
    const issues = (change: (copy: Record<string, unknown>) => void) => {
      const copy = structuredClone(whole);
      change(copy);
      return refusalOf(() => validate(OffboardingPlanSchema, copy, 'response', 'SERVER_ERROR')).details.issues;
    };
    const block = (copy: Record<string, unknown>) => copy.lastLicenseInCountry as Record<string, unknown>;
    expect(validate(OffboardingPlanSchema, whole, 'response')).toEqual(whole);
    expect(issues((copy) => (copy.scenario = 'layoff'))).toEqual([{ path: 'response.scenario', message: 'must be a scenario' }]);
    expect(issues((copy) => (copy.salesBrains = 'sb-1'))).toEqual([{ path: 'response.salesBrains', message: 'must be a list' }]);
    expect(issues((copy) => (copy.steps = 'all'))).toEqual([{ path: 'response.steps', message: 'must be a list' }]);
    expect(issues((copy) => (block(copy).activePhoneNumbers = 'pn-co-1'))).toEqual([
      { path: 'response.lastLicenseInCountry.activePhoneNumbers', message: 'must be a list' },
    ]);
    expect(issues((copy) => (block(copy).blocks = 'yes'))).toEqual([{ path: 'response.lastLicenseInCountry.blocks', message: 'must be a boolean' }]);
  });
});
