import type * as v from 'valibot';
import type {
  MutationContext,
  MutationName,
  OffboardAdapter,
  ReassignContactsResult,
  TaskChange,
  TransferTasksResult,
  UserChange,
} from '../adapter/OffboardAdapter';
import {
  AssignLicenseInputSchema,
  IdSchema,
  ListAuditLogQuerySchema,
  ListContactsQuerySchema,
  ListHistoryQuerySchema,
  ListPhoneNumbersQuerySchema,
  ListSalesBrainsQuerySchema,
  ListTasksQuerySchema,
  ListUsersQuerySchema,
  MutationContextSchema,
  PlanQuerySchema,
  ReassignContactsInputSchema,
  TransferTasksInputSchema,
} from '../contract/schemas';
import { validate } from '../contract/validate';
import { isSalesperson, type AuditEntry, type Contact, type OffboardData, type User } from '../domain/types';
import { OffboardError } from '../errors/OffboardError';
import {
  assignLicenseRefusal,
  deactivateLicenseRefusal,
  deactivatePhoneNumberRefusal,
  deactivateUserRefusal,
  reactivateUserRefusal,
  reassignContactsRefusal,
  takeTaskRefusal,
  transferTasksRefusal,
  type Refusal,
} from '../rules/guards';
import { planOffboarding } from '../rules/plan';
import { DEFAULT_POLICY, type OffboardPolicy, type OffboardReadModel } from '../rules/readModel';
import {
  applyContactReassignment,
  applyLicenseAssignment,
  applyLicenseDeactivation,
  applyTaskHandover,
  applyUserDeactivation,
} from './applyChanges';
import { copyContact, copyPhoneNumber, copySalesBrain, copySession, copyTask, copyUser } from './copies';
import { fingerprint } from '../contract/fingerprint';
import { IdempotencyRegistry } from './idempotency';
import { OrganisationStore, compareKeys } from './organisationStore';
import * as queries from './queries';
import { Transaction, deepFreeze } from './transaction';

export interface InMemoryBackendOptions {
  /** The organisation to start from; it is copied, never edited. */
  readonly data: OffboardData;
  readonly policy?: Partial<OffboardPolicy>;
  /** Time for audit entries and ended sessions. @default () => new Date() */
  readonly clock?: () => Date;
}

export interface InMemoryBackend extends OffboardAdapter {
  /** A deep copy of every record and the audit log, sorted by id: what tests compare. */
  snapshot(): OffboardData;
  /** The indexes the rules read, for hosts and tests that call the guards directly. */
  readonly readModel: OffboardReadModel;
}

function refuse(refusal: Refusal): void {
  if (refusal) throw refusal;
}

/**
 * The reference backend: every rule R1–R11 enforced over indexed in-memory records. Each
 * mutation validates, replays a known idempotency key, runs its guard, then writes inside a
 * transaction that ends with exactly one audit entry; any failure rolls every write back.
 * It answers at once (no artificial delay), which keeps tests fast; the MSW mocks add latency.
 */
export function createInMemoryBackend(options: InMemoryBackendOptions): InMemoryBackend {
  const policy: OffboardPolicy = { ...DEFAULT_POLICY, ...options.policy };
  const store = new OrganisationStore(structuredClone(options.data), policy);
  const clock = options.clock ?? (() => new Date());
  const idempotency = new IdempotencyRegistry();

  const id = (value: unknown, field: string) => validate(IdSchema, value, field);
  const contextOf = (context: unknown) => validate(MutationContextSchema, context, 'context');
  const query = <S extends v.GenericSchema>(schema: S, value: unknown): v.InferOutput<S> => validate(schema, value ?? {}, 'query');

  /** The frame every mutation runs in: replay, guard and writes, audit, rollback on any failure. */
  function mutate<T>(
    operation: MutationName,
    target: string,
    input: unknown,
    context: MutationContext,
    run: (tx: Transaction) => T,
  ): Promise<T> {
    // Only a keyed request needs its fingerprint; a 100k-id reassignment without a key skips it.
    const request = context.idempotencyKey === undefined ? '' : fingerprint({ operation, target, input, actorId: context.actorId, expectedVersion: context.expectedVersion });
    const replayed = idempotency.replay(context.idempotencyKey, request);
    if (replayed !== undefined) return Promise.resolve(replayed as T);
    const tx = new Transaction(store, clock);
    let result: T;
    try {
      result = deepFreeze(run(tx));
    } catch (error) {
      tx.rollback();
      throw error;
    }
    store.settle();
    idempotency.remember(context.idempotencyKey, request, result);
    return Promise.resolve(result);
  }

  const userChange = (user: User, audit: AuditEntry): UserChange => ({ user: copyUser(user), audit });

  /** Turns synchronous throws into rejections, so every method fails the same asynchronous way. */
  const safely =
    <A extends unknown[], R>(method: (...args: A) => R | Promise<R>) =>
    async (...args: A): Promise<R> =>
      method(...args);

  const backend: InMemoryBackend = {
    readModel: store,

    listUsers: safely((q) => queries.listUsers(store, query(ListUsersQuerySchema, q))),
    getUser: safely((userId) => {
      const user = store.findUser(id(userId, 'userId'));
      if (!user) throw new OffboardError('NOT_FOUND', { entity: 'user', id: userId });
      return copyUser(user);
    }),
    getOffboardingPlan: safely((userId, planQuery) => {
      const { actorId, scenario } = validate(PlanQuerySchema, planQuery, 'query');
      const plan = planOffboarding(store, id(userId, 'userId'), actorId, scenario);
      return { ...plan, user: copyUser(plan.user) };
    }),

    deactivateLicense: safely((userId, context) => {
      const ctx = contextOf(context);
      return mutate('deactivateLicense', id(userId, 'userId'), null, ctx, (tx) => {
        refuse(deactivateLicenseRefusal(store, ctx.actorId, userId, ctx.expectedVersion));
        const user = store.findUser(userId)!;
        const effects = applyLicenseDeactivation(store, tx, user);
        const next: User = { ...user, license: { ...user.license!, status: 'inactive' }, version: user.version + 1 };
        tx.put('user', next);
        return userChange(next, tx.writeAudit(ctx.actorId, 'license.deactivated', { type: 'user', id: userId }, effects));
      });
    }),

    assignLicense: safely((userId, input, context) => {
      const ctx = contextOf(context);
      const { country } = validate(AssignLicenseInputSchema, input, 'input');
      return mutate('assignLicense', id(userId, 'userId'), { country }, ctx, (tx) => {
        refuse(assignLicenseRefusal(store, ctx.actorId, userId, ctx.expectedVersion));
        const { user, effects } = applyLicenseAssignment(store, tx, store.findUser(userId)!, country);
        return userChange(user, tx.writeAudit(ctx.actorId, 'license.assigned', { type: 'user', id: userId }, effects));
      });
    }),

    deactivateUser: safely((userId, context) => {
      const ctx = contextOf(context);
      return mutate('deactivateUser', id(userId, 'userId'), null, ctx, (tx) => {
        refuse(deactivateUserRefusal(store, ctx.actorId, userId, ctx.expectedVersion));
        const { user, effects } = applyUserDeactivation(store, tx, store.findUser(userId)!, clock().toISOString());
        return userChange(user, tx.writeAudit(ctx.actorId, 'user.deactivated', { type: 'user', id: userId }, effects));
      });
    }),

    reactivateUser: safely((userId, context) => {
      const ctx = contextOf(context);
      return mutate('reactivateUser', id(userId, 'userId'), null, ctx, (tx) => {
        refuse(reactivateUserRefusal(store, ctx.actorId, userId, ctx.expectedVersion));
        const user = store.findUser(userId)!;
        const next: User = { ...user, status: 'active', version: user.version + 1 };
        tx.put('user', next);
        return userChange(next, tx.writeAudit(ctx.actorId, 'user.reactivated', { type: 'user', id: userId }, { signInRestored: true }));
      });
    }),

    deleteUser: safely((userId, context) => {
      id(userId, 'userId');
      contextOf(context);
      throw new OffboardError('DELETION_NOT_SUPPORTED', { entity: 'user', id: userId });
    }),

    listContacts: safely((q) => queries.listContacts(store, query(ListContactsQuerySchema, q))),

    reassignContacts: safely((input, context): Promise<ReassignContactsResult> => {
      const ctx = contextOf(context);
      const request = validate(ReassignContactsInputSchema, input, 'input');
      return mutate('reassignContacts', request.fromOwnerId, request, ctx, (tx) => {
        const { fromOwnerId, toUserIds } = request;
        refuse(reassignContactsRefusal(store, ctx.actorId, fromOwnerId, toUserIds, request.contactIds, request.exceptContactIds));
        const contacts = selectContacts(store, request);
        if (contacts.length === 0) {
          throw new OffboardError('VALIDATION_FAILED', { field: 'input.contactIds' }, 'input selects no contact to reassign');
        }
        const moved = applyContactReassignment(tx, contacts, toUserIds);
        const audit = tx.writeAudit(ctx.actorId, 'contacts.reassigned', { type: 'user', id: fromOwnerId }, { contactsMoved: moved });
        const counts = Object.fromEntries(Object.entries(moved).map(([userId, ids]) => [userId, ids.length]));
        return { moved: counts, total: contacts.length, audit };
      });
    }),

    listTasks: safely((q) => queries.listTasks(store, query(ListTasksQuerySchema, q))),

    takeTask: safely((taskId, context): Promise<TaskChange> => {
      const ctx = contextOf(context);
      return mutate('takeTask', id(taskId, 'taskId'), null, ctx, (tx) => {
        refuse(takeTaskRefusal(store, ctx.actorId, taskId, ctx.expectedVersion));
        const task = store.findTask(taskId)!;
        const next = applyTaskHandover(tx, task, ctx.actorId);
        const effects = { tasksMoved: { fromUserId: task.assigneeId, toUserId: ctx.actorId, taskIds: [taskId] } };
        return { task: copyTask(next), audit: tx.writeAudit(ctx.actorId, 'task.taken', { type: 'task', id: taskId }, effects) };
      });
    }),

    transferTasks: safely((input, context): Promise<TransferTasksResult> => {
      const ctx = contextOf(context);
      const request = validate(TransferTasksInputSchema, input, 'input');
      return mutate('transferTasks', request.fromUserId, request, ctx, (tx) => {
        const { fromUserId, toUserId } = request;
        const taskIds = request.taskIds ?? store.openTasks(fromUserId).map((task) => task.id).sort(compareKeys);
        refuse(transferTasksRefusal(store, ctx.actorId, fromUserId, toUserId, taskIds));
        if (taskIds.length === 0) throw new OffboardError('VALIDATION_FAILED', { field: 'input.taskIds' }, 'input selects no open task to transfer');
        for (const taskId of taskIds) applyTaskHandover(tx, store.findTask(taskId)!, toUserId);
        const effects = { tasksMoved: { fromUserId, toUserId, taskIds } };
        return { taskIds, toUserId, audit: tx.writeAudit(ctx.actorId, 'tasks.transferred', { type: 'user', id: fromUserId }, effects) };
      });
    }),

    listPhoneNumbers: safely((q) => queries.listPhoneNumbers(store, query(ListPhoneNumbersQuerySchema, q))),

    deactivatePhoneNumber: safely((phoneNumberId, context) => {
      const ctx = contextOf(context);
      return mutate('deactivatePhoneNumber', id(phoneNumberId, 'phoneNumberId'), null, ctx, (tx) => {
        refuse(deactivatePhoneNumberRefusal(store, ctx.actorId, phoneNumberId, ctx.expectedVersion));
        const phoneNumber = store.findPhoneNumber(phoneNumberId)!;
        const next = { ...phoneNumber, status: 'inactive' as const, version: phoneNumber.version + 1 };
        tx.put('phoneNumber', next);
        const audit = tx.writeAudit(ctx.actorId, 'phoneNumber.deactivated', { type: 'phoneNumber', id: phoneNumberId }, {});
        return { phoneNumber: copyPhoneNumber(next), audit };
      });
    }),

    listSalesBrains: safely((q) => queries.listSalesBrains(store, query(ListSalesBrainsQuerySchema, q))),
    getSeatUsage: safely(() => store.seatUsage()),
    listAuditLog: safely((q) => queries.listAuditLog(store, query(ListAuditLogQuerySchema, q))),
    listHistory: safely((q) => queries.listHistory(store, query(ListHistoryQuerySchema, q))),

    getAccess: safely((userId) => {
      const user = store.findUser(id(userId, 'userId'));
      if (!user) throw new OffboardError('NOT_FOUND', { entity: 'user', id: userId });
      return {
        userId,
        canSignIn: user.status === 'active',
        commercialFeatures: isSalesperson(user),
        reports: user.status === 'active',
        openSessions: store.openSessionCount(userId),
      };
    }),

    snapshot(): OffboardData {
      const sorted = <T extends { readonly id: string }>(records: Iterable<T>, copy: (record: T) => T) =>
        [...records].sort((a, b) => compareKeys(a.id, b.id)).map(copy);
      return {
        seats: { total: store.seatsTotal },
        users: sorted(store.users.values(), copyUser),
        contacts: sorted(store.contacts.values(), copyContact),
        tasks: sorted(store.tasks.values(), copyTask),
        salesBrains: sorted(store.salesBrains.values(), copySalesBrain),
        phoneNumbers: sorted(store.phoneNumbers.values(), copyPhoneNumber),
        history: sorted(store.history, (record) => ({ ...record })),
        sessions: sorted(store.sessions.values(), copySession),
        auditLog: structuredClone(store.auditLog),
      };
    },
  };
  return backend;
}

/**
 * R5: the contacts a reassignment moves: a listed selection in the order given, or all of the
 * owner's but some, in the owner's index order (no sort, so moving 100k contacts stays linear).
 */
function selectContacts(
  store: OrganisationStore,
  request: { readonly fromOwnerId: string; readonly contactIds?: readonly string[]; readonly exceptContactIds?: readonly string[] },
): Contact[] {
  if (request.contactIds) return request.contactIds.map((contactId) => store.findContact(contactId)!);
  const except = new Set(request.exceptContactIds ?? []);
  const contacts: Contact[] = [];
  for (const contactId of store.contactIdsOf(request.fromOwnerId)) {
    if (!except.has(contactId)) contacts.push(store.findContact(contactId)!);
  }
  return contacts;
}
