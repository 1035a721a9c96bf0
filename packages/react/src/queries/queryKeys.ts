import type { ListContactsQuery, ListTasksQuery, ListUsersQuery, Scenario } from '@offboard/core';

const all = ['offboard'] as const;

/**
 * Every query key of the kit, built in one place. Keys nest (`all` → `users()` → `userList(…)`),
 * so refreshing a prefix refreshes every list and detail under it.
 */
export const offboardKeys = {
  all,
  users: () => [...all, 'users'] as const,
  userList: (query: Omit<ListUsersQuery, 'cursor'>) => [...all, 'users', 'list', query] as const,
  /** Every salesperson: the people contacts and tasks may go to (R5). */
  salespeople: () => [...all, 'users', 'salespeople'] as const,
  user: (userId: string) => [...all, 'users', 'detail', userId] as const,
  plans: () => [...all, 'plans'] as const,
  plan: (userId: string, actorId: string, scenario: Scenario) => [...all, 'plans', userId, actorId, scenario] as const,
  contacts: () => [...all, 'contacts'] as const,
  contactList: (query: Omit<ListContactsQuery, 'cursor'>) => [...all, 'contacts', 'list', query] as const,
  /** Non-salespeople who still own contacts, with how many each. */
  orphanedOwners: () => [...all, 'contacts', 'orphaned-owners'] as const,
  tasks: () => [...all, 'tasks'] as const,
  taskList: (query: Omit<ListTasksQuery, 'cursor'>) => [...all, 'tasks', 'list', query] as const,
  seats: () => [...all, 'seats'] as const,
  phoneNumbers: () => [...all, 'phone-numbers'] as const,
  phoneNumberList: (country: string | null) => [...all, 'phone-numbers', 'list', country] as const,
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
