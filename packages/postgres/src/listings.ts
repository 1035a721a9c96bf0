import { type AuditEntry, type Contact, type HistoryRecord, type ListAuditLogQuery, type ListContactsQuery, type ListHistoryQuery, type ListPhoneNumbersQuery, type ListSalesBrainsQuery, type ListTasksQuery, type ListUsersQuery, type Page, type PageRequest, type PhoneNumber, type ReadAccess, type SalesBrain, type Task, type User } from '@offboard/core';
import { visibleUser } from '@offboard/core/backend';
import { decodeCursor, encodeCursor, invalidCursor } from './cursor';
import type { Queryable, Row } from './db';
import {
  AUDIT_COLUMNS,
  CONTACT_COLUMNS,
  HISTORY_COLUMNS,
  PHONE_NUMBER_COLUMNS,
  SALES_BRAIN_COLUMNS,
  TASK_COLUMNS,
  USER_COLUMNS,
  auditOf,
  contactOf,
  integer,
  historyOf,
  instant,
  phoneNumberOf,
  salesBrainOf,
  taskOf,
  userOf,
} from './rows';

const DEFAULT_PAGE_SIZE = 50;

/** A listing's order: how rows sort, and where the page after a cursor's key begins. */
export interface Order {
  readonly by: string;
  /** The keyset condition; its parameters are numbered from `next`. */
  after(key: string, next: number): { readonly sql: string; readonly params: readonly unknown[] };
  keyOf(row: Row): string;
}

const BY_ID: Order = { by: 'id', after: (key, next) => ({ sql: `id > $${next}`, params: [key] }), keyOf: (row) => row.id as string };

/** Users: lower-cased name, cut short so a cursor stays small whatever the name, then id. */
const BY_NAME: Order = {
  by: 'left(name_lower, 80), id',
  after(key, next) {
    const cut = key.lastIndexOf('\u0000');
    if (cut < 0) throw invalidCursor();
    return { sql: `(left(name_lower, 80), id) > ($${next}, $${next + 1})`, params: [key.slice(0, cut), key.slice(cut + 1)] };
  },
  keyOf: (row) => `${row.sort_key as string}\u0000${row.id as string}`,
};

/** R15: scheduled deactivations, soonest first. */
export const SCHEDULED_FIRST: Order = {
  by: 'at, id',
  after(key, next) {
    const cut = key.indexOf('\u0000');
    if (cut < 0 || Number.isNaN(Date.parse(key.slice(0, cut)))) throw invalidCursor();
    return { sql: `(at, id) > ($${next}::timestamptz, $${next + 1})`, params: [key.slice(0, cut), key.slice(cut + 1)] };
  },
  keyOf: (row) => `${instant(row.at)}\u0000${row.id as string}`,
};

/** R10: the audit log, newest first. */
const NEWEST_FIRST: Order = {
  by: 'seq DESC',
  after(key, next) {
    if (!/^[1-9]\d{0,17}$/.test(key)) throw invalidCursor();
    return { sql: `seq < $${next}`, params: [key] };
  },
  keyOf: (row) => String(row.seq),
};

/**
 * A listing's filters: each one present is a fixed SQL fragment, its values bound as parameters
 * (`$1`, `$2` in a fragment are its own values, renumbered here). Absent filters leave no trace
 * in the statement, so the planner sees exactly the question asked and picks the index for it.
 */
export class Where {
  readonly params: unknown[] = [];
  private readonly clauses: string[] = [];

  constructor(organisationColumn: string, organisationId: string) {
    this.and(`${organisationColumn} = $1`, organisationId);
  }

  and(fragment: string, ...values: unknown[]): this {
    const base = this.params.length;
    this.params.push(...values);
    this.clauses.push(fragment.replace(/\$(\d+)/g, (_match, n: string) => `$${base + Number(n)}`));
    return this;
  }

  /** The filter when the query names a value for it. */
  andIf<T>(value: T | undefined, fragment: string): this {
    return value === undefined ? this : this.and(fragment, value);
  }

  get sql(): string {
    return this.clauses.join(' AND ');
  }
}

export interface Listing {
  readonly from: string;
  readonly columns: string;
  readonly where: Where;
  readonly order: Order;
}

/**
 * Keyset paging: a page is the rows after the cursor's key in the listing's order, found through
 * an index, so a page costs the same at the end of 100,000 contacts as at the start, and records
 * changing between pages are neither repeated nor skipped. The total comes in the same statement.
 */
export async function page<T>(q: Queryable, listing: Listing, request: PageRequest, toItem: (row: Row) => T): Promise<Page<T>> {
  const { from, columns, order } = listing;
  const { sql: where, params } = listing.where;
  const limit = request.limit ?? DEFAULT_PAGE_SIZE;
  const after = request.cursor ? order.after(decodeCursor(request.cursor), params.length + 2) : null;
  const sql = `SELECT t.total, p.* FROM (SELECT count(*) AS total FROM ${from} WHERE ${where}) t
    LEFT JOIN LATERAL (
      SELECT ${columns} FROM ${from} WHERE ${where}${after ? ` AND ${after.sql}` : ''} ORDER BY ${order.by} LIMIT $${params.length + 1}
    ) p ON true`;
  const { rows } = await q.query(sql, [...params, limit + 1, ...(after?.params ?? [])]);
  // An empty page still brings the total: the lateral join gives one row whose page columns are null.
  const found = rows[0]!.id === null ? [] : rows;
  const items = found.slice(0, limit);
  return {
    items: items.map(toItem),
    nextCursor: found.length > limit ? encodeCursor(order.keyOf(items[items.length - 1]!)) : null,
    total: integer(rows[0]!.total),
  };
}

/** R5: a contact is orphaned when its owner is not a salesperson. */
const OWNED_BY_SALESPERSON = `EXISTS (
  SELECT 1 FROM users u WHERE u.organisation_id = c.organisation_id AND u.id = c.owner_id AND u.status = 'active' AND u.license_status = 'active')`;

/** R3 and R12: searches match emails only where the caller may read them, and emails leave only there. */
export function listUsers(q: Queryable, organisationId: string, query: ListUsersQuery, access: ReadAccess, actorId: string): Promise<Page<User>> {
  const status = query.status ?? 'active';
  const where = new Where('organisation_id', organisationId).andIf(status === 'all' ? undefined : status, 'status = $1').andIf(query.role, 'role = $1');
  if (query.licensed !== undefined) where.and(`(status = 'active' AND license_status IS NOT DISTINCT FROM 'active') = $1`, query.licensed);
  if (query.search !== undefined) {
    const needle = query.search.toLowerCase();
    if (access.allEmails) where.and('(strpos(name_lower, $1) > 0 OR strpos(email_lower, $1) > 0)', needle);
    else where.and('(strpos(name_lower, $1) > 0 OR (id = $2 AND strpos(email_lower, $1) > 0))', needle, actorId);
  }
  const columns = `${USER_COLUMNS}, left(name_lower, 80) AS sort_key`;
  return page(q, { from: 'users', columns, where, order: BY_NAME }, query, (row) => visibleUser(userOf(row), access));
}

/** R5: by owner, orphaned or not, by name. */
export function listContacts(q: Queryable, organisationId: string, query: ListContactsQuery): Promise<Page<Contact>> {
  const where = new Where('c.organisation_id', organisationId).andIf(query.ownerId, 'c.owner_id = $1');
  if (query.orphaned !== undefined) where.and(query.orphaned ? `NOT ${OWNED_BY_SALESPERSON}` : OWNED_BY_SALESPERSON);
  where.andIf(query.search, 'strpos(lower(c.name), lower($1)) > 0');
  return page(q, { from: 'contacts c', columns: CONTACT_COLUMNS, where, order: BY_ID }, query, contactOf);
}

export function listTasks(q: Queryable, organisationId: string, query: ListTasksQuery): Promise<Page<Task>> {
  const where = new Where('organisation_id', organisationId)
    .andIf(query.assigneeId, 'assignee_id = $1')
    .andIf(query.state, 'state = $1')
    .andIf(query.transferable, 'transferable = $1');
  return page(q, { from: 'tasks', columns: TASK_COLUMNS, where, order: BY_ID }, query, taskOf);
}

export function listPhoneNumbers(q: Queryable, organisationId: string, query: ListPhoneNumbersQuery): Promise<Page<PhoneNumber>> {
  const where = new Where('organisation_id', organisationId).andIf(query.country, 'country = $1').andIf(query.status, 'status = $1');
  return page(q, { from: 'phone_numbers', columns: PHONE_NUMBER_COLUMNS, where, order: BY_ID }, query, phoneNumberOf);
}

export function listSalesBrains(q: Queryable, organisationId: string, query: ListSalesBrainsQuery): Promise<Page<SalesBrain>> {
  const where = new Where('b.organisation_id', organisationId).andIf(
    query.memberId,
    'EXISTS (SELECT 1 FROM sales_brain_members m WHERE m.organisation_id = b.organisation_id AND m.brain_id = b.id AND m.user_id = $1)',
  );
  return page(q, { from: 'sales_brains b', columns: SALES_BRAIN_COLUMNS, where, order: BY_ID }, query, salesBrainOf);
}

/** R10: newest first. */
export function listAuditLog(q: Queryable, organisationId: string, query: ListAuditLogQuery): Promise<Page<AuditEntry>> {
  const where = new Where('organisation_id', organisationId)
    .andIf(query.targetId, 'target_id = $1')
    .andIf(query.actorId, 'actor_id = $1')
    .andIf(query.action, 'action = $1');
  return page(q, { from: 'audit_log', columns: AUDIT_COLUMNS, where, order: NEWEST_FIRST }, query, auditOf);
}

/** R1: history is only ever read. */
export function listHistory(q: Queryable, organisationId: string, query: ListHistoryQuery): Promise<Page<HistoryRecord>> {
  const where = new Where('organisation_id', organisationId)
    .andIf(query.userId, 'user_id = $1')
    .andIf(query.contactId, 'contact_id = $1')
    .andIf(query.kind, 'kind = $1');
  return page(q, { from: 'history', columns: HISTORY_COLUMNS, where, order: BY_ID }, query, historyOf);
}
