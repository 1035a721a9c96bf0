import type { AuditEntry } from '../domain/types';

/**
 * The CSV's columns, in order; `effects` holds the entry's effects as JSON. Names sit beside ids,
 * as the people were named when exported (a spreadsheet is read by people; the ids join it back).
 */
export const AUDIT_CSV_COLUMNS = [
  'seq',
  'at',
  'actor_id',
  'actor_name',
  'action',
  'target_type',
  'target_id',
  'target_name',
  'reason_code',
  'reason_note',
  'effects',
] as const;

/** A user's name by id, when the exporter knows it (service identities and non-user targets have none). */
export type NameOf = (id: string) => string | undefined;
const noNames: NameOf = () => undefined;

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

/** One entry as a CSV record, CRLF-terminated; names (hostile ones too) go through `csvField` like every field. */
export function auditCsvRecord(entry: AuditEntry, nameOf: NameOf = noNames): string {
  const fields = [
    entry.seq,
    entry.at,
    entry.actorId,
    nameOf(entry.actorId),
    entry.action,
    entry.target.type,
    entry.target.id,
    entry.target.type === 'user' ? nameOf(entry.target.id) : undefined,
    entry.reason?.code,
    entry.reason?.note,
    JSON.stringify(entry.effects),
  ];
  return fields.map(csvField).join(',') + CRLF;
}

/**
 * The audit log as RFC 4180 CSV, a header row first, one chunk per page read: give it
 * `auditPages(adapter, filter, context)` and it holds one page at a time, never the whole log.
 * `nameOf` fills the name columns (the React viewer passes the users it has read).
 */
export async function* auditCsv(pages: AsyncIterable<readonly AuditEntry[]>, nameOf: NameOf = noNames): AsyncGenerator<string> {
  yield AUDIT_CSV_COLUMNS.join(',') + CRLF;
  for await (const entries of pages) yield entries.map((entry) => auditCsvRecord(entry, nameOf)).join('');
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
