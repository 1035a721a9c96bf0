import type { OffboardData } from '../domain/types';
import { copyContact, copyPhoneNumber, copySalesBrain, copySession, copyTask, copyUser } from './copies';
import { compareKeys, type OrganisationStore } from './organisationStore';

/** A deep copy of one organisation's records and audit log, sorted by id: what tests compare. */
export function snapshotOf(store: OrganisationStore): OffboardData {
  const sorted = <T extends { readonly id: string }>(records: Iterable<T>, copy: (record: T) => T) =>
    [...records].sort((a, b) => compareKeys(a.id, b.id)).map(copy);
  return {
    organisationId: store.organisationId,
    seats: { total: store.seatsTotal },
    users: sorted(store.users.values(), (user) => copyUser(user)),
    contacts: sorted(store.contacts.values(), copyContact),
    tasks: sorted(store.tasks.values(), copyTask),
    salesBrains: sorted(store.salesBrains.values(), copySalesBrain),
    phoneNumbers: sorted(store.phoneNumbers.values(), copyPhoneNumber),
    history: sorted(store.history, (record) => ({ ...record })),
    sessions: sorted(store.sessions.values(), copySession),
    auditLog: structuredClone(store.auditLog),
  };
}
