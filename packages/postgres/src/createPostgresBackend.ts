import { DEFAULT_POLICY, OffboardError, isSalesperson, type LifecycleBackend, type LifecycleEvent, type OffboardAdapter, type OffboardPolicy, type ReadContext, type ReassignContactsResult, type ScheduleScope, type TaskChange, type TransferTasksResult, type UserChange, type WebhookOptions } from '@offboard/core';
import { EventHub, assignLicenseRefusal, authorizeRead, deactivateLicenseRefusal, deactivatePhoneNumberRefusal, deactivateUserRefusal, planOffboarding, reactivateUserRefusal, readUser, reasonRefusal, reassignContactsRefusal, splitDeactivationArgs, takeTaskRefusal, transferTasksRefusal, webhookPolicyOf } from '@offboard/core/backend';
import type { Db } from './db';
import { mutate, read, refuse, safely, type Scope } from './frames';
import { performDeactivation } from './deactivations';
import { dispatchEvents } from './events';
import { DEFAULT_IDEMPOTENCY_TTL_MS, DEFAULT_MAX_IDEMPOTENCY_KEYS, type IdempotencyOptions } from './idempotency';
import * as listings from './listings';
import { runDueSchedules } from './scheduleRunner';
import { postgresSchedules } from './schedules';
import { Schemas, validId, validQuery, validate } from './validation';
import { postgresWebhooks } from './webhooks';
import {
  assignLicenseWrites,
  deactivatePhoneNumberWrite,
  handOverTasks,
  moveContacts,
  openTaskIds,
  reactivateUserWrite,
} from './writes';

export interface PostgresBackendOptions {
  /** The database, through `fromPool(pool)` (node-postgres) or `fromPGlite(pglite)`, migrated by `migrate`. */
  readonly db: Db;
  readonly policy?: Partial<OffboardPolicy>;
  /** Time for audit entries, ended sessions, key expiry, and when schedules are due (R15). @default () => new Date() */
  readonly clock?: () => Date;
  /** R11: how long idempotency keys replay, and how many each organisation keeps. */
  readonly idempotency?: IdempotencyOptions;
  /**
   * Told every failure that is not a rule's refusal, before the caller gets `SERVER_ERROR`
   * without its details: the place to log the driver's error on the host's own terms. Also told
   * an event subscriber's failure (R16), with the event.
   * @default nothing
   */
  readonly onError?: (error: unknown, event?: LifecycleEvent) => void;
  /** R16: how webhooks are sent and retried. */
  readonly webhooks?: WebhookOptions;
}

/** The PostgreSQL backend: the adapter, and the schedules, events and webhooks it runs (R15, R16). */
export type PostgresBackend = OffboardAdapter & LifecycleBackend;

/**
 * The PostgreSQL backend: every rule enforced by the core's own guards, which read the database
 * through a read model inside each change's transaction. Each change is one transaction that
 * locks its organisation's row first (so changes of one organisation queue, on every server),
 * checks the caller's standing, replays a known idempotency key, runs its guard and its
 * set-based writes, and ends with exactly one audit entry. Each read is authorised for its caller
 * (R12) and scoped to the caller's organisation (R13). Organisations come in through `seed`.
 */
export function createPostgresBackend(options: PostgresBackendOptions): PostgresBackend {
  const onError = options.onError ?? (() => undefined);
  const scope: Scope = {
    db: options.db,
    policy: { ...DEFAULT_POLICY, ...options.policy },
    clock: options.clock ?? (() => new Date()),
    idempotency: { ttlMs: options.idempotency?.ttlMs ?? DEFAULT_IDEMPOTENCY_TTL_MS, maxKeys: options.idempotency?.maxKeys ?? DEFAULT_MAX_IDEMPOTENCY_KEYS },
    onError,
    events: new EventHub(onError),
    webhooks: webhookPolicyOf(options.webhooks),
    organisations: new Set(),
  };
  const reader = (context: unknown): ReadContext => validate(Schemas.readContext, context, 'context');
  const mutation = (context: unknown) => validate(Schemas.mutationContext, context, 'context');
  const bulkMutation = (context: unknown) => validate(Schemas.bulkMutationContext, context, 'context');
  const wrap = <A extends unknown[], R>(method: (...args: A) => R | Promise<R>) => safely(scope, method);
  /** Every method of a group, each rejecting with `OffboardError` only. */
  const wrapAll = <M extends Record<string, (...args: never[]) => unknown>>(methods: M): M =>
    Object.fromEntries(Object.entries(methods).map(([name, method]) => [name, safely(scope, method as (...args: unknown[]) => unknown)])) as unknown as M;

  /** R2, R3 with R14: the guard, then the reason the policy may require, then the writes (and the schedules they settle, R15). */
  const deactivate = (scheduleScope: ScheduleScope, userId: unknown, args: readonly unknown[]): Promise<UserChange> => {
    const { input, context } = splitDeactivationArgs(args);
    const ctx = mutation(context);
    const reason = validate(Schemas.deactivation, input, 'input')?.reason;
    const target = validId(userId, 'userId');
    const operation = scheduleScope === 'license' ? 'deactivateLicense' : 'deactivateUser';
    const guard = scheduleScope === 'license' ? deactivateLicenseRefusal : deactivateUserRefusal;
    const spec = { operation, standing: 'admin', target, users: [target], input: reason ? { reason } : null, context: ctx } as const;
    return mutate(scope, spec, async ({ tx, model, now, audit }) => {
      refuse(await guard(model, ctx, target, ctx.expectedVersion));
      refuse(reasonRefusal(scope.policy, reason));
      return performDeactivation({ tx, organisationId: ctx.organisationId, now, audit }, scheduleScope, (await model.findUser(target))!, reason ?? null);
    });
  };

  return {
    listUsers: wrap((query, context) => {
      const listing = validQuery(Schemas.listUsers, query);
      const caller = reader(context);
      return read(scope, caller, null, async (q, model) => {
        const access = await authorizeRead(model, caller, { read: 'users', status: listing.status ?? 'active' });
        return listings.listUsers(q, caller.organisationId, listing, access, caller.actorId);
      });
    }),

    getUser: wrap((userId, context) => {
      const target = validId(userId, 'userId');
      const caller = reader(context);
      return read(scope, caller, null, (_q, model) => readUser(model, caller, target));
    }),

    getOffboardingPlan: wrap((userId, query, context) => {
      const target = validId(userId, 'userId');
      const { scenario } = validate(Schemas.plan, query ?? {}, 'query');
      const caller = reader(context);
      return read(scope, caller, { read: 'plan', userId: target }, (_q, model) => planOffboarding(model, target, caller, scenario), { snapshot: true });
    }),

    deactivateLicense: wrap((userId, ...args) => deactivate('license', userId, args)),

    assignLicense: wrap((userId, input, context): Promise<UserChange> => {
      const ctx = mutation(context);
      const { country } = validate(Schemas.assignLicense, input, 'input');
      const target = validId(userId, 'userId');
      return mutate(scope, { operation: 'assignLicense', standing: 'admin', target, users: [target], input: { country }, context: ctx }, async ({ tx, model, audit }) => {
        refuse(await assignLicenseRefusal(model, ctx, target, ctx.expectedVersion));
        const { user, effects } = await assignLicenseWrites(tx, ctx.organisationId, (await model.findUser(target))!, country);
        return { user, audit: await audit('license.assigned', { type: 'user', id: target }, effects) };
      });
    }),

    deactivateUser: wrap((userId, ...args) => deactivate('user', userId, args)),

    reactivateUser: wrap((userId, context): Promise<UserChange> => {
      const ctx = mutation(context);
      const target = validId(userId, 'userId');
      return mutate(scope, { operation: 'reactivateUser', standing: 'admin', target, users: [target], input: null, context: ctx }, async ({ tx, model, audit }) => {
        refuse(await reactivateUserRefusal(model, ctx, target, ctx.expectedVersion));
        const user = await reactivateUserWrite(tx, ctx.organisationId, (await model.findUser(target))!);
        return { user, audit: await audit('user.reactivated', { type: 'user', id: target }, { signInRestored: true }) };
      });
    }),

    deleteUser: wrap((userId, context): never => {
      const target = validId(userId, 'userId');
      mutation(context);
      // R1 is refused before anything else is looked at: the caller, the key, the user.
      throw new OffboardError('DELETION_NOT_SUPPORTED', { entity: 'user', id: target });
    }),

    listContacts: wrap((query, context) => {
      const listing = validQuery(Schemas.listContacts, query);
      const caller = reader(context);
      return read(scope, caller, { read: 'contacts', ownerId: listing.ownerId }, (q) => listings.listContacts(q, caller.organisationId, listing));
    }),

    reassignContacts: wrap((input, context): Promise<ReassignContactsResult> => {
      const ctx = bulkMutation(context);
      const request = validate(Schemas.reassignContacts, input, 'input');
      const { fromOwnerId, toUserIds } = request;
      return mutate(scope, { operation: 'reassignContacts', standing: 'admin', target: fromOwnerId, users: [fromOwnerId, ...toUserIds], input: request, context: ctx }, async ({ tx, model, audit }) => {
        refuse(await reassignContactsRefusal(model, ctx, fromOwnerId, toUserIds, request.contactIds, request.exceptContactIds));
        const moved = await moveContacts(tx, ctx.organisationId, request, toUserIds);
        const total = moved.reduce((sum, { contactIds }) => sum + contactIds.length, 0);
        if (total === 0) throw new OffboardError('VALIDATION_FAILED', { field: 'input.contactIds' }, 'input selects no contact to reassign');
        return {
          moved: moved.map(({ toUserId, contactIds }) => ({ userId: toUserId, contacts: contactIds.length })),
          total,
          audit: await audit('contacts.reassigned', { type: 'user', id: fromOwnerId }, { contactsMoved: moved }),
        };
      });
    }),

    listTasks: wrap((query, context) => {
      const listing = validQuery(Schemas.listTasks, query);
      const caller = reader(context);
      const request = { read: 'tasks', assigneeId: listing.assigneeId, transferable: listing.transferable } as const;
      return read(scope, caller, request, (q) => listings.listTasks(q, caller.organisationId, listing));
    }),

    takeTask: wrap((taskId, context): Promise<TaskChange> => {
      const ctx = mutation(context);
      const target = validId(taskId, 'taskId');
      return mutate(scope, { operation: 'takeTask', standing: 'salesperson', target, input: null, context: ctx }, async ({ tx, model, audit }) => {
        refuse(await takeTaskRefusal(model, ctx, target, ctx.expectedVersion));
        const before = (await model.findTask(target))!;
        const [task] = await handOverTasks(tx, ctx.organisationId, [target], ctx.actorId);
        const effects = { tasksMoved: { fromUserId: before.assigneeId, toUserId: ctx.actorId, taskIds: [target] } };
        return { task: task!, audit: await audit('task.taken', { type: 'task', id: target }, effects) };
      });
    }),

    transferTasks: wrap((input, context): Promise<TransferTasksResult> => {
      const ctx = bulkMutation(context);
      const request = validate(Schemas.transferTasks, input, 'input');
      const { fromUserId, toUserId } = request;
      return mutate(scope, { operation: 'transferTasks', standing: 'admin', target: fromUserId, users: [fromUserId, toUserId], input: request, context: ctx }, async ({ tx, model, audit }) => {
        const taskIds = request.taskIds ?? (await openTaskIds(tx, ctx.organisationId, fromUserId));
        refuse(await transferTasksRefusal(model, ctx, fromUserId, toUserId, taskIds));
        if (taskIds.length === 0) throw new OffboardError('VALIDATION_FAILED', { field: 'input.taskIds' }, 'input selects no open task to transfer');
        await handOverTasks(tx, ctx.organisationId, taskIds, toUserId);
        const effects = { tasksMoved: { fromUserId, toUserId, taskIds } };
        return { taskIds, toUserId, audit: await audit('tasks.transferred', { type: 'user', id: fromUserId }, effects) };
      });
    }),

    listPhoneNumbers: wrap((query, context) => {
      const listing = validQuery(Schemas.listPhoneNumbers, query);
      const caller = reader(context);
      return read(scope, caller, { read: 'phone-numbers' }, (q) => listings.listPhoneNumbers(q, caller.organisationId, listing));
    }),

    deactivatePhoneNumber: wrap((phoneNumberId, context) => {
      const ctx = mutation(context);
      const target = validId(phoneNumberId, 'phoneNumberId');
      return mutate(scope, { operation: 'deactivatePhoneNumber', standing: 'admin', target, input: null, context: ctx }, async ({ tx, model, audit }) => {
        refuse(await deactivatePhoneNumberRefusal(model, ctx, target, ctx.expectedVersion));
        const phoneNumber = await deactivatePhoneNumberWrite(tx, ctx.organisationId, target);
        return { phoneNumber, audit: await audit('phoneNumber.deactivated', { type: 'phoneNumber', id: target }, {}) };
      });
    }),

    listSalesBrains: wrap((query, context) => {
      const listing = validQuery(Schemas.listSalesBrains, query);
      const caller = reader(context);
      return read(scope, caller, { read: 'sales-brains' }, (q) => listings.listSalesBrains(q, caller.organisationId, listing));
    }),

    getSeatUsage: wrap((context) => read(scope, reader(context), { read: 'seats' }, (_q, model) => model.seatUsage())),

    listAuditLog: wrap((query, context) => {
      const listing = validQuery(Schemas.listAuditLog, query);
      const caller = reader(context);
      return read(scope, caller, { read: 'audit-log' }, (q) => listings.listAuditLog(q, caller.organisationId, listing));
    }),

    listHistory: wrap((query, context) => {
      const listing = validQuery(Schemas.listHistory, query);
      const caller = reader(context);
      return read(scope, caller, { read: 'history' }, (q) => listings.listHistory(q, caller.organisationId, listing));
    }),

    getAccess: wrap((userId, context) => {
      const target = validId(userId, 'userId');
      return read(scope, reader(context), { read: 'access' }, async (_q, model) => {
        const user = await model.findUser(target);
        if (!user) throw new OffboardError('NOT_FOUND', { entity: 'user', id: target });
        return {
          userId: target,
          canSignIn: user.status === 'active',
          commercialFeatures: isSalesperson(user),
          reports: user.status === 'active',
          openSessions: await model.openSessionCount(target),
        };
      });
    }),

    ...wrapAll(postgresSchedules(scope)),
    ...wrapAll(postgresWebhooks(scope)),
    runDueSchedules: wrap((now?: Date) => runDueSchedules(scope, now)),
    subscribe: (listener) => scope.events.subscribe(listener),
    dispatchEvents: wrap(() => dispatchEvents(scope)),
  };
}
