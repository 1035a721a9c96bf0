import type { RefusalRecord, ScheduleScope } from './schedules';

/** ISO 3166-1 alpha-2 country code, e.g. `"ES"`. */
export type CountryCode = string;

export type Role = 'admin' | 'member';
export type UserStatus = 'active' | 'inactive';
export type LicenseStatus = 'active' | 'inactive';

export interface License {
  readonly country: CountryCode;
  readonly status: LicenseStatus;
}

export interface User {
  readonly id: string;
  readonly name: string;
  /** `null` when the caller may not read it: a member sees only their own (R12). */
  readonly email: string | null;
  readonly role: Role;
  readonly status: UserStatus;
  readonly license: License | null;
  /** Increments on every change of the user (R11 `expectedVersion`). */
  readonly version: number;
}

export interface Contact {
  readonly id: string;
  readonly name: string;
  readonly ownerId: string;
  readonly version: number;
}

export type TaskState = 'created' | 'completed';
/** The one reason R2 records on a task it makes transferable. */
export const TRANSFER_REASON_USER_DEACTIVATED = 'User deactivated';
export type TransferReason = typeof TRANSFER_REASON_USER_DEACTIVATED;

export interface Task {
  readonly id: string;
  readonly title: string;
  readonly assigneeId: string;
  readonly state: TaskState;
  readonly transferable: boolean;
  readonly transferReason: TransferReason | null;
  readonly version: number;
}

/** A Sales Brain (playbook). */
export interface SalesBrain {
  readonly id: string;
  readonly name: string;
  readonly memberIds: readonly string[];
}

export type PhoneNumberStatus = 'active' | 'inactive';

export interface PhoneNumber {
  readonly id: string;
  /** E.164, e.g. `"+34911234567"`. */
  readonly number: string;
  readonly country: CountryCode;
  readonly status: PhoneNumberStatus;
  readonly version: number;
}

export type HistoryKind = 'call' | 'email' | 'whatsapp' | 'activity' | 'metric';

/** Calls, emails, WhatsApp messages, contact activity and performance metrics (R1: never removed). */
export interface HistoryRecord {
  readonly id: string;
  readonly kind: HistoryKind;
  readonly userId: string;
  readonly contactId: string | null;
  readonly at: string;
  readonly summary: string;
}

export interface Session {
  readonly id: string;
  readonly userId: string;
  readonly startedAt: string;
  /** Set when the session ends (R3); sessions are never removed. */
  readonly endedAt: string | null;
}

export interface SeatUsage {
  readonly total: number;
  readonly used: number;
  readonly available: number;
}

/** What a user may do right now: R2 keeps reports, R3 removes sign-in. */
export interface Access {
  readonly userId: string;
  readonly canSignIn: boolean;
  readonly commercialFeatures: boolean;
  readonly reports: boolean;
  readonly openSessions: number;
}

export const AUDIT_ACTIONS = [
  'license.assigned',
  'license.deactivated',
  'user.deactivated',
  'user.reactivated',
  'contacts.reassigned',
  'task.taken',
  'tasks.transferred',
  'phoneNumber.deactivated',
  // R15: a scheduled deactivation's life, each its own entry.
  'schedule.created',
  'schedule.cancelled',
  'schedule.completed',
  'schedule.failed',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** R14: why a license or a user is deactivated. */
export const DEACTIVATION_REASON_CODES = ['left-company', 'role-change', 'downsizing', 'other'] as const;
export type DeactivationReasonCode = (typeof DEACTIVATION_REASON_CODES)[number];
/** R14: a reason's note, at most this many characters (here, not in the contract, so a view's field knows it without the schemas). */
export const MAX_REASON_NOTE_LENGTH = 500;

/** R14: a deactivation's reason, kept in its audit entry and carried by its event. */
export interface DeactivationReason {
  readonly code: DeactivationReasonCode;
  /** Free text, printable, at most 500 characters. */
  readonly note?: string;
}

export type AuditTargetType = 'user' | 'contact' | 'task' | 'phoneNumber';

/** Everything a change did besides its main write, as recorded in the audit log (R10). */
export interface Effects {
  readonly licenseDeactivated?: { readonly country: CountryCode };
  readonly licenseAssigned?: { readonly country: CountryCode };
  readonly seatFreed?: boolean;
  readonly seatUsed?: boolean;
  readonly salesBrainsLeft?: readonly string[];
  readonly tasksMadeTransferable?: readonly string[];
  readonly tasksNoLongerTransferable?: readonly string[];
  /** Contacts left with an owner who is no longer a salesperson (R5: they do not move). */
  readonly contactsOrphaned?: number;
  readonly signInRevoked?: boolean;
  readonly signInRestored?: boolean;
  readonly sessionsEnded?: number;
  /** Contact ids moved, per receiving user, in the order the salespeople were given. */
  readonly contactsMoved?: readonly { readonly toUserId: string; readonly contactIds: readonly string[] }[];
  readonly tasksMoved?: { readonly fromUserId: string; readonly toUserId: string; readonly taskIds: readonly string[] };
  /** R15: the scheduled deactivation a `schedule.*` entry is about. */
  readonly schedule?: { readonly id: string; readonly scope: ScheduleScope; readonly at: string };
  /** R15: why a schedule failed when it came due: the refusal its deactivation met then. */
  readonly refusal?: RefusalRecord;
}

export interface AuditEntry {
  readonly id: string;
  /** Position in the append-only log, starting at 1. */
  readonly seq: number;
  readonly at: string;
  readonly actorId: string;
  readonly action: AuditAction;
  readonly target: { readonly type: AuditTargetType; readonly id: string };
  readonly effects: Effects;
  /** R14: the reason a deactivation (or a schedule of one) was given; absent when none was. */
  readonly reason?: DeactivationReason;
}

/** The whole state of an organisation, as fixtures describe it and snapshots return it. */
export interface OffboardData {
  /** R13: every record below belongs to this organisation; ids are unique within it. */
  readonly organisationId: string;
  readonly seats: { readonly total: number };
  readonly users: readonly User[];
  readonly contacts: readonly Contact[];
  readonly tasks: readonly Task[];
  readonly salesBrains: readonly SalesBrain[];
  readonly phoneNumbers: readonly PhoneNumber[];
  readonly history: readonly HistoryRecord[];
  readonly sessions: readonly Session[];
  readonly auditLog?: readonly AuditEntry[];
}

/** Salesperson: an active user whose license is active. */
export function isSalesperson(user: User): boolean {
  return user.status === 'active' && user.license?.status === 'active';
}

export function hasActiveLicense(user: User): boolean {
  return user.license?.status === 'active';
}
