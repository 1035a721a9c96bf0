import {
  TRANSFER_REASON_USER_DEACTIVATED,
  hasActiveLicense,
  type Contact,
  type Effects,
  type Task,
  type User,
} from '../domain/types';
import type { OrganisationStore } from './organisationStore';
import type { Transaction } from './transaction';

/**
 * The writes of each rule, applied inside a transaction after its guard has passed. They cannot
 * refuse; each returns the effects the audit entry records.
 */

/** R2: free the seat, leave every Sales Brain, make open tasks transferable. Contacts stay (R5). */
export function applyLicenseDeactivation(store: OrganisationStore, tx: Transaction, user: User): Effects {
  const open = store.openTasks(user.id).filter((task) => !task.transferable);
  tx.replaceAll('task', open, open.map((task) => ({ ...task, transferable: true, transferReason: TRANSFER_REASON_USER_DEACTIVATED, version: task.version + 1 })));
  const tasksMadeTransferable = open.map((task) => task.id);
  const salesBrainsLeft: string[] = [];
  for (const brain of store.salesBrainsOf(user.id)) {
    tx.put('salesBrain', { ...brain, memberIds: brain.memberIds.filter((id) => id !== user.id) });
    salesBrainsLeft.push(brain.id);
  }
  return {
    licenseDeactivated: { country: user.license!.country },
    seatFreed: true,
    salesBrainsLeft,
    tasksMadeTransferable,
    contactsOrphaned: store.contactCount(user.id),
  };
}

/** R3: sign-in ends with every open session, and an active license goes with all of R2 at once. */
export function applyUserDeactivation(store: OrganisationStore, tx: Transaction, user: User, at: string): { user: User; effects: Effects } {
  const licensed = hasActiveLicense(user);
  const licenseEffects = licensed ? applyLicenseDeactivation(store, tx, user) : {};
  const sessions = store.openSessionsOf(user.id);
  for (const session of sessions) tx.put('session', { ...session, endedAt: at });
  const next: User = {
    ...user,
    status: 'inactive',
    license: licensed ? { ...user.license!, status: 'inactive' } : user.license,
    version: user.version + 1,
  };
  tx.put('user', next);
  return { user: next, effects: { ...licenseEffects, signInRevoked: true, sessionsEnded: sessions.length } };
}

/** R7: a new license takes a seat, and the user's own tasks that nobody took are theirs again. */
export function applyLicenseAssignment(store: OrganisationStore, tx: Transaction, user: User, country: string): { user: User; effects: Effects } {
  const waiting = store.openTasks(user.id).filter((task) => task.transferable);
  tx.replaceAll('task', waiting, waiting.map((task) => ({ ...task, transferable: false, transferReason: null, version: task.version + 1 })));
  const tasksNoLongerTransferable = waiting.map((task) => task.id);
  const next: User = { ...user, license: { country, status: 'active' }, version: user.version + 1 };
  tx.put('user', next);
  return { user: next, effects: { licenseAssigned: { country }, seatUsed: true, tasksNoLongerTransferable } };
}

/** R5: contacts dealt round-robin over the targets, so a split is even to within one. */
export function applyContactReassignment(
  tx: Transaction,
  contacts: readonly Contact[],
  toUserIds: readonly string[],
): { toUserId: string; contactIds: string[] }[] {
  // A list, not an object keyed by user id: ids such as `__proto__` stay data.
  const moved = toUserIds.map((toUserId) => ({ toUserId, contactIds: [] as string[] }));
  const nexts = contacts.map((contact, index) => {
    const slot = moved[index % moved.length]!;
    slot.contactIds.push(contact.id);
    // Field by field, like copyUser: a spread of contacts in mixed shapes takes V8's slow path.
    return { id: contact.id, name: contact.name, ownerId: slot.toUserId, version: contact.version + 1 };
  });
  tx.replaceAll('contact', contacts, nexts);
  return moved;
}

/** R6 and R8 step 2: a task changes hands and is no longer up for grabs. */
export function applyTaskHandover(tx: Transaction, task: Task, toUserId: string): Task {
  const next: Task = { ...task, assigneeId: toUserId, transferable: false, transferReason: null, version: task.version + 1 };
  tx.put('task', next);
  return next;
}
