import type { ListAuditLogQuery } from '../adapter/OffboardAdapter';
import { AUDIT_ACTIONS, type AuditAction, type AuditEntry } from '../domain/types';
import { OffboardError } from '../errors/OffboardError';

/**
 * What the audit viewer is asked to show. `actorId`, `targetId` and `action` go to the adapter's
 * query; the date range is judged here, page by page, because `ListAuditLogQuery` has no dates:
 * the log comes newest first (R10), so reading stops at the first entry older than `from`.
 */
export interface AuditFilter {
  readonly actorId?: string;
  readonly targetId?: string;
  readonly action?: AuditAction;
  /** Inclusive lower bound, an ISO 8601 instant. */
  readonly from?: string;
  /** Exclusive upper bound, an ISO 8601 instant. */
  readonly to?: string;
}

/** What a filter form holds: empty strings for "any", dates as `YYYY-MM-DD` in the viewer's time zone. */
export interface AuditFilterFields {
  readonly actorId?: string;
  readonly targetId?: string;
  readonly action?: string;
  /** First day shown, `YYYY-MM-DD`. */
  readonly fromDay?: string;
  /** Last day shown (included), `YYYY-MM-DD`. */
  readonly toDay?: string;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Local midnight of `YYYY-MM-DD`, `days` later, as an instant; undefined for anything not a real day. */
function localMidnight(day: string, days: number): string | undefined {
  const match = DAY.exec(day);
  if (!match) return undefined;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const at = new Date(year, month - 1, date);
  // `new Date` rolls 2026-02-31 over to March: such a day is not a day.
  if (at.getFullYear() !== year || at.getMonth() !== month - 1 || at.getDate() !== date) return undefined;
  at.setDate(at.getDate() + days);
  return at.toISOString();
}

/**
 * A filter form's fields as an `AuditFilter`, days read in the viewer's time zone (a day runs from
 * its local midnight to the next). Bad input is a `VALIDATION_FAILED` naming each field, so a form
 * can say which one is wrong; an empty field means "any".
 */
export function auditFilterOf(fields: AuditFilterFields): AuditFilter {
  const issues: { path: string; message: string }[] = [];
  const from = fields.fromDay ? localMidnight(fields.fromDay, 0) : undefined;
  const to = fields.toDay ? localMidnight(fields.toDay, 1) : undefined;
  if (fields.fromDay && !from) issues.push({ path: 'fromDay', message: 'must be a date (YYYY-MM-DD)' });
  if (fields.toDay && !to) issues.push({ path: 'toDay', message: 'must be a date (YYYY-MM-DD)' });
  if (from && to && from >= to) issues.push({ path: 'toDay', message: 'must not be before the first day' });
  if (fields.action && !(AUDIT_ACTIONS as readonly string[]).includes(fields.action)) issues.push({ path: 'action', message: 'must be an audit action' });
  if (issues.length) throw new OffboardError('VALIDATION_FAILED', { issues });
  return {
    ...(fields.actorId ? { actorId: fields.actorId } : {}),
    ...(fields.targetId ? { targetId: fields.targetId } : {}),
    ...(fields.action ? { action: fields.action as AuditAction } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
}

/** The part of a filter the adapter answers. */
export function auditQueryOf(filter: AuditFilter): Omit<ListAuditLogQuery, 'cursor' | 'limit'> {
  return {
    ...(filter.actorId ? { actorId: filter.actorId } : {}),
    ...(filter.targetId ? { targetId: filter.targetId } : {}),
    ...(filter.action ? { action: filter.action } : {}),
  };
}

/** Whether an entry falls in the filter's date range (instants compared as times, not as strings). */
export function inAuditRange(entry: AuditEntry, filter: AuditFilter): boolean {
  const at = Date.parse(entry.at);
  if (filter.from !== undefined && at < Date.parse(filter.from)) return false;
  return filter.to === undefined || at < Date.parse(filter.to);
}

/** Whether a filter has a date range, which the adapter cannot count: the total is then unknown. */
export const hasAuditRange = (filter: AuditFilter): boolean => filter.from !== undefined || filter.to !== undefined;
