import { isService, type Caller } from '../adapter/context';
import type { UserStatusFilter } from '../adapter/OffboardAdapter';
import type { User } from '../domain/types';
import { OffboardError, forbidden } from '../errors/OffboardError';
import type { Refusal } from './guards';
import type { MemberRead, OffboardPolicy, OffboardReadModel } from './readModel';

/** Every read of the adapter, with what R12 needs to know about it. */
export type ReadRequest =
  | { readonly read: 'users'; readonly status: UserStatusFilter }
  /** One user, once found: an inactive one is admin-only. */
  | { readonly read: 'user'; readonly user: User }
  | { readonly read: 'plan'; readonly userId: string }
  | { readonly read: 'contacts'; readonly ownerId?: string }
  | { readonly read: 'tasks'; readonly assigneeId?: string; readonly transferable?: boolean }
  | { readonly read: 'access' | 'audit-log' | 'history' | 'phone-numbers' | 'sales-brains' | 'seats' | 'scheduled-deactivations' | 'webhooks' };

/** What a caller may see of what it may read. */
export interface ReadAccess {
  /** Whether every user's email is readable: an admin's or a service's view. */
  readonly allEmails: boolean;
  /** R12: other people's emails are admin-only. */
  seesEmailOf(userId: string): boolean;
}

const FULL_ACCESS: ReadAccess = { allEmails: true, seesEmailOf: () => true };

const WIDENED_BY: Partial<Record<ReadRequest['read'], MemberRead>> = {
  'phone-numbers': 'phone-numbers',
  'sales-brains': 'sales-brains',
  seats: 'seats',
};

/**
 * R12, judged from the caller's own user record: admins and service identities read everything;
 * an active member reads active users (names, roles, license badges), their own plan, contacts
 * and tasks, and the tasks waiting for a taker; everything else is `FORBIDDEN` (`admin-only`),
 * unless the organisation's policy widens it. A caller who is not an active user of the
 * organisation reads nothing.
 */
export function readRefusalOf(actor: User | undefined, caller: Caller, policy: OffboardPolicy, request: ReadRequest): Refusal {
  if (isService(caller)) return null;
  if (!actor || actor.status !== 'active') return forbidden('actor-inactive', { id: caller.actorId });
  if (actor.role === 'admin') return null;
  const widened = (read: MemberRead) => policy.memberReads.includes(read);
  const self = actor.id;
  const allowed = (() => {
    switch (request.read) {
      case 'users':
        return request.status === 'active' || widened('inactive-users');
      case 'user':
        return request.user.status === 'active' || widened('inactive-users');
      case 'plan':
        return request.userId === self;
      case 'contacts':
        return request.ownerId === self;
      case 'tasks':
        return request.assigneeId === self || (request.assigneeId === undefined && request.transferable === true);
      default: {
        const widener = WIDENED_BY[request.read];
        return widener !== undefined && widened(widener);
      }
    }
  })();
  return allowed ? null : forbidden('admin-only', { read: request.read });
}

/** What `readRefusalOf` allows a caller to see of users' emails. */
export function readAccessOf(actor: User | undefined, caller: Caller, policy: OffboardPolicy): ReadAccess {
  if (isService(caller) || actor?.role === 'admin' || policy.memberReads.includes('emails')) return FULL_ACCESS;
  return { allEmails: false, seesEmailOf: (userId) => userId === caller.actorId };
}

/** R12 on a backend: refuses the read, or says what of it the caller sees. */
export async function authorizeRead(model: OffboardReadModel, caller: Caller, request: ReadRequest): Promise<ReadAccess> {
  if (isService(caller)) return FULL_ACCESS;
  const actor = await model.findUser(caller.actorId);
  const refusal = readRefusalOf(actor, caller, model.policy, request);
  if (refusal) throw refusal;
  return readAccessOf(actor, caller, model.policy);
}

/** A user as a caller may see it (R12): the email only where `access` allows. */
export function visibleUser(user: User, access: ReadAccess): User {
  return access.seesEmailOf(user.id) ? user : { ...user, email: null };
}

/**
 * One user by id for a caller: a caller who may read no user learns nothing, not even whether the
 * id exists; then `NOT_FOUND`, then R12 on the user found (an inactive one is admin-only).
 */
export async function readUser(model: OffboardReadModel, caller: Caller, userId: string): Promise<User> {
  await authorizeRead(model, caller, { read: 'users', status: 'active' });
  const user = await model.findUser(userId);
  if (!user) throw new OffboardError('NOT_FOUND', { entity: 'user', id: userId });
  return visibleUser(user, await authorizeRead(model, caller, { read: 'user', user }));
}
