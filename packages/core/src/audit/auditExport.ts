import type { AuditEntry } from '../domain/types';

/** The CSV's columns, in order; `effects` holds the entry's effects as JSON. */
export const AUDIT_CSV_COLUMNS = ['seq', 'at', 'actor_id', 'action', 'target_type', 'target_id', 'reason_code', 'reason_note', 'effects'] as const;

const CRLF = '\r\n';
/** Characters a spreadsheet reads as the start of a formula (OWASP's list). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV field: a leading formula character is defused with a single quote, so a spreadsheet
 * shows the text instead of running it (a reason note of `=HYPERLINK(…)` is text someone typed);
 * then RFC 4180 quoting: a field with a comma, quote or line break is quoted, its quotes doubled.
 */
export function csvField(value: string | number | undefined): string {
  if (value === undefined) return '';
  let field = String(value);
  if (FORMULA_START.test(field)) field = `'${field}`;
  return NEEDS_QUOTES.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/** One entry as a CSV record, CRLF-terminated. */
export function auditCsvRecord(entry: AuditEntry): string {
  const fields = [entry.seq, entry.at, entry.actorId, entry.action, entry.target.type, entry.target.id, entry.reason?.code, entry.reason?.note, JSON.stringify(entry.effects)];
  return fields.map(csvField).join(',') + CRLF;
}

/**
 * The audit log as RFC 4180 CSV, a header row first, one chunk per page read: give it
 * `auditPages(adapter, filter, context)` and it holds one page at a time, never the whole log.
 */
export async function* auditCsv(pages: AsyncIterable<readonly AuditEntry[]>): AsyncGenerator<string> {
  yield AUDIT_CSV_COLUMNS.join(',') + CRLF;
  for await (const entries of pages) yield entries.map(auditCsvRecord).join('');
}

/** The audit log as one JSON array of entries, streamed a page per chunk like `auditCsv`. */
export async function* auditJson(pages: AsyncIterable<readonly AuditEntry[]>): AsyncGenerator<string> {
  let first = true;
  yield '[';
  for await (const entries of pages) {
    if (!entries.length) continue;
    yield (first ? '\n' : ',\n') + entries.map((entry) => JSON.stringify(entry)).join(',\n');
    first = false;
  }
  yield first ? ']' : '\n]\n';
}
