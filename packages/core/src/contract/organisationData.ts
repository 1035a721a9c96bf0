import * as v from 'valibot';
import { AUDIT_ACTIONS, TRANSFER_REASON_USER_DEACTIVATED, hasActiveLicense, type OffboardData } from '../domain/types';
import { OffboardError } from '../errors/OffboardError';
import { CountrySchema, DeactivationReasonSchema, IdSchema, VersionSchema } from './schemas';
import { validate } from './validate';

/**
 * What a backend accepts as an organisation to load (fixtures, a seed, a migration from another
 * system): every record well formed, then every record consistent with the others. Loading
 * refuses the first record that is not, naming it, so no rule ever runs over data that already
 * breaks one (an inactive user holding a seat would be counted by R4 and by the seats).
 */
const Text = v.pipe(v.string('must be a string'), v.maxLength(1000, 'must be at most 1000 characters'));
const Instant = v.pipe(v.string('must be a string'), v.isoTimestamp('must be an ISO 8601 instant'));
const ACTIVE_OR_INACTIVE = v.picklist(['active', 'inactive'], 'must be active or inactive');

export const OrganisationDataSchema = v.object({
  organisationId: IdSchema,
  seats: v.object({ total: v.pipe(v.number('must be a number'), v.integer('must be an integer'), v.minValue(0, 'must not be negative')) }),
  users: v.array(
    v.object({
      id: IdSchema,
      name: Text,
      email: v.pipe(v.string('must be a string'), v.maxLength(320, 'must be at most 320 characters')),
      role: v.picklist(['admin', 'member'], 'must be admin or member'),
      status: ACTIVE_OR_INACTIVE,
      license: v.nullable(v.object({ country: CountrySchema, status: ACTIVE_OR_INACTIVE })),
      version: VersionSchema,
    }),
  ),
  contacts: v.array(v.object({ id: IdSchema, name: Text, ownerId: IdSchema, version: VersionSchema })),
  tasks: v.array(
    v.object({
      id: IdSchema,
      title: Text,
      assigneeId: IdSchema,
      state: v.picklist(['created', 'completed'], 'must be created or completed'),
      transferable: v.boolean('must be a boolean'),
      transferReason: v.nullable(v.literal(TRANSFER_REASON_USER_DEACTIVATED)),
      version: VersionSchema,
    }),
  ),
  salesBrains: v.array(v.object({ id: IdSchema, name: Text, memberIds: v.array(IdSchema) })),
  phoneNumbers: v.array(
    v.object({
      id: IdSchema,
      number: v.pipe(v.string('must be a string'), v.regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number')),
      country: CountrySchema,
      status: ACTIVE_OR_INACTIVE,
      version: VersionSchema,
    }),
  ),
  history: v.array(
    v.object({
      id: IdSchema,
      kind: v.picklist(['call', 'email', 'whatsapp', 'activity', 'metric'], 'must be a history kind'),
      userId: IdSchema,
      contactId: v.nullable(IdSchema),
      at: Instant,
      summary: Text,
    }),
  ),
  sessions: v.array(v.object({ id: IdSchema, userId: IdSchema, startedAt: Instant, endedAt: v.nullable(Instant) })),
  auditLog: v.optional(
    v.array(
      v.object({
        id: v.string(),
        seq: v.pipe(v.number(), v.integer(), v.minValue(1)),
        at: Instant,
        actorId: IdSchema,
        action: v.picklist(AUDIT_ACTIONS),
        target: v.object({ type: v.picklist(['user', 'contact', 'task', 'phoneNumber']), id: IdSchema }),
        effects: v.record(v.string(), v.unknown()),
        reason: v.optional(DeactivationReasonSchema),
      }),
    ),
  ),
});

const inconsistent = (field: string, id: string, message: string) =>
  new OffboardError('VALIDATION_FAILED', { field, id, issues: [{ path: field, message }] }, `${field} (${id}) ${message}`);

/** Refuses the first record that is malformed or contradicts another; returns the data as given. */
export function checkOrganisationData(data: OffboardData): OffboardData {
  validate(OrganisationDataSchema, data, 'data');
  const ids = (kind: keyof OffboardData, records: readonly { readonly id: string }[]) => {
    const seen = new Set<string>();
    records.forEach((record, index) => {
      if (seen.has(record.id)) throw inconsistent(`data.${kind}.${index}`, record.id, 'repeats an id');
      seen.add(record.id);
    });
    return seen;
  };
  const users = new Map(data.users.map((user) => [user.id, user]));
  ids('users', data.users);
  const contacts = ids('contacts', data.contacts);
  ids('tasks', data.tasks);
  ids('salesBrains', data.salesBrains);
  ids('phoneNumbers', data.phoneNumbers);
  ids('history', data.history);
  ids('sessions', data.sessions);

  let licensed = 0;
  data.users.forEach((user, i) => {
    // A seat and every rule about licenses count active licenses: only an active user holds one.
    if (user.status === 'inactive' && hasActiveLicense(user)) throw inconsistent(`data.users.${i}.license`, user.id, 'is active although the user is inactive');
    if (hasActiveLicense(user)) licensed += 1;
  });
  if (licensed > data.seats.total) {
    throw inconsistent('data.seats.total', data.organisationId, `is ${data.seats.total}, but ${licensed} users hold an active license`);
  }
  const needUser = (field: string, id: string, userId: string) => {
    if (!users.has(userId)) throw inconsistent(field, id, `names user ${userId}, who is not in the organisation`);
  };
  data.contacts.forEach((contact, i) => needUser(`data.contacts.${i}.ownerId`, contact.id, contact.ownerId));
  data.tasks.forEach((task, i) => {
    needUser(`data.tasks.${i}.assigneeId`, task.id, task.assigneeId);
    if (task.transferable !== (task.transferReason !== null)) {
      throw inconsistent(`data.tasks.${i}.transferReason`, task.id, 'must be set exactly when the task is transferable');
    }
  });
  data.salesBrains.forEach((brain, i) => {
    brain.memberIds.forEach((memberId, j) => needUser(`data.salesBrains.${i}.memberIds.${j}`, brain.id, memberId));
    if (new Set(brain.memberIds).size !== brain.memberIds.length) throw inconsistent(`data.salesBrains.${i}.memberIds`, brain.id, 'repeats a member');
  });
  data.history.forEach((record, i) => {
    needUser(`data.history.${i}.userId`, record.id, record.userId);
    if (record.contactId !== null && !contacts.has(record.contactId)) {
      throw inconsistent(`data.history.${i}.contactId`, record.id, `names contact ${record.contactId}, which is not in the organisation`);
    }
  });
  data.sessions.forEach((session, i) => {
    needUser(`data.sessions.${i}.userId`, session.id, session.userId);
    // R3 ends every open session of a deactivated user.
    if (session.endedAt === null && users.get(session.userId)!.status === 'inactive') {
      throw inconsistent(`data.sessions.${i}.endedAt`, session.id, 'is open although its user is inactive');
    }
  });
  (data.auditLog ?? []).forEach((entry, i) => {
    if (entry.seq !== i + 1) throw inconsistent(`data.auditLog.${i}.seq`, entry.id, `must be ${i + 1}: the log is numbered from 1 without gaps`);
  });
  return data;
}
