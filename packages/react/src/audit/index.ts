/**
 * `@offboard/react/audit`: the audit log and user history viewers (R1, R10, R12), in their own
 * entry so a host that does not show them does not ship them.
 */
export { AuditLog, type AuditLogProps } from './AuditLog';
export { UserHistory, type UserHistoryProps } from './UserHistory';
export type { AuditFilterFields } from '@offboard/core/audit';
