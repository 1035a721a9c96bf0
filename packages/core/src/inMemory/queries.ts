import type {
  ListAuditLogQuery,
  ListContactsQuery,
  ListHistoryQuery,
  ListPhoneNumbersQuery,
  ListSalesBrainsQuery,
  ListTasksQuery,
  ListUsersQuery,
  Page,
} from '../adapter/OffboardAdapter';
import type { ReadAccess } from '../rules/readAccess';
import { isSalesperson, type AuditEntry, type Contact, type HistoryRecord, type PhoneNumber, type SalesBrain, type Task, type User } from '../domain/types';
import { copyContact, copyPhoneNumber, copySalesBrain, copyTask, copyUser } from './copies';
import { compareKeys, type OrganisationStore } from './organisationStore';
import { paginate } from './paginate';

const byId = (record: { readonly id: string }) => record.id;
const sortById = <T extends { readonly id: string }>(records: T[]): T[] => records.sort((a, b) => compareKeys(a.id, b.id));
const matches = (haystack: string, needle: string | undefined) => !needle || haystack.toLowerCase().includes(needle.toLowerCase());

/** Users sort by name, then id; the key is cut short so a cursor stays small whatever the name. */
const userKey = (user: User) => `${user.name.toLowerCase().slice(0, 80)}\u0000${user.id}`;

/**
 * R12: a search matches emails only where the caller may read them, so a member cannot find out
 * someone's email by searching for it; the emails themselves leave only where readable.
 */
export function listUsers(store: OrganisationStore, query: ListUsersQuery, access: ReadAccess, actorId: string): Page<User> {
  const status = query.status ?? 'active';
  const filterKey = JSON.stringify([status, query.role, query.licensed, query.search, query.search && !access.allEmails ? actorId : '']);
  const users = store.userListing(filterKey, userKey, (user) =>
    (status === 'all' || user.status === status) &&
    (!query.role || user.role === query.role) &&
    (query.licensed === undefined || isSalesperson(user) === query.licensed) &&
    (matches(user.name, query.search) || (access.seesEmailOf(user.id) && matches(user.email ?? '', query.search))),
  );
  return paginate(users, userKey, query, (user) => copyUser(user, access.seesEmailOf(user.id)));
}

/** Pages over ids and copies only the page: paging 100k contacts costs a page, not the list. */
export function listContacts(store: OrganisationStore, query: ListContactsQuery): Page<Contact> {
  let ids = store.sortedContactIds(query.ownerId ? { ownerId: query.ownerId } : query.orphaned ? 'orphaned' : 'all');
  const contact = (id: string) => store.contacts.get(id)!;
  if (query.ownerId && query.orphaned !== undefined) {
    const owner = store.findUser(query.ownerId);
    if ((!owner || !isSalesperson(owner)) !== query.orphaned) ids = [];
  }
  if (query.orphaned === false && !query.ownerId) {
    ids = ids.filter((id) => {
      const owner = store.findUser(contact(id).ownerId);
      return owner !== undefined && isSalesperson(owner);
    });
  }
  if (query.search) ids = ids.filter((id) => matches(contact(id).name, query.search));
  return paginate(ids, (id) => id, query, (id) => copyContact(contact(id)));
}

export function listTasks(store: OrganisationStore, query: ListTasksQuery): Page<Task> {
  const source = query.assigneeId
    ? store.taskIdsOf(query.assigneeId)
    : query.transferable
      ? store.transferableTasks()
      : store.tasks.keys();
  const tasks: Task[] = [];
  for (const id of source) {
    const task = store.tasks.get(id)!;
    if (query.state && task.state !== query.state) continue;
    if (query.transferable !== undefined && task.transferable !== query.transferable) continue;
    tasks.push(task);
  }
  return paginate(sortById(tasks), byId, query, copyTask);
}

export function listPhoneNumbers(store: OrganisationStore, query: ListPhoneNumbersQuery): Page<PhoneNumber> {
  const numbers = [...store.phoneNumbers.values()].filter(
    (phoneNumber) => (!query.country || phoneNumber.country === query.country) && (!query.status || phoneNumber.status === query.status),
  );
  return paginate(sortById(numbers), byId, query, copyPhoneNumber);
}

export function listSalesBrains(store: OrganisationStore, query: ListSalesBrainsQuery): Page<SalesBrain> {
  const brains = query.memberId ? [...store.salesBrainsOf(query.memberId)] : [...store.salesBrains.values()];
  return paginate(sortById(brains), byId, query, copySalesBrain);
}

/** R10: newest first; the key is the sequence number counted down so keys still sort ascending. */
export function listAuditLog(store: OrganisationStore, query: ListAuditLogQuery): Page<AuditEntry> {
  const entries: AuditEntry[] = [];
  const source = store.auditOf(query.targetId);
  for (let i = source.length - 1; i >= 0; i--) {
    const entry = source[i]!;
    if (query.actorId && entry.actorId !== query.actorId) continue;
    if (query.action && entry.action !== query.action) continue;
    entries.push(entry);
  }
  const key = (entry: AuditEntry) => String(Number.MAX_SAFE_INTEGER - entry.seq).padStart(16, '0');
  return paginate(entries, key, query, (entry) => entry);
}

export function listHistory(store: OrganisationStore, query: ListHistoryQuery): Page<HistoryRecord> {
  let records = store.historyOf(query);
  if (query.userId && query.contactId) records = records.filter((record) => record.contactId === query.contactId);
  if (query.kind) records = records.filter((record) => record.kind === query.kind);
  return paginate(sortById([...records]), byId, query, (record) => ({ ...record }));
}
