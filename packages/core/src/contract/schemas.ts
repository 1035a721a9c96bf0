import * as v from 'valibot';
import { AUDIT_ACTIONS } from '../domain/types';
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
const strict = <TEntries extends v.ObjectEntries>(entries: TEntries) =>
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

const page = { cursor: v.optional(v.nullable(CursorSchema)), limit: v.optional(LimitSchema) };

export const ListUsersQuerySchema = strict({
  ...page,
  status: v.optional(v.picklist(['active', 'inactive', 'all'], 'must be active, inactive or all')),
  search: v.optional(SearchSchema),
  role: v.optional(v.picklist(['admin', 'member'], 'must be admin or member')),
  licensed: v.optional(v.boolean('must be a boolean')),
});

export const ListContactsQuerySchema = strict({
  ...page,
  ownerId: v.optional(IdSchema),
  orphaned: v.optional(v.boolean('must be a boolean')),
  search: v.optional(SearchSchema),
});

export const ListTasksQuerySchema = strict({
  ...page,
  assigneeId: v.optional(IdSchema),
  state: v.optional(v.picklist(['created', 'completed'], 'must be created or completed')),
  transferable: v.optional(v.boolean('must be a boolean')),
});

export const ListPhoneNumbersQuerySchema = strict({
  ...page,
  country: v.optional(CountrySchema),
  status: v.optional(v.picklist(['active', 'inactive'], 'must be active or inactive')),
});

export const ListSalesBrainsQuerySchema = strict({ ...page, memberId: v.optional(IdSchema) });


export const ListAuditLogQuerySchema = strict({
  ...page,
  targetId: v.optional(IdSchema),
  actorId: v.optional(IdSchema),
  action: v.optional(v.picklist(AUDIT_ACTIONS, 'must be an audit action')),
});

export const ListHistoryQuerySchema = strict({
  ...page,
  userId: v.optional(IdSchema),
  contactId: v.optional(IdSchema),
  kind: v.optional(v.picklist(['call', 'email', 'whatsapp', 'activity', 'metric'], 'must be a history kind')),
});

export const PlanQuerySchema = strict({
  scenario: v.optional(v.picklist(SCENARIOS, `must be one of ${SCENARIOS.join(', ')}`)),
});
