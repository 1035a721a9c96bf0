import type * as v from 'valibot';
import type { LifecycleBackend } from '../adapter/LifecycleBackend';
import type {
  MutationContext,
  OffboardAdapter,
  ReassignContactsResult,
  TaskChange,
  TransferTasksResult,
  UserChange,
} from '../adapter/OffboardAdapter';
import { splitDeactivationArgs } from '../adapter/deactivationArgs';
import { checkOrganisationData } from '../contract/organisationData';
import {
  AssignLicenseInputSchema,
  BulkMutationContextSchema,
  DeactivationInputSchema,
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
import type { ScheduleScope } from '../domain/schedules';
import { isSalesperson, type AuditEntry, type Contact, type OffboardData, type User } from '../domain/types';
import { OffboardError } from '../errors/OffboardError';
import { EventHub } from '../events/eventHub';
import { eventOf, type LifecycleEvent } from '../events/lifecycleEvent';
import {
  assignLicenseRefusal,
  deactivateLicenseRefusal,
  deactivatePhoneNumberRefusal,
  deactivateUserRefusal,
  reactivateUserRefusal,
  reassignContactsRefusal,
  takeTaskRefusal,
  transferTasksRefusal,
} from '../rules/guards';
import { planOffboarding } from '../rules/plan';
import { authorizeRead, readUser, type ReadRequest } from '../rules/readAccess';
import { DEFAULT_POLICY, type OffboardPolicy, type OffboardReadModel } from '../rules/readModel';
import { reasonRefusal } from '../rules/scheduling';
import { webhookPolicyOf } from '../webhooks/policy';
import type { WebhookOptions } from '../webhooks/types';
import { applyContactReassignment, applyLicenseAssignment, applyTaskHandover } from './applyChanges';
import { copyPhoneNumber, copyTask, copyUser } from './copies';
import { performDeactivation } from './deactivations';
import { createFrame, organisationNotFound, refuse, type Tenant } from './frame';
import { IdempotencyRegistry, type IdempotencyOptions } from './idempotency';
import { OrganisationStore, compareKeys } from './organisationStore';
import * as queries from './queries';
import { inMemorySchedules } from './schedules';
import { SerialQueue } from './serialized';
import { snapshotOf } from './snapshot';
import { WebhookBook, inMemoryWebhooks } from './webhooks';

export interface InMemoryBackendOptions {
  /** The organisation, or organisations (R13), to start from; copied and checked, never edited. */
  readonly data: OffboardData | readonly OffboardData[];
  readonly policy?: Partial<OffboardPolicy>;
  /** Time for audit entries, ended sessions, key expiry, and when schedules are due (R15). @default () => new Date() */
  readonly clock?: () => Date;
  /** R11: how long idempotency keys replay, and how many each organisation keeps. */
  readonly idempotency?: IdempotencyOptions;
  /** R16: how webhooks are sent and retried. */
  readonly webhooks?: WebhookOptions;
  /** Hears what fails outside a caller's request: an event listener that threw (R16). @default nothing */
  readonly onError?: (error: unknown, event: LifecycleEvent) => void;
}

export interface InMemoryBackend extends OffboardAdapter, LifecycleBackend {
  /** A deep copy of one organisation's records and audit log, sorted by id: what tests compare. @default the first organisation */
  snapshot(organisationId?: string): OffboardData;
  /** The indexes the rules read, for hosts and tests that call the guards directly. @default the first organisation */
  readModel(organisationId?: string): OffboardReadModel;
}

type InMemoryTenant = Tenant & { readonly webhooks: WebhookBook };

/**
 * The reference backend: every rule enforced over indexed in-memory records, for one or many
 * organisations. Each mutation validates, checks the caller's standing, replays a known
 * idempotency key, runs its guard, then writes inside a transaction that ends with exactly one
 * audit entry (and one per schedule it settles, R15); any failure rolls every write back. Once a
 * change has committed, each of its entries is announced to subscribers and queued for every
 * webhook endpoint (R16). Each read is authorised for its caller (R12) and scoped to the caller's
 * organisation (R13). It answers at once (no artificial delay), which keeps tests fast; the MSW
 * mocks add latency.
 */
export function createInMemoryBackend(options: InMemoryBackendOptions): InMemoryBackend {
  const policy: OffboardPolicy = { ...DEFAULT_POLICY, ...options.policy };
  const clock = options.clock ?? (() => new Date());
  const tenants = new Map<string, InMemoryTenant>();
  for (const data of Array.isArray(options.data) ? (options.data as readonly OffboardData[]) : [options.data as OffboardData]) {
    if (tenants.has(data.organisationId)) {
      throw new OffboardError('VALIDATION_FAILED', { field: 'data', id: data.organisationId }, `data holds organisation ${data.organisationId} twice`);
    }
    tenants.set(data.organisationId, {
      store: new OrganisationStore(structuredClone(checkOrganisationData(data)), policy),
      idempotency: new IdempotencyRegistry(() => clock().getTime(), options.idempotency),
      changes: new SerialQueue(),
      webhooks: new WebhookBook(),
    });
  }
  const first = tenants.keys().next().value as string;
  const tenantOf = (organisationId: string = first): InMemoryTenant => {
    const tenant = tenants.get(organisationId);
    if (!tenant) throw organisationNotFound(organisationId);
    return tenant;
  };

  const events = new EventHub(options.onError ?? (() => undefined));
  /**
   * R16: announced in commit order, from inside the organisation's queue; listeners are not
   * awaited. Deliveries are due from the change's own instant: nothing here can fail once it has
   * committed.
   */
  const committed = (organisationId: string, entries: readonly AuditEntry[]) => {
    for (const entry of entries) {
      const event = eventOf(organisationId, entry);
      void events.publish(event);
      tenantOf(organisationId).webhooks.enqueue(event, new Date(entry.at));
    }
  };
  const frame = createFrame({ tenantOf, clock, committed });
  const { read, mutate } = frame;
  const schedules = inMemorySchedules(frame, () => tenants.values(), clock);
  const webhooks = inMemoryWebhooks(frame, () => tenants.values(), tenantOf, webhookPolicyOf(options.webhooks), clock);

  const id = (value: unknown, field: string) => validate(IdSchema, value, field);
  const query = <S extends v.GenericSchema>(schema: S, value: unknown): v.InferOutput<S> => validate(schema, value ?? {}, 'query');
  const mutation = (context: unknown) => validate(MutationContextSchema, context, 'context');

  /** R2, R3 with R14: the guard, then the reason the policy may require, then the writes. */
  const deactivate = (scope: ScheduleScope, userId: unknown, args: readonly unknown[]): Promise<UserChange> => {
    const { input, context } = splitDeactivationArgs(args);
    const ctx: MutationContext = mutation(context);
    const reason = validate(DeactivationInputSchema, input, 'input')?.reason;
    const operation = scope === 'license' ? 'deactivateLicense' : 'deactivateUser';
    const guard = scope === 'license' ? deactivateLicenseRefusal : deactivateUserRefusal;
    const target = id(userId, 'userId');
    return mutate(operation, 'admin', target, reason ? { reason } : null, ctx, async (store, tx) => {
      refuse(await guard(store, ctx, target, ctx.expectedVersion));
      refuse(reasonRefusal(policy, reason));
      return performDeactivation(store, tx, scope, target, ctx.actorId, reason ?? null, clock());
    });
  };

  /** Turns synchronous throws into rejections, so every method fails the same asynchronous way. */
  const safely =
    <A extends unknown[], R>(method: (...args: A) => R | Promise<R>) =>
    async (...args: A): Promise<R> =>
      method(...args);

  const userChange = (user: User, audit: AuditEntry): UserChange => ({ user: copyUser(user), audit });

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

    deactivateLicense: safely((userId, ...args) => deactivate('license', userId, args)),

    assignLicense: safely((userId, input, context) => {
      const ctx = mutation(context);
      const { country } = validate(AssignLicenseInputSchema, input, 'input');
      return mutate('assignLicense', 'admin', id(userId, 'userId'), { country }, ctx, async (store, tx) => {
        refuse(await assignLicenseRefusal(store, ctx, userId, ctx.expectedVersion));
        const { user, effects } = applyLicenseAssignment(store, tx, store.findUser(userId)!, country);
        return userChange(user, tx.writeAudit({ actorId: ctx.actorId, action: 'license.assigned', target: { type: 'user', id: userId }, effects }));
      });
    }),

    deactivateUser: safely((userId, ...args) => deactivate('user', userId, args)),

    reactivateUser: safely((userId, context) => {
      const ctx = mutation(context);
      return mutate('reactivateUser', 'admin', id(userId, 'userId'), null, ctx, async (store, tx) => {
        refuse(await reactivateUserRefusal(store, ctx, userId, ctx.expectedVersion));
        const user = store.findUser(userId)!;
        const next: User = { ...user, status: 'active', version: user.version + 1 };
        tx.put('user', next);
        return userChange(next, tx.writeAudit({ actorId: ctx.actorId, action: 'user.reactivated', target: { type: 'user', id: userId }, effects: { signInRestored: true } }));
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
        const audit = tx.writeAudit({ actorId: ctx.actorId, action: 'contacts.reassigned', target: { type: 'user', id: fromOwnerId }, effects: { contactsMoved: moved } });
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
        return { task: copyTask(next), audit: tx.writeAudit({ actorId: ctx.actorId, action: 'task.taken', target: { type: 'task', id: taskId }, effects }) };
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
        return { taskIds, toUserId, audit: tx.writeAudit({ actorId: ctx.actorId, action: 'tasks.transferred', target: { type: 'user', id: fromUserId }, effects }) };
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
        const audit = tx.writeAudit({ actorId: ctx.actorId, action: 'phoneNumber.deactivated', target: { type: 'phoneNumber', id: phoneNumberId }, effects: {} });
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

    ...schedules,
    ...webhooks,
    subscribe: (listener) => events.subscribe(listener),
    // Events are announced as their change commits: nothing waits in an outbox here.
    dispatchEvents: async () => 0,

    snapshot: (organisationId) => snapshotOf(tenantOf(organisationId).store),
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
