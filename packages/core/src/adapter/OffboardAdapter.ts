import type {
  Access,
  AuditAction,
  AuditEntry,
  Contact,
  CountryCode,
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

/** Who acts, and how to make the request safe to repeat (R11). */
export interface MutationContext {
  /** The acting user (or a service identity named in the backend's policy). */
  readonly actorId: string;
  /** Same key + same request replays the first result; same key + another request is refused. */
  readonly idempotencyKey?: string;
  /** The target's `version` the caller last saw; a newer one refuses with `VERSION_CONFLICT`. */
  readonly expectedVersion?: number;
}

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

export interface PlanQuery {
  /** Whose permissions the plan's action checks are computed for (R9). */
  readonly actorId: string;
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

export interface UserChange {
  readonly user: User;
  readonly audit: AuditEntry;
}

export interface ReassignContactsResult {
  /** Contacts moved per target user id. */
  readonly moved: Readonly<Record<string, number>>;
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
 * `@offboard/core/testing`. Every method rejects with `OffboardError` only.
 */
export interface OffboardAdapter {
  listUsers(query?: ListUsersQuery): Promise<Page<User>>;
  getUser(userId: string): Promise<User>;
  /** R8: what offboarding this user would take, computed without changing anything. */
  getOffboardingPlan(userId: string, query: PlanQuery): Promise<OffboardingPlan>;
  /** R2 */
  deactivateLicense(userId: string, context: MutationContext): Promise<UserChange>;
  /** R7: needs a free seat. */
  assignLicense(userId: string, input: { readonly country: CountryCode }, context: MutationContext): Promise<UserChange>;
  /** R3 */
  deactivateUser(userId: string, context: MutationContext): Promise<UserChange>;
  /** R7 */
  reactivateUser(userId: string, context: MutationContext): Promise<UserChange>;
  /** R1: always refused with `DELETION_NOT_SUPPORTED`. */
  deleteUser(userId: string, context: MutationContext): Promise<never>;
  listContacts(query?: ListContactsQuery): Promise<Page<Contact>>;
  /** R5 */
  reassignContacts(input: ReassignContactsInput, context: MutationContext): Promise<ReassignContactsResult>;
  listTasks(query?: ListTasksQuery): Promise<Page<Task>>;
  /** R6: the actor takes a transferable task. */
  takeTask(taskId: string, context: MutationContext): Promise<TaskChange>;
  /** R8 step 2: an admin hands a user's open tasks to a salesperson. */
  transferTasks(input: TransferTasksInput, context: MutationContext): Promise<TransferTasksResult>;
  listPhoneNumbers(query?: ListPhoneNumbersQuery): Promise<Page<PhoneNumber>>;
  /** R8 step 3: the way out of R4. */
  deactivatePhoneNumber(phoneNumberId: string, context: MutationContext): Promise<PhoneNumberChange>;
  listSalesBrains(query?: ListSalesBrainsQuery): Promise<Page<SalesBrain>>;
  getSeatUsage(): Promise<SeatUsage>;
  /** R10: newest first. */
  listAuditLog(query?: ListAuditLogQuery): Promise<Page<AuditEntry>>;
  /** R1: calls, emails, messages, activity and metrics, kept forever. */
  listHistory(query?: ListHistoryQuery): Promise<Page<HistoryRecord>>;
  getAccess(userId: string): Promise<Access>;
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
  | 'deactivatePhoneNumber';
