import type * as v from 'valibot';
import type {
  MutationContext,
  MutationName,
  OffboardAdapter,
  ReadContext,
  ReassignContactsResult,
  TaskChange,
  TransferTasksResult,
  UserChange,
} from '../adapter/OffboardAdapter';
import { fingerprint } from '../contract/fingerprint';
import { checkOrganisationData } from '../contract/organisationData';
import {
  AssignLicenseInputSchema,
  BulkMutationContextSchema,
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
  ReadContextSchema,
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
  standingRefusal,
  takeTaskRefusal,
  transferTasksRefusal,
  type Refusal,
  type Standing,
} from '../rules/guards';
import { planOffboarding } from '../rules/plan';
import { authorizeRead, readUser, type ReadRequest } from '../rules/readAccess';
import { DEFAULT_POLICY, type OffboardPolicy, type OffboardReadModel } from '../rules/readModel';
import {
  applyContactReassignment,
  applyLicenseAssignment,
  applyLicenseDeactivation,
  applyTaskHandover,
  applyUserDeactivation,
} from './applyChanges';
import { copyContact, copyPhoneNumber, copySalesBrain, copySession, copyTask, copyUser } from './copies';
import { IdempotencyRegistry, type IdempotencyOptions } from './idempotency';
import { OrganisationStore, compareKeys } from './organisationStore';
import * as queries from './queries';
import { SerialQueue } from './serialized';
import { Transaction, deepFreeze } from './transaction';

export interface InMemoryBackendOptions {
  /** The organisation, or organisations (R13), to start from; copied and checked, never edited. */
  readonly data: OffboardData | readonly OffboardData[];
  readonly policy?: Partial<OffboardPolicy>;
  /** Time for audit entries, ended sessions and key expiry. @default () => new Date() */
  readonly clock?: () => Date;
  /** R11: how long idempotency keys replay, and how many each organisation keeps. */
  readonly idempotency?: IdempotencyOptions;
}

export interface InMemoryBackend extends OffboardAdapter {
  /** A deep copy of one organisation's records and audit log, sorted by id: what tests compare. @default the first organisation */
  snapshot(organisationId?: string): OffboardData;
  /** The indexes the rules read, for hosts and tests that call the guards directly. @default the first organisation */
  readModel(organisationId?: string): OffboardReadModel;
}

/** One organisation's records, its idempotency keys and the queue its changes wait in. */
interface Tenant {
  readonly store: OrganisationStore;
  readonly idempotency: IdempotencyRegistry;
  readonly changes: SerialQueue;
}

function refuse(refusal: Refusal): void {
  if (refusal) throw refusal;
}

/**
 * The reference backend: every rule enforced over indexed in-memory records, for one or many
 * organisations. Each mutation validates, checks the caller's standing, replays a known
 * idempotency key, runs its guard, then writes inside a transaction that ends with exactly one
 * audit entry; any failure rolls every write back. Each read is authorised for its caller (R12)
 * and scoped to the caller's organisation (R13). It answers at once (no artificial delay), which
 * keeps tests fast; the MSW mocks add latency.
 */
export function createInMemoryBackend(options: InMemoryBackendOptions): InMemoryBackend {
  const policy: OffboardPolicy = { ...DEFAULT_POLICY, ...options.policy };
  const clock = options.clock ?? (() => new Date());
  const tenants = new Map<string, Tenant>();
  for (const data of Array.isArray(options.data) ? (options.data as readonly OffboardData[]) : [options.data as OffboardData]) {
    if (tenants.has(data.organisationId)) {
      throw new OffboardError('VALIDATION_FAILED', { field: 'data', id: data.organisationId }, `data holds organisation ${data.organisationId} twice`);
    }
    tenants.set(data.organisationId, {
      store: new OrganisationStore(structuredClone(checkOrganisationData(data)), policy),
      idempotency: new IdempotencyRegistry(() => clock().getTime(), options.idempotency),
      changes: new SerialQueue(),
    });
  }
  const first = tenants.keys().next().value as string;
  const tenantOf = (organisationId: string = first): Tenant => {
    const tenant = tenants.get(organisationId);
    if (!tenant) throw new OffboardError('NOT_FOUND', { entity: 'organisation', id: organisationId });
    return tenant;
  };

  const id = (value: unknown, field: string) => validate(IdSchema, value, field);
  const query = <S extends v.GenericSchema>(schema: S, value: unknown): v.InferOutput<S> => validate(schema, value ?? {}, 'query');

  /** A read: the caller's organisation, R12 for the request, then `run` with what the caller may see. */
  async function read<T>(context: unknown, request: ReadRequest | null, run: (store: OrganisationStore, caller: ReadContext) => T | Promise<T>) {
    const caller = validate(ReadContextSchema, context, 'context');
    const { store } = tenantOf(caller.organisationId);
    if (request) await authorizeRead(store, caller, request);
    return run(store, caller);
  }

  /**
   * The frame every mutation runs in: the caller's standing before the key is looked up (R13),
   * replay, guard and writes, audit, rollback on any failure. Changes of one organisation queue
   * one after another, so no other change slips in between a guard and its writes.
   */
  function mutate<T>(
    operation: MutationName,
    standing: Standing,
    target: string,
    input: unknown,
    context: MutationContext,
    run: (store: OrganisationStore, tx: Transaction) => Promise<T>,
  ): Promise<T> {
    const tenant = tenantOf(context.organisationId);
    return tenant.changes.run(async () => {
      const { store, idempotency } = tenant;
      refuse(await standingRefusal(store, context, standing));
      // Only a keyed request needs its fingerprint; a 100k-id reassignment without a key skips it.
      const key = context.idempotencyKey;
      const request = key === undefined ? '' : fingerprint({ operation, target, input, expectedVersion: context.expectedVersion });
      const replayed = idempotency.replay(context.actorId, key, request);
      if (replayed !== undefined) return replayed as T;
      const tx = new Transaction(store, clock);
      let result: T;
      try {
        result = deepFreeze(await run(store, tx));
      } catch (error) {
        tx.rollback();
        throw error;
      }
      store.settle();
      idempotency.remember(context.actorId, key, request, result);
      return result;
    });
  }

  const userChange = (user: User, audit: AuditEntry): UserChange => ({ user: copyUser(user), audit });
  const mutation = (context: unknown) => validate(MutationContextSchema, context, 'context');

  /** Turns synchronous throws into rejections, so every method fails the same asynchronous way. */
  const safely =
    <A extends unknown[], R>(method: (...args: A) => R | Promise<R>) =>
    async (...args: A): Promise<R> =>
      method(...args);

  const backend: InMemoryBackend = {
    readModel: (organisationId) => tenantOf(organisationId).store,

    listUsers: safely((q, context) => {
      const listing = query(ListUsersQuerySchema, q);
      return read(context, null, async (store, caller) => {
        const access = await authorizeRead(store, caller, { read: 'users', status: listing.status ?? 'active' });
        return queries.listUsers(store, listing, access, caller.actorId);
      });
    }),
    getUser: safely((userId, context) => {
      const target = id(userId, 'userId');
      return read(context, null, async (store, caller) => copyUser(await readUser(store, caller, target)));
    }),
    getOffboardingPlan: safely((userId, planQuery, context) => {
      const target = id(userId, 'userId');
      const { scenario } = validate(PlanQuerySchema, planQuery ?? {}, 'query');
      return read(context, { read: 'plan', userId: target }, async (store, caller) => {
        const plan = await planOffboarding(store, target, caller, scenario);
        return { ...plan, user: copyUser(plan.user) };
      });
    }),

    deactivateLicense: safely((userId, context) => {
      const ctx = mutation(context);
      return mutate('deactivateLicense', 'admin', id(userId, 'userId'), null, ctx, async (store, tx) => {
        refuse(await deactivateLicenseRefusal(store, ctx, userId, ctx.expectedVersion));
        const user = store.findUser(userId)!;
        const effects = applyLicenseDeactivation(store, tx, user);
        const next: User = { ...user, license: { ...user.license!, status: 'inactive' }, version: user.version + 1 };
        tx.put('user', next);
        return userChange(next, tx.writeAudit(ctx.actorId, 'license.deactivated', { type: 'user', id: userId }, effects));
      });
    }),

    assignLicense: safely((userId, input, context) => {
      const ctx = mutation(context);
      const { country } = validate(AssignLicenseInputSchema, input, 'input');
      return mutate('assignLicense', 'admin', id(userId, 'userId'), { country }, ctx, async (store, tx) => {
        refuse(await assignLicenseRefusal(store, ctx, userId, ctx.expectedVersion));
        const { user, effects } = applyLicenseAssignment(store, tx, store.findUser(userId)!, country);
        return userChange(user, tx.writeAudit(ctx.actorId, 'license.assigned', { type: 'user', id: userId }, effects));
      });
    }),

    deactivateUser: safely((userId, context) => {
      const ctx = mutation(context);
      return mutate('deactivateUser', 'admin', id(userId, 'userId'), null, ctx, async (store, tx) => {
        refuse(await deactivateUserRefusal(store, ctx, userId, ctx.expectedVersion));
        const { user, effects } = applyUserDeactivation(store, tx, store.findUser(userId)!, clock().toISOString());
        return userChange(user, tx.writeAudit(ctx.actorId, 'user.deactivated', { type: 'user', id: userId }, effects));
      });
    }),

    reactivateUser: safely((userId, context) => {
      const ctx = mutation(context);
      return mutate('reactivateUser', 'admin', id(userId, 'userId'), null, ctx, async (store, tx) => {
        refuse(await reactivateUserRefusal(store, ctx, userId, ctx.expectedVersion));
        const user = store.findUser(userId)!;
        const next: User = { ...user, status: 'active', version: user.version + 1 };
        tx.put('user', next);
        return userChange(next, tx.writeAudit(ctx.actorId, 'user.reactivated', { type: 'user', id: userId }, { signInRestored: true }));
      });
    }),

    deleteUser: safely((userId, context) => {
      id(userId, 'userId');
      mutation(context);
      // R1 is refused before anything else is looked at: the caller, the key, the user.
      throw new OffboardError('DELETION_NOT_SUPPORTED', { entity: 'user', id: userId });
    }),

    listContacts: safely((q, context) => {
      const listing = query(ListContactsQuerySchema, q);
      return read(context, { read: 'contacts', ownerId: listing.ownerId }, (store) => queries.listContacts(store, listing));
    }),

    reassignContacts: safely((input, context): Promise<ReassignContactsResult> => {
      const ctx = validate(BulkMutationContextSchema, context, 'context');
      const request = validate(ReassignContactsInputSchema, input, 'input');
      return mutate('reassignContacts', 'admin', request.fromOwnerId, request, ctx, async (store, tx) => {
        const { fromOwnerId, toUserIds } = request;
        refuse(await reassignContactsRefusal(store, ctx, fromOwnerId, toUserIds, request.contactIds, request.exceptContactIds));
        const contacts = selectContacts(store, request);
        if (contacts.length === 0) {
          throw new OffboardError('VALIDATION_FAILED', { field: 'input.contactIds' }, 'input selects no contact to reassign');
        }
        const moved = applyContactReassignment(tx, contacts, toUserIds);
        const audit = tx.writeAudit(ctx.actorId, 'contacts.reassigned', { type: 'user', id: fromOwnerId }, { contactsMoved: moved });
        return { moved: moved.map(({ toUserId, contactIds }) => ({ userId: toUserId, contacts: contactIds.length })), total: contacts.length, audit };
      });
    }),

    listTasks: safely((q, context) => {
      const listing = query(ListTasksQuerySchema, q);
      const request: ReadRequest = { read: 'tasks', assigneeId: listing.assigneeId, transferable: listing.transferable };
      return read(context, request, (store) => queries.listTasks(store, listing));
    }),

    takeTask: safely((taskId, context): Promise<TaskChange> => {
      const ctx = mutation(context);
      return mutate('takeTask', 'salesperson', id(taskId, 'taskId'), null, ctx, async (store, tx) => {
        refuse(await takeTaskRefusal(store, ctx, taskId, ctx.expectedVersion));
        const task = store.findTask(taskId)!;
        const next = applyTaskHandover(tx, task, ctx.actorId);
        const effects = { tasksMoved: { fromUserId: task.assigneeId, toUserId: ctx.actorId, taskIds: [taskId] } };
        return { task: copyTask(next), audit: tx.writeAudit(ctx.actorId, 'task.taken', { type: 'task', id: taskId }, effects) };
      });
    }),

    transferTasks: safely((input, context): Promise<TransferTasksResult> => {
      const ctx = validate(BulkMutationContextSchema, context, 'context');
      const request = validate(TransferTasksInputSchema, input, 'input');
      return mutate('transferTasks', 'admin', request.fromUserId, request, ctx, async (store, tx) => {
        const { fromUserId, toUserId } = request;
        const taskIds = request.taskIds ?? store.openTasks(fromUserId).map((task) => task.id).sort(compareKeys);
        refuse(await transferTasksRefusal(store, ctx, fromUserId, toUserId, taskIds));
        if (taskIds.length === 0) throw new OffboardError('VALIDATION_FAILED', { field: 'input.taskIds' }, 'input selects no open task to transfer');
        for (const taskId of taskIds) applyTaskHandover(tx, store.findTask(taskId)!, toUserId);
        const effects = { tasksMoved: { fromUserId, toUserId, taskIds } };
        return { taskIds, toUserId, audit: tx.writeAudit(ctx.actorId, 'tasks.transferred', { type: 'user', id: fromUserId }, effects) };
      });
    }),

    listPhoneNumbers: safely((q, context) => {
      const listing = query(ListPhoneNumbersQuerySchema, q);
      return read(context, { read: 'phone-numbers' }, (store) => queries.listPhoneNumbers(store, listing));
    }),

    deactivatePhoneNumber: safely((phoneNumberId, context) => {
      const ctx = mutation(context);
      return mutate('deactivatePhoneNumber', 'admin', id(phoneNumberId, 'phoneNumberId'), null, ctx, async (store, tx) => {
        refuse(await deactivatePhoneNumberRefusal(store, ctx, phoneNumberId, ctx.expectedVersion));
        const phoneNumber = store.findPhoneNumber(phoneNumberId)!;
        const next = { ...phoneNumber, status: 'inactive' as const, version: phoneNumber.version + 1 };
        tx.put('phoneNumber', next);
        const audit = tx.writeAudit(ctx.actorId, 'phoneNumber.deactivated', { type: 'phoneNumber', id: phoneNumberId }, {});
        return { phoneNumber: copyPhoneNumber(next), audit };
      });
    }),

    listSalesBrains: safely((q, context) => {
      const listing = query(ListSalesBrainsQuerySchema, q);
      return read(context, { read: 'sales-brains' }, (store) => queries.listSalesBrains(store, listing));
    }),
    getSeatUsage: safely((context) => read(context, { read: 'seats' }, (store) => store.seatUsage())),
    listAuditLog: safely((q, context) => {
      const listing = query(ListAuditLogQuerySchema, q);
      return read(context, { read: 'audit-log' }, (store) => queries.listAuditLog(store, listing));
    }),
    listHistory: safely((q, context) => {
      const listing = query(ListHistoryQuerySchema, q);
      return read(context, { read: 'history' }, (store) => queries.listHistory(store, listing));
    }),

    getAccess: safely((userId, context) => {
      const target = id(userId, 'userId');
      return read(context, { read: 'access' }, (store) => {
        const user = store.findUser(target);
        if (!user) throw new OffboardError('NOT_FOUND', { entity: 'user', id: target });
        return {
          userId: target,
          canSignIn: user.status === 'active',
          commercialFeatures: isSalesperson(user),
          reports: user.status === 'active',
          openSessions: store.openSessionCount(target),
        };
      });
    }),

    snapshot(organisationId?: string): OffboardData {
      const { store } = tenantOf(organisationId);
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
