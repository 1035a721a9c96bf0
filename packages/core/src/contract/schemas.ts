import * as v from 'valibot';
import { SCHEDULE_SCOPES, SCHEDULE_STATUSES } from '../domain/schedules';
import { AUDIT_ACTIONS, DEACTIVATION_REASON_CODES, MAX_REASON_NOTE_LENGTH } from '../domain/types';
import { SCENARIOS } from '../rules/plan';

/**
 * Input schemas: the one definition of what a well-formed request is. The in-memory backend
 * validates every call with them and the REST contract validates every body and query with
 * them, so bad input is refused with the same `VALIDATION_FAILED` everywhere.
 */

/**
 * Ids listed in one request. Larger moves name what they leave out instead ("all of the owner's
 * except…"), so the largest valid body stays well under the server's default body limit.
 */
export const MAX_IDS_PER_REQUEST = 10_000;
export const MAX_PAGE_SIZE = 500;
export const MAX_SPLIT_TARGETS = 50;

const printable = v.regex(/^[^\u0000-\u001f\u007f]*$/u, 'must not contain control characters');

/** Names JavaScript objects keep for themselves; as ids they would vanish from any id-keyed object. */
const RESERVED_IDS = new Set(['__proto__', 'constructor', 'prototype']);

export const IdSchema = v.pipe(
  v.string('must be a string'),
  v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, "_" or "-"'),
  v.check((id) => !RESERVED_IDS.has(id), 'must not be __proto__, constructor or prototype'),
);
export const CountrySchema = v.pipe(v.string('must be a string'), v.regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as "ES"'));
export const IdempotencyKeySchema = v.pipe(
  v.string('must be a string'),
  v.regex(/^[\u0021-\u007e]{1,255}$/, 'must be 1–255 printable ASCII characters'),
);
export const VersionSchema = v.pipe(v.number('must be a number'), v.integer('must be an integer'), v.minValue(1, 'must be at least 1'));
export const SearchSchema = v.pipe(v.string('must be a string'), v.maxLength(200, 'must be at most 200 characters'), printable);
export const CursorSchema = v.pipe(v.string('must be a string'), v.regex(/^[A-Za-z0-9_-]{0,512}$/, 'is not a cursor from a previous page'));
export const LimitSchema = v.pipe(
  v.number('must be a number'),
  v.integer('must be an integer'),
  v.minValue(1, 'must be at least 1'),
  v.maxValue(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}`),
);

/** Objects refuse unknown fields and name missing ones, so a typo never passes silently. */
export const strict = <TEntries extends v.ObjectEntries>(entries: TEntries) =>
  v.strictObject(entries, (issue) =>
    issue.expected === 'never' ? 'is not a known field' : issue.path?.length ? 'is required' : 'must be an object',
  );

/**
 * A list of distinct ids. Its length is checked before its items: a list of a million bad ids is
 * one issue, found at once, not a million.
 */
const uniqueIds = (max: number, min = 1) =>
  v.pipe(
    v.array(v.unknown(), 'must be a list of ids'),
    v.minLength(min, `must list at least ${min}`),
    v.maxLength(max, `must list at most ${max}`),
    v.array(IdSchema, 'must be a list of ids'),
    v.check((ids) => new Set(ids).size === ids.length, 'must not repeat an id'),
  );

/** Queries and bodies of routes that take none: any field is unknown. */
export const NoFieldsSchema = strict({});

const callerEntries = {
  organisationId: IdSchema,
  actorId: IdSchema,
  kind: v.optional(v.picklist(['user', 'service'], 'must be user or service')),
};

/** R12, R13: who reads. */
export const ReadContextSchema = strict(callerEntries);

export const MutationContextSchema = strict({
  ...callerEntries,
  idempotencyKey: v.optional(IdempotencyKeySchema),
  expectedVersion: v.optional(VersionSchema),
});

/**
 * The bulk moves (R5 contacts, R8 step 2 tasks) touch many records, which one version cannot
 * describe: an expected version is refused rather than ignored. A record that moved since the
 * caller looked is refused with `VERSION_CONFLICT` all the same.
 */
export const BulkMutationContextSchema = v.pipe(
  MutationContextSchema,
  v.forward(
    v.check((context) => context.expectedVersion === undefined, 'does not apply to a bulk move; records that moved since are refused with VERSION_CONFLICT'),
    ['expectedVersion'],
  ),
);

export const AssignLicenseInputSchema = strict({ country: CountrySchema });

export { MAX_REASON_NOTE_LENGTH };

/** R14: a reason code and, if the admin wants, a note. */
export const DeactivationReasonSchema = strict({
  code: v.picklist(DEACTIVATION_REASON_CODES, `must be one of ${DEACTIVATION_REASON_CODES.join(', ')}`),
  note: v.optional(
    v.pipe(v.string('must be a string'), v.maxLength(MAX_REASON_NOTE_LENGTH, `must be at most ${MAX_REASON_NOTE_LENGTH} characters`), printable),
  ),
});

/**
 * R2, R3 with R14: what a deactivation may carry besides its target. Optional as a whole, so a
 * bodyless request (and a caller that gives no input) still deactivates.
 */
export const DeactivationInputSchema = v.optional(strict({ reason: v.optional(DeactivationReasonSchema) }));

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/** A real calendar instant: `Date.parse` would take 30 February for 2 March. */
function isCalendarInstant(text: string): boolean {
  const match = INSTANT.exec(text);
  if (!match) return false;
  const [year, month, day, hour, minute, second, offsetHours, offsetMinutes] = match.slice(1).map((part) => Number(part ?? 0));
  // A day the month does not have (00, 30 February, up to 99) rolls into another month: the month alone tells.
  const date = new Date(Date.UTC(year!, month! - 1, day!));
  return date.getUTCMonth() === month! - 1 && hour! < 24 && minute! < 60 && second! < 60 && offsetHours! < 24 && offsetMinutes! < 60;
}

/** An ISO 8601 instant that says its offset (`Z`, `+01:00`), given as UTC (`2026-12-01T08:00:00.000Z`). */
export const InstantSchema = v.pipe(
  v.string('must be a string'),
  v.regex(INSTANT, 'must be an ISO 8601 instant with its offset, such as 2026-12-01T09:00:00+01:00'),
  v.check(isCalendarInstant, 'must be a real date and time'),
  v.transform((text) => new Date(text).toISOString()),
);

/** R15: what to deactivate, when (in the future, by the backend's clock), and why. */
export const ScheduleDeactivationInputSchema = strict({
  scope: v.picklist(SCHEDULE_SCOPES, `must be one of ${SCHEDULE_SCOPES.join(', ')}`),
  at: InstantSchema,
  reason: v.optional(DeactivationReasonSchema),
});

export const ReassignContactsInputSchema = v.pipe(
  strict({
    fromOwnerId: IdSchema,
    contactIds: v.optional(uniqueIds(MAX_IDS_PER_REQUEST)),
    exceptContactIds: v.optional(uniqueIds(MAX_IDS_PER_REQUEST, 0)),
    toUserIds: uniqueIds(MAX_SPLIT_TARGETS),
  }),
  v.forward(
    v.check((input) => !(input.contactIds && input.exceptContactIds), 'cannot be combined with contactIds'),
    ['exceptContactIds'],
  ),
);

export const TransferTasksInputSchema = strict({
  fromUserId: IdSchema,
  taskIds: v.optional(uniqueIds(MAX_IDS_PER_REQUEST)),
  toUserId: IdSchema,
});

/** The paging fields every listing's query takes. */
export const pageEntries = { cursor: v.optional(v.nullable(CursorSchema)), limit: v.optional(LimitSchema) };

export const ListUsersQuerySchema = strict({
  ...pageEntries,
  status: v.optional(v.picklist(['active', 'inactive', 'all'], 'must be active, inactive or all')),
  search: v.optional(SearchSchema),
  role: v.optional(v.picklist(['admin', 'member'], 'must be admin or member')),
  licensed: v.optional(v.boolean('must be a boolean')),
});

export const ListContactsQuerySchema = strict({
  ...pageEntries,
  ownerId: v.optional(IdSchema),
  orphaned: v.optional(v.boolean('must be a boolean')),
  search: v.optional(SearchSchema),
});

export const ListTasksQuerySchema = strict({
  ...pageEntries,
  assigneeId: v.optional(IdSchema),
  state: v.optional(v.picklist(['created', 'completed'], 'must be created or completed')),
  transferable: v.optional(v.boolean('must be a boolean')),
});

export const ListPhoneNumbersQuerySchema = strict({
  ...pageEntries,
  country: v.optional(CountrySchema),
  status: v.optional(v.picklist(['active', 'inactive'], 'must be active or inactive')),
});

export const ListSalesBrainsQuerySchema = strict({ ...pageEntries, memberId: v.optional(IdSchema) });


export const ListAuditLogQuerySchema = strict({
  ...pageEntries,
  targetId: v.optional(IdSchema),
  actorId: v.optional(IdSchema),
  action: v.optional(v.picklist(AUDIT_ACTIONS, 'must be an audit action')),
});

export const ListHistoryQuerySchema = strict({
  ...pageEntries,
  userId: v.optional(IdSchema),
  contactId: v.optional(IdSchema),
  kind: v.optional(v.picklist(['call', 'email', 'whatsapp', 'activity', 'metric'], 'must be a history kind')),
});

export const ListScheduledDeactivationsQuerySchema = strict({
  ...pageEntries,
  userId: v.optional(IdSchema),
  status: v.optional(v.picklist(SCHEDULE_STATUSES, `must be one of ${SCHEDULE_STATUSES.join(', ')}`)),
});

export const PlanQuerySchema = strict({
  scenario: v.optional(v.picklist(SCENARIOS, `must be one of ${SCENARIOS.join(', ')}`)),
});
