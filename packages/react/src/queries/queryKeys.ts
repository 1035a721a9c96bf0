import type { Caller, ListContactsQuery, ListTasksQuery, ListUsersQuery, Scenario } from '@offboard/core';

const all = ['offboard'] as const;

/**
 * Every query key of the kit, built in one place. What a read returns depends on who asks (R12
 * hides other people's emails and admin-only records from members, R13 scopes everything to one
 * organisation), so every leaf key names its caller, as the provider makes it, right after its
 * kind of record: `['offboard', 'users', { organisationId, actorId, kind }, 'list', query]`. Two
 * callers never share an entry. Prefixes (`users()`, `plans()`…) name no caller, so refreshing
 * one after a change refreshes every caller's lists and details under it.
 */
export const offboardKeys = {
  all,
  users: () => [...all, 'users'] as const,
  userList: (caller: Caller, query: Omit<ListUsersQuery, 'cursor'>) => [...all, 'users', caller, 'list', query] as const,
  /** Every salesperson: the people contacts and tasks may go to (R5). */
  salespeople: (caller: Caller) => [...all, 'users', caller, 'salespeople'] as const,
  user: (caller: Caller, userId: string) => [...all, 'users', caller, 'detail', userId] as const,
  plans: () => [...all, 'plans'] as const,
  plan: (caller: Caller, userId: string, scenario: Scenario) => [...all, 'plans', caller, userId, scenario] as const,
  contacts: () => [...all, 'contacts'] as const,
  contactList: (caller: Caller, query: Omit<ListContactsQuery, 'cursor'>) => [...all, 'contacts', caller, 'list', query] as const,
  /** Non-salespeople who still own contacts, with how many each. */
  orphanedOwners: (caller: Caller) => [...all, 'contacts', caller, 'orphaned-owners'] as const,
  tasks: () => [...all, 'tasks'] as const,
  taskList: (caller: Caller, query: Omit<ListTasksQuery, 'cursor'>) => [...all, 'tasks', caller, 'list', query] as const,
  seats: () => [...all, 'seats'] as const,
  seatUsage: (caller: Caller) => [...all, 'seats', caller] as const,
  phoneNumbers: () => [...all, 'phone-numbers'] as const,
  phoneNumberList: (caller: Caller, country: string | null) => [...all, 'phone-numbers', caller, 'list', country] as const,
  auditLog: () => [...all, 'audit-log'] as const,
};

/** What a change touched; each kind refreshes every query whose truth it may have changed. */
export type ChangeKind = 'user' | 'contacts' | 'tasks' | 'phoneNumbers';

/**
 * Plans depend on nearly everything (R4 counts licenses and numbers, R9 counts admins, R5 counts
 * salespeople), so every change refreshes them; the audit log gains an entry on every change (R10).
 */
export const AFFECTED_KEYS: Readonly<Record<ChangeKind, readonly (readonly string[])[]>> = {
  // R2/R3/R7: status and license move seats, orphan contacts and make tasks transferable.
  user: [offboardKeys.users(), offboardKeys.plans(), offboardKeys.seats(), offboardKeys.contacts(), offboardKeys.tasks(), offboardKeys.auditLog()],
  contacts: [offboardKeys.contacts(), offboardKeys.plans(), offboardKeys.auditLog()],
  tasks: [offboardKeys.tasks(), offboardKeys.plans(), offboardKeys.auditLog()],
  phoneNumbers: [offboardKeys.phoneNumbers(), offboardKeys.plans(), offboardKeys.auditLog()],
};
