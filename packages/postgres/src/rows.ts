import type { AuditEntry, Contact, DeactivationReason, HistoryRecord, PhoneNumber, RefusalRecord, SalesBrain, ScheduledDeactivation, Task, User } from '@offboard/core';
import type { Row } from './db';

/**
 * Rows as records. Drivers differ in how they hand back some types (node-postgres gives bigint as
 * a string, PGlite as a number), so numbers go through `Number` and instants through `Date`.
 */
export const integer = (value: unknown): number => Number(value);
export const instant = (value: unknown): string => (value instanceof Date ? value : new Date(String(value))).toISOString();

export const USER_COLUMNS = 'id, name, email, role, status, license_country, license_status, version';
export const userOf = (row: Row): User => ({
  id: row.id as string,
  name: row.name as string,
  email: row.email as string,
  role: row.role as User['role'],
  status: row.status as User['status'],
  license: row.license_country === null ? null : { country: row.license_country as string, status: row.license_status as 'active' | 'inactive' },
  version: integer(row.version),
});

export const CONTACT_COLUMNS = 'id, name, owner_id, version';
export const contactOf = (row: Row): Contact => ({ id: row.id as string, name: row.name as string, ownerId: row.owner_id as string, version: integer(row.version) });

export const TASK_COLUMNS = 'id, title, assignee_id, state, transferable, transfer_reason, version';
export const taskOf = (row: Row): Task => ({
  id: row.id as string,
  title: row.title as string,
  assigneeId: row.assignee_id as string,
  state: row.state as Task['state'],
  transferable: row.transferable as boolean,
  transferReason: row.transfer_reason as Task['transferReason'],
  version: integer(row.version),
});

export const PHONE_NUMBER_COLUMNS = 'id, number, country, status, version';
export const phoneNumberOf = (row: Row): PhoneNumber => ({
  id: row.id as string,
  number: row.number as string,
  country: row.country as string,
  status: row.status as PhoneNumber['status'],
  version: integer(row.version),
});

/** A brain's members in their order, aggregated from its member rows. */
export const SALES_BRAIN_COLUMNS = `id, name, ARRAY(
  SELECT m.user_id FROM sales_brain_members m WHERE m.organisation_id = b.organisation_id AND m.brain_id = b.id ORDER BY m.position
) AS member_ids`;
export const salesBrainOf = (row: Row): SalesBrain => ({ id: row.id as string, name: row.name as string, memberIds: row.member_ids as string[] });

export const HISTORY_COLUMNS = 'id, kind, user_id, contact_id, at, summary';
export const historyOf = (row: Row): HistoryRecord => ({
  id: row.id as string,
  kind: row.kind as HistoryRecord['kind'],
  userId: row.user_id as string,
  contactId: row.contact_id as string | null,
  at: instant(row.at),
  summary: row.summary as string,
});

export const AUDIT_COLUMNS = 'seq, id, at, actor_id, action, target_type, target_id, effects, reason';
export const auditOf = (row: Row): AuditEntry => ({
  id: row.id as string,
  seq: integer(row.seq),
  at: instant(row.at),
  actorId: row.actor_id as string,
  action: row.action as AuditEntry['action'],
  target: { type: row.target_type as AuditEntry['target']['type'], id: row.target_id as string },
  effects: row.effects as AuditEntry['effects'],
  // R14: only an entry given a reason has one, as in memory.
  ...(row.reason !== null && row.reason !== undefined && { reason: row.reason as DeactivationReason }),
});

export const SCHEDULE_COLUMNS = 'id, user_id, scope, at, reason, status, created_by, created_at, outcome_at, outcome_error, version';
export const scheduleOf = (row: Row): ScheduledDeactivation => ({
  id: row.id as string,
  userId: row.user_id as string,
  scope: row.scope as ScheduledDeactivation['scope'],
  at: instant(row.at),
  reason: (row.reason as DeactivationReason | null) ?? null,
  status: row.status as ScheduledDeactivation['status'],
  createdBy: row.created_by as string,
  createdAt: instant(row.created_at),
  outcome: row.outcome_at === null ? null : { at: instant(row.outcome_at), ...(row.outcome_error !== null && { error: row.outcome_error as RefusalRecord }) },
  version: integer(row.version),
});
