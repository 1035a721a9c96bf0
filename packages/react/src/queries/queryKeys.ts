import type { Caller, ListContactsQuery, ListTasksQuery, ListUsersQuery, RecordKind, Scenario } from '@offboard/core';
import type { QueryKey } from '@tanstack/react-query';

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
  schedules: () => [...all, 'schedules'] as const,
  auditLog: () => [...all, 'audit-log'] as const,
};

/**
 * The query-key prefix of each kind of record a change can make stale (the core's `RecordKind`,
 * which `changeFeedback` derives from the change's audit action). Prefixes name no caller, so a
 * refresh reaches every caller's entries; plans are their own kind because nearly every change
 * touches them (R4 counts licenses and numbers, R9 admins, R5 salespeople, seats).
 */
export const RECORD_KEYS: Readonly<Record<RecordKind, QueryKey>> = {
  users: offboardKeys.users(),
  plans: offboardKeys.plans(),
  contacts: offboardKeys.contacts(),
  tasks: offboardKeys.tasks(),
  phoneNumbers: offboardKeys.phoneNumbers(),
  seats: offboardKeys.seats(),
  schedules: offboardKeys.schedules(),
  auditLog: offboardKeys.auditLog(),
};
