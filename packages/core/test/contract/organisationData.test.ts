import { describe, expect, it } from 'vitest';
import type { OffboardData } from '../../src';
import { checkOrganisationData } from '../../src/contract/organisationData';
import { refusalOf as refusalFrom } from './helpers';

/**
 * Loading an organisation (fixtures, a seed, a migration) refuses the first record that
 * contradicts another with VALIDATION_FAILED naming the field, the record and what is wrong, so
 * whoever wrote the data can find and fix it. A small organisation where every kind of record
 * appears, so each check has something to look at.
 */
const AT = '2026-11-02T09:00:00.000Z';
const organisation = (): OffboardData => ({
  organisationId: 'org-x',
  seats: { total: 2 },
  users: [
    { id: 'u-ana', name: 'Ana', email: 'ana@x.test', role: 'admin', status: 'active', license: { country: 'ES', status: 'active' }, version: 1 },
    { id: 'u-bo', name: 'Bo', email: 'bo@x.test', role: 'member', status: 'active', license: { country: 'ES', status: 'active' }, version: 1 },
    { id: 'u-cy', name: 'Cy', email: 'cy@x.test', role: 'member', status: 'inactive', license: { country: 'ES', status: 'inactive' }, version: 2 },
  ],
  contacts: [
    { id: 'c-1', name: 'One', ownerId: 'u-ana', version: 1 },
    { id: 'c-2', name: 'Two', ownerId: 'u-bo', version: 1 },
  ],
  tasks: [
    { id: 't-1', title: 'Call', assigneeId: 'u-bo', state: 'created', transferable: false, transferReason: null, version: 1 },
    { id: 't-2', title: 'Mail', assigneeId: 'u-cy', state: 'created', transferable: true, transferReason: 'User deactivated', version: 1 },
  ],
  salesBrains: [{ id: 'sb-1', name: 'Inbound', memberIds: ['u-ana', 'u-bo'] }],
  phoneNumbers: [{ id: 'p-1', number: '+34911234567', country: 'ES', status: 'active', version: 1 }],
  history: [
    { id: 'h-1', kind: 'call', userId: 'u-bo', contactId: 'c-2', at: AT, summary: 'Called' },
    { id: 'h-2', kind: 'metric', userId: 'u-cy', contactId: null, at: AT, summary: 'Quota' },
  ],
  sessions: [
    { id: 's-1', userId: 'u-ana', startedAt: AT, endedAt: null },
    { id: 's-2', userId: 'u-cy', startedAt: AT, endedAt: AT },
  ],
  auditLog: [
    { id: 'a-1', seq: 1, at: AT, actorId: 'u-ana', action: 'license.deactivated', target: { type: 'user', id: 'u-cy' }, effects: {} },
    { id: 'a-2', seq: 2, at: AT, actorId: 'u-ana', action: 'user.deactivated', target: { type: 'user', id: 'u-cy' }, effects: {} },
  ],
});

/** The refusal loading `data` throws. */
const refusalOf = (data: OffboardData) => refusalFrom(() => checkOrganisationData(data));

describe('checkOrganisationData', () => {
  it('accepts consistent data and returns it as given', () => {
    const data = organisation();
    expect(checkOrganisationData(data)).toBe(data);
    // The audit log is optional: an organisation may be loaded before anything was done in it.
    const { auditLog, ...withoutLog } = data;
    expect(auditLog).toHaveLength(2);
    expect(checkOrganisationData(withoutLog)).toBe(withoutLog);
  });

  const base = organisation();
  // [what is wrong, the data, field, record id, message]
  const cases: [string, OffboardData, string, string, string][] = [
    ['a repeated user id', { ...base, users: [...base.users, base.users[1]!] }, 'data.users.3', 'u-bo', 'repeats an id'],
    ['a repeated contact id', { ...base, contacts: [...base.contacts, base.contacts[0]!] }, 'data.contacts.2', 'c-1', 'repeats an id'],
    ['a repeated task id', { ...base, tasks: [...base.tasks, base.tasks[0]!] }, 'data.tasks.2', 't-1', 'repeats an id'],
    ['a repeated Sales Brain id', { ...base, salesBrains: [...base.salesBrains, base.salesBrains[0]!] }, 'data.salesBrains.1', 'sb-1', 'repeats an id'],
    ['a repeated phone number id', { ...base, phoneNumbers: [...base.phoneNumbers, base.phoneNumbers[0]!] }, 'data.phoneNumbers.1', 'p-1', 'repeats an id'],
    ['a repeated history id', { ...base, history: [...base.history, base.history[0]!] }, 'data.history.2', 'h-1', 'repeats an id'],
    ['a repeated session id', { ...base, sessions: [...base.sessions, base.sessions[1]!] }, 'data.sessions.2', 's-2', 'repeats an id'],
    [
      'an inactive user holding an active license',
      { ...base, users: base.users.map((user) => (user.id === 'u-cy' ? { ...user, license: { country: 'ES', status: 'active' as const } } : user)) },
      'data.users.2.license',
      'u-cy',
      'is active although the user is inactive',
    ],
    ['more active licenses than seats', { ...base, seats: { total: 1 } }, 'data.seats.total', 'org-x', 'is 1, but 2 users hold an active license'],
    [
      'a contact whose owner is not in the organisation',
      { ...base, contacts: base.contacts.map((contact, i) => (i === 1 ? { ...contact, ownerId: 'u-ghost' } : contact)) },
      'data.contacts.1.ownerId',
      'c-2',
      'names user u-ghost, who is not in the organisation',
    ],
    [
      'a task whose assignee is not in the organisation',
      { ...base, tasks: base.tasks.map((task, i) => (i === 1 ? { ...task, assigneeId: 'u-ghost' } : task)) },
      'data.tasks.1.assigneeId',
      't-2',
      'names user u-ghost, who is not in the organisation',
    ],
    [
      'a transferable task without its reason',
      { ...base, tasks: base.tasks.map((task, i) => (i === 1 ? { ...task, transferReason: null } : task)) },
      'data.tasks.1.transferReason',
      't-2',
      'must be set exactly when the task is transferable',
    ],
    [
      'a Sales Brain naming a member twice',
      { ...base, salesBrains: [{ id: 'sb-1', name: 'Inbound', memberIds: ['u-ana', 'u-bo', 'u-ana'] }] },
      'data.salesBrains.0.memberIds',
      'sb-1',
      'repeats a member',
    ],
    [
      'a Sales Brain naming a member not in the organisation',
      { ...base, salesBrains: [{ id: 'sb-1', name: 'Inbound', memberIds: ['u-ana', 'u-ghost'] }] },
      'data.salesBrains.0.memberIds.1',
      'sb-1',
      'names user u-ghost, who is not in the organisation',
    ],
    [
      'a history record of a user not in the organisation',
      { ...base, history: base.history.map((record, i) => (i === 1 ? { ...record, userId: 'u-ghost' } : record)) },
      'data.history.1.userId',
      'h-2',
      'names user u-ghost, who is not in the organisation',
    ],
    [
      'a history record of a contact not in the organisation',
      { ...base, history: base.history.map((record, i) => (i === 0 ? { ...record, contactId: 'c-ghost' } : record)) },
      'data.history.0.contactId',
      'h-1',
      'names contact c-ghost, which is not in the organisation',
    ],
    [
      'a session of a user not in the organisation',
      { ...base, sessions: base.sessions.map((session, i) => (i === 1 ? { ...session, userId: 'u-ghost' } : session)) },
      'data.sessions.1.userId',
      's-2',
      'names user u-ghost, who is not in the organisation',
    ],
    [
      'an open session of an inactive user (R3 ends them)',
      { ...base, sessions: base.sessions.map((session, i) => (i === 1 ? { ...session, endedAt: null } : session)) },
      'data.sessions.1.endedAt',
      's-2',
      'is open although its user is inactive',
    ],
    [
      'an audit log with a gap in its numbering',
      { ...base, auditLog: base.auditLog!.map((entry, i) => (i === 1 ? { ...entry, seq: 3 } : entry)) },
      'data.auditLog.1.seq',
      'a-2',
      'must be 2: the log is numbered from 1 without gaps',
    ],
  ];
  for (const [name, data, field, id, message] of cases) {
    it(`refuses ${name}, naming the field, the record and why`, () => {
      const error = refusalOf(data);
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.message).toBe(`${field} (${id}) ${message}`);
      expect(error.details).toEqual({ field, id, issues: [{ path: field, message }] });
    });
  }
});

describe('checkOrganisationData: a malformed record', () => {
  const base = organisation();
  const first = <T,>(records: readonly T[], change: Partial<T>): T[] => records.map((record, i) => (i === 0 ? { ...record, ...change } : record));

  it('every kind of audit target is accepted', () => {
    const types = ['user', 'contact', 'task', 'phoneNumber'] as const;
    const auditLog = types.map((type, i) => ({ ...base.auditLog![0]!, id: `a-${i + 1}`, seq: i + 1, target: { type, id: 'x-1' } }));
    expect(checkOrganisationData({ ...base, auditLog }).auditLog).toHaveLength(4);
  });

  // [what is wrong, the data, path, message]: the schema's words, before any record is compared with another.
  const cases: [string, unknown, string, string][] = [
    ['seats that are no number', { ...base, seats: { total: 'two' } }, 'data.seats.total', 'must be a number'],
    ['seats that are no whole number', { ...base, seats: { total: 2.5 } }, 'data.seats.total', 'must be an integer'],
    ['negative seats', { ...base, seats: { total: -1 } }, 'data.seats.total', 'must not be negative'],
    ['a user whose name is no string', { ...base, users: first(base.users, { name: 5 as unknown as string }) }, 'data.users.0.name', 'must be a string'],
    ['a user email that is no string', { ...base, users: first(base.users, { email: null as unknown as string }) }, 'data.users.0.email', 'must be a string'],
    ['a user email of 321 characters', { ...base, users: first(base.users, { email: 'e'.repeat(321) }) }, 'data.users.0.email', 'must be at most 320 characters'],
    ['an unknown role', { ...base, users: first(base.users, { role: 'owner' as 'admin' }) }, 'data.users.0.role', 'must be admin or member'],
    ['an unknown user status', { ...base, users: first(base.users, { status: 'gone' as 'active' }) }, 'data.users.0.status', 'must be active or inactive'],
    [
      'a license in a country that is no code',
      { ...base, users: first(base.users, { license: { country: 'Spain', status: 'active' } }) },
      'data.users.0.license.country',
      'must be an ISO 3166-1 alpha-2 code such as "ES"',
    ],
    ['a contact name of 1001 characters', { ...base, contacts: first(base.contacts, { name: 'n'.repeat(1001) }) }, 'data.contacts.0.name', 'must be at most 1000 characters'],
    ['an unknown task state', { ...base, tasks: first(base.tasks, { state: 'open' as 'created' }) }, 'data.tasks.0.state', 'must be created or completed'],
    ['transferable that is no boolean', { ...base, tasks: first(base.tasks, { transferable: 'no' as unknown as boolean }) }, 'data.tasks.0.transferable', 'must be a boolean'],
    ['a Sales Brain whose name is no string', { ...base, salesBrains: first(base.salesBrains, { name: 7 as unknown as string }) }, 'data.salesBrains.0.name', 'must be a string'],
    ['a phone number that is no string', { ...base, phoneNumbers: first(base.phoneNumbers, { number: 34 as unknown as string }) }, 'data.phoneNumbers.0.number', 'must be a string'],
    ['a phone number without its +', { ...base, phoneNumbers: first(base.phoneNumbers, { number: '0034911234567' }) }, 'data.phoneNumbers.0.number', 'must be an E.164 number'],
    ['a phone number after other text', { ...base, phoneNumbers: first(base.phoneNumbers, { number: 'tel+34911234567' }) }, 'data.phoneNumbers.0.number', 'must be an E.164 number'],
    ['a phone number before other text', { ...base, phoneNumbers: first(base.phoneNumbers, { number: '+34911234567 ext' }) }, 'data.phoneNumbers.0.number', 'must be an E.164 number'],
    ['an unknown history kind', { ...base, history: first(base.history, { kind: 'sms' as 'call' }) }, 'data.history.0.kind', 'must be a history kind'],
    ['a history instant that is no string', { ...base, history: first(base.history, { at: 0 as unknown as string }) }, 'data.history.0.at', 'must be a string'],
    ['a session start that is no instant', { ...base, sessions: first(base.sessions, { startedAt: 'yesterday' }) }, 'data.sessions.0.startedAt', 'must be an ISO 8601 instant'],
  ];
  for (const [what, data, path, message] of cases) {
    it(`refuses ${what}: "${path} ${message}"`, () => {
      const error = refusalOf(data as OffboardData);
      expect([error.code, error.message, error.details.issues]).toEqual(['VALIDATION_FAILED', `${path} ${message}`, [{ path, message }]]);
    });
  }

  it('an audit entry with an unknown target type is refused at its path', () => {
    const auditLog = first(base.auditLog!, { target: { type: 'account' as 'user', id: 'x-1' } });
    expect(refusalOf({ ...base, auditLog }).details.field).toBe('data.auditLog.0.target.type');
  });
});
