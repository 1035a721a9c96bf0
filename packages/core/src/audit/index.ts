/**
 * `@offboard/core/audit`: what the audit log and user history viewers decide (R1, R10, R12):
 * the filter and its query, the pages read for it, the effects in words, and the CSV and JSON
 * exports streamed page by page. Its own entry, so a host without the viewers ships none of it.
 */
export { auditFilterOf, auditQueryOf, hasAuditRange, inAuditRange, type AuditFilter, type AuditFilterFields } from './auditFilter';
export { AUDIT_EXPORT_PAGE_SIZE, auditPages, readAuditPage, type AuditPage } from './auditPages';
export { AUDIT_CSV_COLUMNS, auditCsv, auditCsvRecord, auditJson, csvField, type NameOf } from './auditExport';
export { auditEffectLines } from './auditEffects';
export { auditReadRefusal } from './auditAccess';
export { HISTORY_KINDS, loadHistorySummary, type HistoryKindSummary } from './userHistory';
