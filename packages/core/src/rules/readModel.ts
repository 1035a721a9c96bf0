import type { ScheduledDeactivation } from '../domain/schedules';
import type { PhoneNumber, SalesBrain, SeatUsage, Task, User } from '../domain/types';

/** What R12 lets members read beyond its default, when an organisation chooses to widen it. */
export const MEMBER_READS = ['emails', 'inactive-users', 'seats', 'phone-numbers', 'sales-brains'] as const;
export type MemberRead = (typeof MEMBER_READS)[number];

/** Choices an organisation makes about how strictly the rules apply. */
export interface OffboardPolicy {
  /**
   * R5: refuse to deactivate a user who still owns contacts (`CONTACTS_ASSIGNED`), the help
   * article's strict reading. @default false
   */
  readonly requireContactReassignment: boolean;
  /**
   * R12: what members may read besides active users' names, roles and license badges, their own
   * contacts and tasks, and the tasks waiting for a taker. Widening only; nothing narrows it.
   * @default []
   */
  readonly memberReads: readonly MemberRead[];
  /**
   * R14: refuse a license or user deactivation, and the scheduling of one, that gives no reason
   * (`REASON_REQUIRED`). @default false
   */
  readonly requireReason: boolean;
}

export const DEFAULT_POLICY: OffboardPolicy = {
  requireContactReassignment: false,
  memberReads: [],
  requireReason: false,
};

/** A value now (in memory) or later (a database): the rules await either. */
export type Awaitable<T> = T | Promise<T>;

/**
 * The questions the rules ask of one organisation's state. Every guard and `planOffboarding`
 * read through it and nothing else, so the in-memory backend (answering at once from its indexes)
 * and the PostgreSQL backend (answering with queries inside the mutation's transaction) run the
 * very same rules. Questions about many records at once are set-based, so a guard over 100,000
 * contacts is one question, not 100,000.
 */
export interface OffboardReadModel {
  readonly policy: OffboardPolicy;
  findUser(userId: string): Awaitable<User | undefined>;
  findTask(taskId: string): Awaitable<Task | undefined>;
  findPhoneNumber(phoneNumberId: string): Awaitable<PhoneNumber | undefined>;
  activeAdminCount(): Awaitable<number>;
  salespersonCount(): Awaitable<number>;
  /** Active licenses held in a country (R4). */
  activeLicenseCount(country: string): Awaitable<number>;
  /** Active numbers of a country, sorted by id (R4). */
  activePhoneNumbers(country: string): Awaitable<readonly PhoneNumber[]>;
  contactCount(ownerId: string): Awaitable<number>;
  /**
   * R5: of `contactIds`, those that do not exist, and those that exist but no longer belong to
   * `ownerId` (the caller's view is stale).
   */
  contactsNotOwnedBy(ownerId: string, contactIds: readonly string[]): Awaitable<{ readonly unknown: readonly string[]; readonly moved: readonly string[] }>;
  /** Of `contactIds`, those that do not exist. */
  unknownContacts(contactIds: readonly string[]): Awaitable<readonly string[]>;
  /**
   * R8 step 2: of `taskIds`, those that do not exist, those no longer assigned to `userId`, and
   * those not open (state `completed`).
   */
  tasksNotOpenFor(
    userId: string,
    taskIds: readonly string[],
  ): Awaitable<{ readonly unknown: readonly string[]; readonly moved: readonly string[]; readonly closed: readonly string[] }>;
  /** How many tasks in state `created` are assigned to the user, and how many of them are transferable. */
  openTaskCount(userId: string): Awaitable<{ readonly open: number; readonly transferable: number }>;
  salesBrainsOf(userId: string): Awaitable<readonly SalesBrain[]>;
  seatUsage(): Awaitable<SeatUsage>;
  openSessionCount(userId: string): Awaitable<number>;
  /** R15 */
  findSchedule(scheduleId: string): Awaitable<ScheduledDeactivation | undefined>;
  /** R15: the user's pending scheduled deactivations, at most one per scope. */
  pendingSchedulesOf(userId: string): Awaitable<readonly ScheduledDeactivation[]>;
}

