import type { OffboardAdapter, ReadContext } from '../adapter/OffboardAdapter';
import type { AuditEntry } from '../domain/types';
import { auditQueryOf, hasAuditRange, inAuditRange, type AuditFilter } from './auditFilter';

/** The largest page the contract allows: an export reads in as few round trips as it can. */
export const AUDIT_EXPORT_PAGE_SIZE = 500;

export interface AuditPage {
  readonly items: readonly AuditEntry[];
  /** `null` once the log is read to the end, or past the filter's first day. */
  readonly nextCursor: string | null;
  /** Entries matching across all pages; `null` with a date range, which the adapter cannot count. */
  readonly total: number | null;
}

/**
 * One page of the audit log for a filter (R10: newest first). The adapter filters actor, target
 * and action; the date range is applied here, and since entries only get older, the first entry
 * before `from` ends the reading. A page may hold fewer entries than `limit` (even none) while
 * `nextCursor` says more may follow.
 */
export async function readAuditPage(adapter: OffboardAdapter, filter: AuditFilter, cursor: string | null, limit: number, context: ReadContext): Promise<AuditPage> {
  const page = await adapter.listAuditLog({ ...auditQueryOf(filter), cursor, limit }, context);
  if (!hasAuditRange(filter)) return page;
  const last = page.items[page.items.length - 1];
  const pastFrom = last !== undefined && filter.from !== undefined && Date.parse(last.at) < Date.parse(filter.from);
  return { items: page.items.filter((entry) => inAuditRange(entry, filter)), nextCursor: pastFrom ? null : page.nextCursor, total: null };
}

/**
 * Every page of the audit log a filter matches, one at a time: what an export reads, so no more
 * than one page is held at once however long the log is. R12 applies to the first read: a caller
 * who may not read the log gets the adapter's `FORBIDDEN` before anything is produced.
 */
export async function* auditPages(
  adapter: OffboardAdapter,
  filter: AuditFilter,
  context: ReadContext,
  pageSize: number = AUDIT_EXPORT_PAGE_SIZE,
): AsyncGenerator<readonly AuditEntry[]> {
  let cursor: string | null = null;
  do {
    const page: AuditPage = await readAuditPage(adapter, filter, cursor, pageSize, context);
    if (page.items.length) yield page.items;
    cursor = page.nextCursor;
  } while (cursor);
}
