import { isService, type Caller } from '../adapter/context';
import { hasActiveLicense, isSalesperson, type PhoneNumber, type Task, type User } from '../domain/types';
import { LAST_LICENSE_IN_COUNTRY_MESSAGE, OffboardError, forbidden } from '../errors/OffboardError';
import type { OffboardReadModel } from './readModel';

/**
 * Each guard answers "may this happen now?" with `null` or the refusal the backend throws.
 * The backend, the plan (R8) and the machines call the same functions, so the UI shows a
 * blocker before anyone clicks and the backend refuses the same thing with the same code.
 * Guards only read, through the read model, so they run the same in memory and on a database.
 */
export type Refusal = OffboardError | null;

/** R4: the user holds the last active license of a country that still has active numbers. */
export async function isLastLicenseInCountry(model: OffboardReadModel, user: User): Promise<boolean> {
  return (await lastLicenseBlockingNumbers(model, user)).length > 0;
}

/** The active numbers that make R4 refuse removing this user's license; empty when it does not. */
export async function lastLicenseBlockingNumbers(model: OffboardReadModel, user: User): Promise<readonly PhoneNumber[]> {
  if (!user.license || !hasActiveLicense(user)) return [];
  if ((await model.activeLicenseCount(user.license.country)) > 1) return [];
  return model.activePhoneNumbers(user.license.country);
}

/** R9: the user is the only active admin left. */
export async function isLastActiveAdmin(model: OffboardReadModel, user: User): Promise<boolean> {
  return user.role === 'admin' && user.status === 'active' && (await model.activeAdminCount()) <= 1;
}

/** R5: who may receive contacts or tasks from `currentOwnerId`, as data a view can use. */
export function targetRefusalOf(target: User | undefined, targetId: string, currentOwnerId: string): Refusal {
  if (!target) return new OffboardError('NOT_FOUND', { entity: 'user', id: targetId });
  if (targetId === currentOwnerId) return new OffboardError('INVALID_REASSIGN_TARGET', { id: targetId, reason: 'current-owner' });
  if (target.status !== 'active') return new OffboardError('INVALID_REASSIGN_TARGET', { id: targetId, reason: 'inactive' });
  if (!isSalesperson(target)) return new OffboardError('INVALID_REASSIGN_TARGET', { id: targetId, reason: 'unlicensed' });
  return null;
}

/** R5: contacts and tasks may only go to a salesperson who is not their current owner. */
export async function reassignTargetRefusal(model: OffboardReadModel, targetId: string, currentOwnerId: string): Promise<Refusal> {
  return targetRefusalOf(await model.findUser(targetId), targetId, currentOwnerId);
}

export async function isEligibleReassignTarget(model: OffboardReadModel, targetId: string, currentOwnerId: string): Promise<boolean> {
  return (await reassignTargetRefusal(model, targetId, currentOwnerId)) === null;
}

/** What a caller's standing must be for an operation, before anything about its target is looked at. */
export type Standing = 'admin' | 'salesperson' | 'none';

/**
 * R9 and R6 as a caller's standing, judged from the caller's own user record: an active admin
 * (or a service identity) changes users, contacts and numbers; an active salesperson takes tasks.
 * Backends check it first, before an idempotency key is looked up (R13) and before the target is
 * looked for, so a caller without standing learns nothing about keys or ids.
 */
export function standingRefusalOf(actor: User | undefined, caller: Caller, standing: Standing): Refusal {
  if (standing === 'none') return null;
  // A service acts like an admin, and is no salesperson: it takes no task (R6).
  if (isService(caller)) return standing === 'admin' ? null : forbidden('not-salesperson', { id: caller.actorId });
  if (!actor || actor.status !== 'active') return forbidden('actor-inactive', { id: caller.actorId });
  if (standing === 'admin' && actor.role !== 'admin') return forbidden('not-admin', { id: caller.actorId });
  if (standing === 'salesperson' && !isSalesperson(actor)) return forbidden('not-salesperson', { id: caller.actorId });
  return null;
}

export async function standingRefusal(model: OffboardReadModel, caller: Caller, standing: Standing): Promise<Refusal> {
  if (standing === 'none' || isService(caller)) return standingRefusalOf(undefined, caller, standing);
  return standingRefusalOf(await model.findUser(caller.actorId), caller, standing);
}

/** R9: nobody deactivates themselves, neither their license nor their user. */
export function selfRefusal(caller: Caller, targetUserId: string): Refusal {
  return caller.actorId === targetUserId && !isService(caller) ? new OffboardError('CANNOT_DEACTIVATE_SELF', { id: caller.actorId }) : null;
}

/** R11: the caller saw an older version of the record than the one stored. */
export function versionRefusal(
  entity: 'user' | 'task' | 'phoneNumber' | 'schedule',
  record: { readonly id: string; readonly version: number },
  expectedVersion: number | undefined,
): Refusal {
  if (expectedVersion === undefined || expectedVersion === record.version) return null;
  return new OffboardError('VERSION_CONFLICT', {
    entity,
    id: record.id,
    expectedVersion,
    currentVersion: record.version,
  });
}

/** R3: a user already inactive has nothing left to deactivate. */
export function alreadyInactiveRefusal(user: User): Refusal {
  return user.status === 'inactive' ? new OffboardError('ALREADY_INACTIVE', { entity: 'user', id: user.id }) : null;
}

/** R2: no active license, none to take away. */
export function noLicenseRefusal(user: User): Refusal {
  return hasActiveLicense(user) ? null : new OffboardError('NO_LICENSE', { id: user.id });
}

/** R4 as a refusal, naming the numbers to deactivate first. */
export async function lastLicenseRefusal(model: OffboardReadModel, user: User): Promise<Refusal> {
  const numbers = await lastLicenseBlockingNumbers(model, user);
  if (numbers.length === 0) return null;
  return new OffboardError(
    'LAST_LICENSE_IN_COUNTRY',
    {
      id: user.id,
      country: user.license?.country,
      phoneNumbers: numbers.map(({ id, number }) => ({ id, number })),
    },
    LAST_LICENSE_IN_COUNTRY_MESSAGE,
  );
}

async function userOrRefusal(model: OffboardReadModel, userId: string): Promise<User | OffboardError> {
  return (await model.findUser(userId)) ?? new OffboardError('NOT_FOUND', { entity: 'user', id: userId });
}

type Check = () => Refusal | Promise<Refusal>;

/** The order of checks is part of the contract: standing, existence, self, version, then state. */
export async function firstRefusal(...checks: Check[]): Promise<Refusal> {
  for (const check of checks) {
    const refusal = await check();
    if (refusal) return refusal;
  }
  return null;
}

/** The user a guard is about, after the caller's standing; a refusal if either fails. */
export async function subject(model: OffboardReadModel, caller: Caller, userId: string): Promise<User | OffboardError> {
  return (await standingRefusal(model, caller, 'admin')) ?? userOrRefusal(model, userId);
}

/** R2 with R4 and R9. */
export async function deactivateLicenseRefusal(model: OffboardReadModel, caller: Caller, userId: string, expectedVersion?: number): Promise<Refusal> {
  const user = await subject(model, caller, userId);
  if (user instanceof OffboardError) return user;
  return firstRefusal(
    () => selfRefusal(caller, userId),
    () => versionRefusal('user', user, expectedVersion),
    () => noLicenseRefusal(user),
    () => lastLicenseRefusal(model, user),
  );
}

/** R3 with R4, R5's policy and R9. */
export async function deactivateUserRefusal(model: OffboardReadModel, caller: Caller, userId: string, expectedVersion?: number): Promise<Refusal> {
  const user = await subject(model, caller, userId);
  if (user instanceof OffboardError) return user;
  return firstRefusal(
    () => selfRefusal(caller, userId),
    () => versionRefusal('user', user, expectedVersion),
    () => alreadyInactiveRefusal(user),
    async () => ((await isLastActiveAdmin(model, user)) ? new OffboardError('LAST_ADMIN', { id: userId }) : null),
    () => lastLicenseRefusal(model, user),
    async () => {
      const contacts = model.policy.requireContactReassignment ? await model.contactCount(userId) : 0;
      return contacts > 0 ? new OffboardError('CONTACTS_ASSIGNED', { id: userId, contacts }) : null;
    },
  );
}

/** R7 */
export async function reactivateUserRefusal(model: OffboardReadModel, caller: Caller, userId: string, expectedVersion?: number): Promise<Refusal> {
  const user = await subject(model, caller, userId);
  if (user instanceof OffboardError) return user;
  return firstRefusal(
    () => versionRefusal('user', user, expectedVersion),
    () => (user.status === 'active' ? new OffboardError('ALREADY_ACTIVE', { id: userId }) : null),
  );
}

/** R7: a license needs an active user and a free seat. */
export async function assignLicenseRefusal(model: OffboardReadModel, caller: Caller, userId: string, expectedVersion?: number): Promise<Refusal> {
  const user = await subject(model, caller, userId);
  if (user instanceof OffboardError) return user;
  return firstRefusal(
    () => versionRefusal('user', user, expectedVersion),
    () => (user.status === 'inactive' ? new OffboardError('USER_INACTIVE', { id: userId }) : null),
    () => (hasActiveLicense(user) ? new OffboardError('LICENSE_ALREADY_ACTIVE', { id: userId }) : null),
    async () => {
      const seats = await model.seatUsage();
      return seats.available > 0 ? null : new OffboardError('NO_SEATS_AVAILABLE', { seats: { total: seats.total, used: seats.used } });
    },
  );
}

/**
 * R5: who may reassign an owner's contacts, and to whom. Listed contacts must exist and still
 * belong to `fromOwnerId`: one that moved since the caller looked means its view is stale.
 * Excluded contacts need only exist; leaving out one that already moved is harmless.
 */
export async function reassignContactsRefusal(
  model: OffboardReadModel,
  caller: Caller,
  fromOwnerId: string,
  toUserIds: readonly string[],
  contactIds: readonly string[] = [],
  exceptContactIds: readonly string[] = [],
): Promise<Refusal> {
  const owner = await subject(model, caller, fromOwnerId);
  if (owner instanceof OffboardError) return owner;
  const listed = contactIds.length ? await model.contactsNotOwnedBy(fromOwnerId, contactIds) : { unknown: [], moved: [] };
  return firstRefusal(
    ...toUserIds.map((targetId) => () => reassignTargetRefusal(model, targetId, fromOwnerId)),
    async () => {
      const unknown = [...listed.unknown, ...(exceptContactIds.length ? await model.unknownContacts(exceptContactIds) : [])];
      return unknown.length ? new OffboardError('NOT_FOUND', { entity: 'contact', ids: unknown }) : null;
    },
    () => (listed.moved.length ? new OffboardError('VERSION_CONFLICT', { entity: 'contact', ids: listed.moved }) : null),
  );
}

/** R6: a transferable task, open, is taken by a salesperson other than its assignee. */
export function takeTaskRefusalOf(task: Task, actorId: string): Refusal {
  if (!isTakeable(task)) return new OffboardError('TASK_NOT_TRANSFERABLE', { id: task.id, state: task.state });
  if (task.assigneeId === actorId) return new OffboardError('INVALID_REASSIGN_TARGET', { id: actorId, reason: 'current-owner' });
  return null;
}

/** R6: another salesperson takes a transferable task. */
export async function takeTaskRefusal(model: OffboardReadModel, caller: Caller, taskId: string, expectedVersion?: number): Promise<Refusal> {
  const standing = await standingRefusal(model, caller, 'salesperson');
  if (standing) return standing;
  const task = await model.findTask(taskId);
  if (!task) return new OffboardError('NOT_FOUND', { entity: 'task', id: taskId });
  return versionRefusal('task', task, expectedVersion) ?? takeTaskRefusalOf(task, caller.actorId);
}

export function isTakeable(task: Task): boolean {
  return task.state === 'created' && task.transferable;
}

/**
 * R8 step 2: an admin hands a user's open tasks to a salesperson. Completed tasks stay in
 * history where they are; a task no longer assigned to `fromUserId` means the caller's view is stale.
 */
export async function transferTasksRefusal(
  model: OffboardReadModel,
  caller: Caller,
  fromUserId: string,
  toUserId: string,
  taskIds: readonly string[],
): Promise<Refusal> {
  const from = await subject(model, caller, fromUserId);
  if (from instanceof OffboardError) return from;
  const listed = taskIds.length ? await model.tasksNotOpenFor(fromUserId, taskIds) : { unknown: [], moved: [], closed: [] };
  return firstRefusal(
    () => reassignTargetRefusal(model, toUserId, fromUserId),
    () => (listed.unknown.length ? new OffboardError('NOT_FOUND', { entity: 'task', ids: listed.unknown }) : null),
    () => (listed.moved.length ? new OffboardError('VERSION_CONFLICT', { entity: 'task', ids: listed.moved }) : null),
    () => (listed.closed.length ? new OffboardError('TASK_NOT_TRANSFERABLE', { ids: listed.closed, state: 'completed' }) : null),
  );
}

/** R8 step 3: the way out of R4. */
export async function deactivatePhoneNumberRefusal(
  model: OffboardReadModel,
  caller: Caller,
  phoneNumberId: string,
  expectedVersion?: number,
): Promise<Refusal> {
  const standing = await standingRefusal(model, caller, 'admin');
  if (standing) return standing;
  const phoneNumber = await model.findPhoneNumber(phoneNumberId);
  if (!phoneNumber) return new OffboardError('NOT_FOUND', { entity: 'phoneNumber', id: phoneNumberId });
  return firstRefusal(
    () => versionRefusal('phoneNumber', phoneNumber, expectedVersion),
    () => (phoneNumber.status === 'inactive' ? new OffboardError('ALREADY_INACTIVE', { entity: 'phoneNumber', id: phoneNumberId }) : null),
  );
}
