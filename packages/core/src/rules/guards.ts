import { hasActiveLicense, isSalesperson, type PhoneNumber, type Task, type User } from '../domain/types';
import { LAST_LICENSE_IN_COUNTRY_MESSAGE, OffboardError } from '../errors/OffboardError';
import type { OffboardReadModel } from './readModel';

/**
 * Each guard answers "may this happen now?" with `null` or the refusal the backend throws.
 * The backend, the plan (R8) and the machines call the same functions, so the UI shows a
 * blocker before anyone clicks and the backend refuses the same thing with the same code.
 */
export type Refusal = OffboardError | null;

/** R4: the user holds the last active license of a country that still has active numbers. */
export function isLastLicenseInCountry(model: OffboardReadModel, user: User): boolean {
  return lastLicenseBlockingNumbers(model, user).length > 0;
}

/** The active numbers that make R4 refuse removing this user's license; empty when it does not. */
export function lastLicenseBlockingNumbers(model: OffboardReadModel, user: User): readonly PhoneNumber[] {
  if (!user.license || !hasActiveLicense(user)) return [];
  if (model.activeLicenseCount(user.license.country) > 1) return [];
  return model.activePhoneNumbers(user.license.country);
}

/** R9: the user is the only active admin left. */
export function isLastActiveAdmin(model: OffboardReadModel, user: User): boolean {
  return user.role === 'admin' && user.status === 'active' && model.activeAdminCount() <= 1;
}

/** R5: contacts and tasks may only go to a salesperson who is not their current owner. */
export function reassignTargetRefusal(model: OffboardReadModel, targetId: string, currentOwnerId: string): Refusal {
  const target = model.findUser(targetId);
  if (!target) return new OffboardError('NOT_FOUND', { entity: 'user', id: targetId });
  if (targetId === currentOwnerId) return new OffboardError('INVALID_REASSIGN_TARGET', { id: targetId, reason: 'current-owner' });
  if (target.status !== 'active') return new OffboardError('INVALID_REASSIGN_TARGET', { id: targetId, reason: 'inactive' });
  if (!isSalesperson(target)) return new OffboardError('INVALID_REASSIGN_TARGET', { id: targetId, reason: 'unlicensed' });
  return null;
}

export function isEligibleReassignTarget(model: OffboardReadModel, targetId: string, currentOwnerId: string): boolean {
  return reassignTargetRefusal(model, targetId, currentOwnerId) === null;
}

/**
 * R9: only an active admin (or a service identity of the policy) acts on users, and nobody
 * deactivates themselves. `deactivates` marks the two deactivations.
 */
export function actorRefusal(model: OffboardReadModel, actorId: string, targetUserId: string | null, deactivates = false): Refusal {
  if (model.policy.serviceActorIds.includes(actorId)) return null;
  const actor = model.findUser(actorId);
  if (!actor || actor.status !== 'active') return new OffboardError('FORBIDDEN', { id: actorId, reason: 'actor-not-active' });
  if (deactivates && actorId === targetUserId) return new OffboardError('CANNOT_DEACTIVATE_SELF', { id: actorId });
  if (actor.role !== 'admin') return new OffboardError('FORBIDDEN', { id: actorId, reason: 'not-admin' });
  return null;
}

/** R11: the caller saw an older version of the record than the one stored. */
export function versionRefusal(
  entity: 'user' | 'task' | 'phoneNumber',
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

/** R4 as a refusal, naming the numbers to deactivate first. */
export function lastLicenseRefusal(model: OffboardReadModel, user: User): Refusal {
  const numbers = lastLicenseBlockingNumbers(model, user);
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

function userOrRefusal(model: OffboardReadModel, userId: string): User | OffboardError {
  return model.findUser(userId) ?? new OffboardError('NOT_FOUND', { entity: 'user', id: userId });
}

/** The order of checks is part of the contract: existence, actor, version, then state. */
function firstRefusal(...checks: (() => Refusal)[]): Refusal {
  for (const check of checks) {
    const refusal = check();
    if (refusal) return refusal;
  }
  return null;
}

/** R2 with R4 and R9. */
export function deactivateLicenseRefusal(model: OffboardReadModel, actorId: string, userId: string, expectedVersion?: number): Refusal {
  const user = userOrRefusal(model, userId);
  if (user instanceof OffboardError) return user;
  return firstRefusal(
    () => actorRefusal(model, actorId, userId, true),
    () => versionRefusal('user', user, expectedVersion),
    () => (hasActiveLicense(user) ? null : new OffboardError('NO_LICENSE', { id: userId })),
    () => lastLicenseRefusal(model, user),
  );
}

/** R3 with R4, R5's policy and R9. */
export function deactivateUserRefusal(model: OffboardReadModel, actorId: string, userId: string, expectedVersion?: number): Refusal {
  const user = userOrRefusal(model, userId);
  if (user instanceof OffboardError) return user;
  return firstRefusal(
    () => actorRefusal(model, actorId, userId, true),
    () => versionRefusal('user', user, expectedVersion),
    () => (user.status === 'inactive' ? new OffboardError('ALREADY_INACTIVE', { entity: 'user', id: userId }) : null),
    () => (isLastActiveAdmin(model, user) ? new OffboardError('LAST_ADMIN', { id: userId }) : null),
    () => lastLicenseRefusal(model, user),
    () => {
      const contacts = model.policy.requireContactReassignment ? model.contactCount(userId) : 0;
      return contacts > 0 ? new OffboardError('CONTACTS_ASSIGNED', { id: userId, contacts }) : null;
    },
  );
}

/** R7 */
export function reactivateUserRefusal(model: OffboardReadModel, actorId: string, userId: string, expectedVersion?: number): Refusal {
  const user = userOrRefusal(model, userId);
  if (user instanceof OffboardError) return user;
  return firstRefusal(
    () => actorRefusal(model, actorId, userId),
    () => versionRefusal('user', user, expectedVersion),
    () => (user.status === 'active' ? new OffboardError('ALREADY_ACTIVE', { id: userId }) : null),
  );
}

/** R7: a license needs an active user and a free seat. */
export function assignLicenseRefusal(model: OffboardReadModel, actorId: string, userId: string, expectedVersion?: number): Refusal {
  const user = userOrRefusal(model, userId);
  if (user instanceof OffboardError) return user;
  return firstRefusal(
    () => actorRefusal(model, actorId, userId),
    () => versionRefusal('user', user, expectedVersion),
    () => (user.status === 'inactive' ? new OffboardError('USER_INACTIVE', { id: userId }) : null),
    () => (hasActiveLicense(user) ? new OffboardError('LICENSE_ALREADY_ACTIVE', { id: userId }) : null),
    () => {
      const seats = model.seatUsage();
      return seats.available > 0 ? null : new OffboardError('NO_SEATS_AVAILABLE', { seats: { total: seats.total, used: seats.used } });
    },
  );
}

/**
 * R5: who may reassign an owner's contacts, and to whom. Listed contacts must exist and still
 * belong to `fromOwnerId`: one that moved since the caller looked means its view is stale.
 * Excluded contacts need only exist; leaving out one that already moved is harmless.
 */
export function reassignContactsRefusal(
  model: OffboardReadModel,
  actorId: string,
  fromOwnerId: string,
  toUserIds: readonly string[],
  contactIds: readonly string[] = [],
  exceptContactIds: readonly string[] = [],
): Refusal {
  const owner = userOrRefusal(model, fromOwnerId);
  if (owner instanceof OffboardError) return owner;
  return firstRefusal(
    () => actorRefusal(model, actorId, fromOwnerId),
    ...toUserIds.map((targetId) => () => reassignTargetRefusal(model, targetId, fromOwnerId)),
    () => {
      const unknown = [...contactIds, ...exceptContactIds].filter((id) => !model.findContact(id));
      return unknown.length ? new OffboardError('NOT_FOUND', { entity: 'contact', ids: unknown }) : null;
    },
    () => {
      const moved = contactIds.filter((id) => model.findContact(id)?.ownerId !== fromOwnerId);
      return moved.length ? new OffboardError('VERSION_CONFLICT', { entity: 'contact', ids: moved }) : null;
    },
  );
}

/** R6: another salesperson takes a transferable task. */
export function takeTaskRefusal(model: OffboardReadModel, actorId: string, taskId: string, expectedVersion?: number): Refusal {
  const task = model.findTask(taskId);
  if (!task) return new OffboardError('NOT_FOUND', { entity: 'task', id: taskId });
  const actor = model.findUser(actorId);
  return firstRefusal(
    () => (actor && isSalesperson(actor) ? null : new OffboardError('FORBIDDEN', { id: actorId, reason: 'not-salesperson' })),
    () => versionRefusal('task', task, expectedVersion),
    () => (isTakeable(task) ? null : new OffboardError('TASK_NOT_TRANSFERABLE', { id: taskId, state: task.state })),
    () => (task.assigneeId === actorId ? new OffboardError('INVALID_REASSIGN_TARGET', { id: actorId, reason: 'current-owner' }) : null),
  );
}

export function isTakeable(task: Task): boolean {
  return task.state === 'created' && task.transferable;
}

/**
 * R8 step 2: an admin hands a user's open tasks to a salesperson. Completed tasks stay in
 * history where they are; a task no longer assigned to `fromUserId` means the caller's view is stale.
 */
export function transferTasksRefusal(
  model: OffboardReadModel,
  actorId: string,
  fromUserId: string,
  toUserId: string,
  taskIds: readonly string[],
): Refusal {
  const from = userOrRefusal(model, fromUserId);
  if (from instanceof OffboardError) return from;
  return firstRefusal(
    () => actorRefusal(model, actorId, fromUserId),
    () => reassignTargetRefusal(model, toUserId, fromUserId),
    () => {
      const unknown = taskIds.filter((id) => !model.findTask(id));
      return unknown.length ? new OffboardError('NOT_FOUND', { entity: 'task', ids: unknown }) : null;
    },
    () => {
      const moved = taskIds.filter((id) => model.findTask(id)?.assigneeId !== fromUserId);
      return moved.length ? new OffboardError('VERSION_CONFLICT', { entity: 'task', ids: moved }) : null;
    },
    () => {
      const closed = taskIds.filter((id) => model.findTask(id)?.state !== 'created');
      return closed.length ? new OffboardError('TASK_NOT_TRANSFERABLE', { ids: closed, state: 'completed' }) : null;
    },
  );
}

/** R8 step 3: the way out of R4. */
export function deactivatePhoneNumberRefusal(model: OffboardReadModel, actorId: string, phoneNumberId: string, expectedVersion?: number): Refusal {
  const phoneNumber = model.findPhoneNumber(phoneNumberId);
  if (!phoneNumber) return new OffboardError('NOT_FOUND', { entity: 'phoneNumber', id: phoneNumberId });
  return firstRefusal(
    () => actorRefusal(model, actorId, null),
    () => versionRefusal('phoneNumber', phoneNumber, expectedVersion),
    () => (phoneNumber.status === 'inactive' ? new OffboardError('ALREADY_INACTIVE', { entity: 'phoneNumber', id: phoneNumberId }) : null),
  );
}
