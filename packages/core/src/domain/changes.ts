import type { AuditAction } from './types';

/** The kinds of record a view shows, as a change can make them stale. */
export const RECORD_KINDS = ['users', 'plans', 'contacts', 'tasks', 'phoneNumbers', 'seats', 'schedules', 'auditLog'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/**
 * What each change (by its audit action) touches, so a view refreshes exactly what it made stale.
 * Plans read nearly everything (R4 counts licenses and numbers, R9 admins, R5 salespeople, seats),
 * and every change adds an audit entry (R10).
 */
export const CHANGE_TOUCHES: Readonly<Record<AuditAction, readonly RecordKind[]>> = {
  // R2: seat freed, tasks made transferable, contacts orphaned, Sales Brains left.
  'license.deactivated': ['users', 'plans', 'contacts', 'tasks', 'seats', 'auditLog'],
  // R3: all of R2 when licensed, and out of active lists.
  'user.deactivated': ['users', 'plans', 'contacts', 'tasks', 'seats', 'auditLog'],
  // R7: back in active lists; a license takes a seat and gives the user's waiting tasks back.
  'user.reactivated': ['users', 'plans', 'contacts', 'auditLog'],
  'license.assigned': ['users', 'plans', 'contacts', 'tasks', 'seats', 'auditLog'],
  'contacts.reassigned': ['contacts', 'plans', 'auditLog'],
  'task.taken': ['tasks', 'plans', 'auditLog'],
  'tasks.transferred': ['tasks', 'plans', 'auditLog'],
  // R4's way out: the numbers, and every plan that counted them.
  'phoneNumber.deactivated': ['phoneNumbers', 'plans', 'auditLog'],
  // R15: a schedule shows in plans; one carried out changed what its deactivation changes.
  'schedule.created': ['schedules', 'plans', 'auditLog'],
  'schedule.cancelled': ['schedules', 'plans', 'auditLog'],
  'schedule.completed': ['schedules', 'users', 'plans', 'contacts', 'tasks', 'seats', 'auditLog'],
  'schedule.failed': ['schedules', 'plans', 'auditLog'],
};
