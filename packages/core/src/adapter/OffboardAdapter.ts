import type { ScheduleScope, ScheduleStatus, ScheduledDeactivation } from '../domain/schedules';
import type {
  Access,
  AuditAction,
  AuditEntry,
  Contact,
  CountryCode,
  DeactivationReason,
  HistoryKind,
  HistoryRecord,
  PhoneNumber,
  PhoneNumberStatus,
  Role,
  SalesBrain,
  SeatUsage,
  Task,
  TaskState,
  User,
} from '../domain/types';
import type { OffboardingPlan, Scenario } from '../rules/plan';
import type { MutationContext, ReadContext } from './context';

export type { Caller, CallerKind, MutationContext, ReadContext } from './context';

export interface PageRequest {
  /** Opaque cursor from a previous page's `nextCursor`. */
  readonly cursor?: string | null;
  /** Page size, 1–500. @default 50 */
  readonly limit?: number;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
  /** Records matching the query across all pages. */
  readonly total: number;
}

export type UserStatusFilter = 'active' | 'inactive' | 'all';

export interface ListUsersQuery extends PageRequest {
  /** R3: inactive users are left out of active lists. @default 'active' */
  readonly status?: UserStatusFilter;
  /** Matches name or email, case-insensitively. */
  readonly search?: string;
  readonly role?: Role;
  /** `true`: salespeople only (active license); `false`: users without one. */
  readonly licensed?: boolean;
}

export interface ListContactsQuery extends PageRequest {
  readonly ownerId?: string;
  /** Contacts whose owner is not a salesperson (R5). */
  readonly orphaned?: boolean;
  readonly search?: string;
}

export interface ListTasksQuery extends PageRequest {
  readonly assigneeId?: string;
  readonly state?: TaskState;
  readonly transferable?: boolean;
}

export interface ListPhoneNumbersQuery extends PageRequest {
  readonly country?: CountryCode;
  readonly status?: PhoneNumberStatus;
}

export interface ListSalesBrainsQuery extends PageRequest {
  readonly memberId?: string;
}

export interface ListAuditLogQuery extends PageRequest {
  readonly targetId?: string;
  readonly actorId?: string;
  readonly action?: AuditAction;
}

export interface ListHistoryQuery extends PageRequest {
  readonly userId?: string;
  readonly contactId?: string;
  readonly kind?: HistoryKind;
}

/** The plan's refusals are computed for the caller of `getOffboardingPlan` (R9). */
export interface PlanQuery {
  /** @default 'employee-departure' */
  readonly scenario?: Scenario;
}

export interface ReassignContactsInput {
  /** The current owner; a contact that no longer belongs to them refuses with `VERSION_CONFLICT`. */
  readonly fromOwnerId: string;
  /** Contacts to move; omitted means every contact of `fromOwnerId`. */
  readonly contactIds?: readonly string[];
  /** With `contactIds` omitted: every contact of the owner except these. */
  readonly exceptContactIds?: readonly string[];
  /** One salesperson, or several to split the contacts evenly among them. */
  readonly toUserIds: readonly string[];
}

export interface TransferTasksInput {
  readonly fromUserId: string;
  /** Open tasks to hand over; omitted means every open task of `fromUserId`. */
  readonly taskIds?: readonly string[];
  readonly toUserId: string;
}

/** R14: what a license or user deactivation may carry besides its target. */
export interface DeactivationInput {
  /** Why; required when the organisation's policy says `requireReason` (`REASON_REQUIRED`). */
  readonly reason?: DeactivationReason;
}

/**
 * A deactivation's arguments after the user's id: the context alone, or an input and the
 * context. The context always comes last, as in every method; the input may be left out, so
 * `deactivateUser(userId, context)` keeps working.
 */
export type DeactivationArgs = [context: MutationContext] | [input: DeactivationInput | undefined, context: MutationContext];

/** R15 */
export interface ScheduleDeactivationInput {
  readonly scope: ScheduleScope;
  /** An ISO 8601 instant with its offset, in the future by the backend's clock; stored in UTC. */
  readonly at: string;
  readonly reason?: DeactivationReason;
}

export interface ListScheduledDeactivationsQuery extends PageRequest {
  readonly userId?: string;
  readonly status?: ScheduleStatus;
}

export interface ScheduleChange {
  readonly schedule: ScheduledDeactivation;
  readonly audit: AuditEntry;
}

export interface UserChange {
  readonly user: User;
  readonly audit: AuditEntry;
}

export interface ReassignContactsResult {
  /** How many contacts each salesperson received, in the order of `toUserIds`. */
  readonly moved: readonly { readonly userId: string; readonly contacts: number }[];
  readonly total: number;
  readonly audit: AuditEntry;
}

export interface TaskChange {
  readonly task: Task;
  readonly audit: AuditEntry;
}

export interface TransferTasksResult {
  readonly taskIds: readonly string[];
  readonly toUserId: string;
  readonly audit: AuditEntry;
}

export interface PhoneNumberChange {
  readonly phoneNumber: PhoneNumber;
  readonly audit: AuditEntry;
}

/**
 * Everything Offboard needs from a backend. The in-memory backend and the HTTP adapter are two
 * implementations; a host writes a third against its own API and proves it with
 * `@offboard/core/testing`. Every method rejects with `OffboardError` only. Every method's last
 * parameter says who calls: a backend scopes the call to `context.organisationId` (R13) and
 * authorises it for the caller (R9, R12).
 */
export interface OffboardAdapter {
  /** R3: active users by default. R12: members see active users only, without others' emails. */
  listUsers(query: ListUsersQuery, context: ReadContext): Promise<Page<User>>;
  getUser(userId: string, context: ReadContext): Promise<User>;
  /** R8: what offboarding this user would take for the caller, computed without changing anything. */
  getOffboardingPlan(userId: string, query: PlanQuery, context: ReadContext): Promise<OffboardingPlan>;
  /** R2, with R14's reason: `deactivateLicense(userId, { reason }, context)`, or `deactivateLicense(userId, context)`. */
  deactivateLicense(userId: string, ...args: DeactivationArgs): Promise<UserChange>;
  /** R7: needs a free seat. */
  assignLicense(userId: string, input: { readonly country: CountryCode }, context: MutationContext): Promise<UserChange>;
  /** R3, with R14's reason: `deactivateUser(userId, { reason }, context)`, or `deactivateUser(userId, context)`. */
  deactivateUser(userId: string, ...args: DeactivationArgs): Promise<UserChange>;
  /** R7 */
  reactivateUser(userId: string, context: MutationContext): Promise<UserChange>;
  /** R1: always refused with `DELETION_NOT_SUPPORTED`. */
  deleteUser(userId: string, context: MutationContext): Promise<never>;
  listContacts(query: ListContactsQuery, context: ReadContext): Promise<Page<Contact>>;
  /** R5 */
  reassignContacts(input: ReassignContactsInput, context: MutationContext): Promise<ReassignContactsResult>;
  listTasks(query: ListTasksQuery, context: ReadContext): Promise<Page<Task>>;
  /** R6: the actor takes a transferable task. */
  takeTask(taskId: string, context: MutationContext): Promise<TaskChange>;
  /** R8 step 2: an admin hands a user's open tasks to a salesperson. */
  transferTasks(input: TransferTasksInput, context: MutationContext): Promise<TransferTasksResult>;
  listPhoneNumbers(query: ListPhoneNumbersQuery, context: ReadContext): Promise<Page<PhoneNumber>>;
  /** R8 step 3: the way out of R4. */
  deactivatePhoneNumber(phoneNumberId: string, context: MutationContext): Promise<PhoneNumberChange>;
  listSalesBrains(query: ListSalesBrainsQuery, context: ReadContext): Promise<Page<SalesBrain>>;
  getSeatUsage(context: ReadContext): Promise<SeatUsage>;
  /** R10: newest first. */
  listAuditLog(query: ListAuditLogQuery, context: ReadContext): Promise<Page<AuditEntry>>;
  /** R1: calls, emails, messages, activity and metrics, kept forever. */
  listHistory(query: ListHistoryQuery, context: ReadContext): Promise<Page<HistoryRecord>>;
  getAccess(userId: string, context: ReadContext): Promise<Access>;
  /**
   * R15: deactivates the license or the user at a future instant, with the guards as they stand
   * then. One pending schedule per user and scope (`SCHEDULE_CONFLICT`). `expectedVersion` is the
   * user's.
   */
  scheduleDeactivation(userId: string, input: ScheduleDeactivationInput, context: MutationContext): Promise<ScheduleChange>;
  /** R15: a pending schedule no longer runs (`SCHEDULE_NOT_PENDING` once it has). `expectedVersion` is the schedule's. */
  cancelScheduledDeactivation(scheduleId: string, context: MutationContext): Promise<ScheduleChange>;
  /** R15, R12: admin-only; soonest first. */
  listScheduledDeactivations(query: ListScheduledDeactivationsQuery, context: ReadContext): Promise<Page<ScheduledDeactivation>>;
}

export type MutationName =
  | 'deactivateLicense'
  | 'assignLicense'
  | 'deactivateUser'
  | 'reactivateUser'
  | 'deleteUser'
  | 'reassignContacts'
  | 'takeTask'
  | 'transferTasks'
  | 'deactivatePhoneNumber'
  | 'scheduleDeactivation'
  | 'cancelScheduledDeactivation';
