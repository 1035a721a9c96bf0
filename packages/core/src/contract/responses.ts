import * as v from 'valibot';
import { SCHEDULE_SCOPES, SCHEDULE_STATUSES } from '../domain/schedules';
import { DEACTIVATION_REASON_CODES, TRANSFER_REASON_USER_DEACTIVATED } from '../domain/types';
import { ERROR_CODES, type ErrorDetails } from '../errors/OffboardError';
import { AUDIT_ACTIONS } from '../domain/types';
import { VersionSchema } from './schemas';

/**
 * Response schemas: what the HTTP adapter accepts from a server before handing it to the UI.
 * They are tolerant readers: `v.object` drops fields they do not know, so a server may add
 * fields without breaking older clients, but every field the domain types promise is checked.
 */

export const TextSchema = v.string('must be a string');
const Flag = v.boolean('must be a boolean');
/** A whole number of records, seats or sessions. */
export const CountSchema = v.pipe(v.number('must be a number'), v.integer('must be an integer'), v.minValue(0, 'must not be negative'));
const Ids = v.array(TextSchema, 'must be a list of ids');
const ACTIVE_OR_INACTIVE = ['active', 'inactive'] as const;

/**
 * The facts a refusal or a plan reason may carry. Only these cross HTTP: a server projects every
 * problem through this schema, so whatever else an adapter put in `details` (a query, a stack, a
 * connection string) never leaves it.
 */
export const ErrorDetailsSchema = v.object({
  entity: v.optional(TextSchema),
  id: v.optional(TextSchema),
  ids: v.optional(v.array(TextSchema)),
  country: v.optional(TextSchema),
  phoneNumbers: v.optional(v.array(v.object({ id: TextSchema, number: TextSchema }))),
  expectedVersion: v.optional(v.number()),
  currentVersion: v.optional(v.number()),
  contacts: v.optional(v.number()),
  tasks: v.optional(v.number()),
  transferable: v.optional(v.number()),
  seats: v.optional(v.object({ total: v.number(), used: v.number() })),
  field: v.optional(TextSchema),
  issues: v.optional(v.array(v.object({ path: TextSchema, message: TextSchema }))),
  reason: v.optional(TextSchema),
  state: v.optional(TextSchema),
  batch: v.optional(v.boolean()),
  read: v.optional(TextSchema),
  idempotencyKey: v.optional(TextSchema),
  limit: v.optional(v.number()),
  method: v.optional(TextSchema),
  path: v.optional(TextSchema),
  requestId: v.optional(TextSchema),
  scope: v.optional(TextSchema),
}) as v.GenericSchema<ErrorDetails, ErrorDetails>;

export const LicenseSchema = v.object({ country: TextSchema, status: v.picklist(ACTIVE_OR_INACTIVE, 'must be active or inactive') });

export const UserSchema = v.object({
  id: TextSchema,
  name: TextSchema,
  email: v.nullable(TextSchema),
  role: v.picklist(['admin', 'member'], 'must be admin or member'),
  status: v.picklist(ACTIVE_OR_INACTIVE, 'must be active or inactive'),
  license: v.nullable(LicenseSchema),
  version: VersionSchema,
});

export const ContactSchema = v.object({ id: TextSchema, name: TextSchema, ownerId: TextSchema, version: VersionSchema });

export const TaskSchema = v.object({
  id: TextSchema,
  title: TextSchema,
  assigneeId: TextSchema,
  state: v.picklist(['created', 'completed'], 'must be created or completed'),
  transferable: Flag,
  transferReason: v.nullable(v.literal(TRANSFER_REASON_USER_DEACTIVATED, `must be "${TRANSFER_REASON_USER_DEACTIVATED}" or null`)),
  version: VersionSchema,
});

export const SalesBrainSchema = v.object({ id: TextSchema, name: TextSchema, memberIds: Ids });

export const PhoneNumberSchema = v.object({
  id: TextSchema,
  number: TextSchema,
  country: TextSchema,
  status: v.picklist(ACTIVE_OR_INACTIVE, 'must be active or inactive'),
  version: VersionSchema,
});

export const HistoryRecordSchema = v.object({
  id: TextSchema,
  kind: v.picklist(['call', 'email', 'whatsapp', 'activity', 'metric'], 'must be a history kind'),
  userId: TextSchema,
  contactId: v.nullable(TextSchema),
  at: TextSchema,
  summary: TextSchema,
});

export const SeatUsageSchema = v.object({ total: CountSchema, used: CountSchema, available: CountSchema });

export const AccessSchema = v.object({
  userId: TextSchema,
  canSignIn: Flag,
  commercialFeatures: Flag,
  reports: Flag,
  openSessions: CountSchema,
});

const CountryRef = v.object({ country: TextSchema });

/** R14 */
export const DeactivationReasonResponseSchema = v.object({
  code: v.picklist(DEACTIVATION_REASON_CODES, 'must be a reason code'),
  note: v.optional(TextSchema),
});

/** A refusal kept as data (a failed schedule's outcome, its audit entry). */
export const RefusalRecordSchema = v.object({ code: v.picklist(ERROR_CODES, 'must be an error code'), message: TextSchema, details: ErrorDetailsSchema });

export const EffectsSchema = v.object({
  licenseDeactivated: v.optional(CountryRef),
  licenseAssigned: v.optional(CountryRef),
  seatFreed: v.optional(Flag),
  seatUsed: v.optional(Flag),
  salesBrainsLeft: v.optional(Ids),
  tasksMadeTransferable: v.optional(Ids),
  tasksNoLongerTransferable: v.optional(Ids),
  contactsOrphaned: v.optional(CountSchema),
  signInRevoked: v.optional(Flag),
  signInRestored: v.optional(Flag),
  sessionsEnded: v.optional(CountSchema),
  contactsMoved: v.optional(v.array(v.object({ toUserId: TextSchema, contactIds: Ids }), 'must be a list')),
  tasksMoved: v.optional(v.object({ fromUserId: TextSchema, toUserId: TextSchema, taskIds: Ids })),
  schedule: v.optional(v.object({ id: TextSchema, scope: v.picklist(SCHEDULE_SCOPES, 'must be a schedule scope'), at: TextSchema })),
  refusal: v.optional(RefusalRecordSchema),
});

export const AuditEntrySchema = v.object({
  id: TextSchema,
  seq: v.pipe(CountSchema, v.minValue(1, 'must be at least 1')),
  at: TextSchema,
  actorId: TextSchema,
  action: v.picklist(AUDIT_ACTIONS, 'must be an audit action'),
  target: v.object({ type: v.picklist(['user', 'contact', 'task', 'phoneNumber'], 'must be a target type'), id: TextSchema }),
  effects: EffectsSchema,
  reason: v.optional(DeactivationReasonResponseSchema),
});

/** R15 */
export const ScheduledDeactivationSchema = v.object({
  id: TextSchema,
  userId: TextSchema,
  scope: v.picklist(SCHEDULE_SCOPES, 'must be a schedule scope'),
  at: TextSchema,
  reason: v.nullable(DeactivationReasonResponseSchema),
  status: v.picklist(SCHEDULE_STATUSES, 'must be a schedule status'),
  createdBy: TextSchema,
  createdAt: TextSchema,
  outcome: v.nullable(v.object({ at: TextSchema, error: v.optional(RefusalRecordSchema) })),
  version: VersionSchema,
});

export const pageOf = <TItem extends v.GenericSchema>(item: TItem) =>
  v.object({ items: v.array(item, 'must be a list'), nextCursor: v.nullable(TextSchema), total: CountSchema });

export const UserChangeSchema = v.object({ user: UserSchema, audit: AuditEntrySchema });
export const TaskChangeSchema = v.object({ task: TaskSchema, audit: AuditEntrySchema });
export const PhoneNumberChangeSchema = v.object({ phoneNumber: PhoneNumberSchema, audit: AuditEntrySchema });
export const ScheduleChangeSchema = v.object({ schedule: ScheduledDeactivationSchema, audit: AuditEntrySchema });
export const ReassignContactsResultSchema = v.object({
  moved: v.array(v.object({ userId: TextSchema, contacts: CountSchema }), 'must be a list'),
  total: CountSchema,
  audit: AuditEntrySchema,
});
export const TransferTasksResultSchema = v.object({ taskIds: Ids, toUserId: TextSchema, audit: AuditEntrySchema });
