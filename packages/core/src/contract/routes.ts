import type * as v from 'valibot';
import type { OffboardAdapter, PhoneNumberChange, ScheduleChange, TaskChange, UserChange } from '../adapter/OffboardAdapter';
import type { User } from '../domain/types';
import { OffboardingPlanSchema } from './planSchema';
import {
  AccessSchema,
  AuditEntrySchema,
  ContactSchema,
  HistoryRecordSchema,
  PhoneNumberChangeSchema,
  PhoneNumberSchema,
  ReassignContactsResultSchema,
  SalesBrainSchema,
  ScheduleChangeSchema,
  ScheduledDeactivationSchema,
  SeatUsageSchema,
  TaskChangeSchema,
  TaskSchema,
  TransferTasksResultSchema,
  UserChangeSchema,
  UserSchema,
  pageOf,
} from './responses';
import {
  AssignLicenseInputSchema,
  BulkMutationContextSchema,
  DeactivationInputSchema,
  ListAuditLogQuerySchema,
  ListContactsQuerySchema,
  ListHistoryQuerySchema,
  ListPhoneNumbersQuerySchema,
  ListSalesBrainsQuerySchema,
  ListScheduledDeactivationsQuerySchema,
  ListTasksQuerySchema,
  ListUsersQuerySchema,
  MutationContextSchema,
  PlanQuerySchema,
  ReadContextSchema,
  ReassignContactsInputSchema,
  ScheduleDeactivationInputSchema,
  TransferTasksInputSchema,
} from './schemas';

export type HttpMethod = 'GET' | 'POST' | 'DELETE';
export type OperationName = keyof OffboardAdapter;

/** One operation of `OffboardAdapter` as HTTP: everything both the client and the server need. */
export interface Route {
  readonly method: HttpMethod;
  /** In MSW / path-to-regexp syntax; `:id` is the only parameter. */
  readonly path: `/v1/${string}`;
  /** What `:id` carries, named as the adapter's parameter so errors say `userId` like the backend's. */
  readonly id?: 'userId' | 'taskId' | 'phoneNumberId' | 'scheduleId';
  /** The query-string schema (decoded by `decodeQuery`). */
  readonly query?: v.GenericSchema<unknown, Readonly<Record<string, unknown>>>;
  /**
   * The JSON body schema; routes without one accept no body, an empty one or `{}`. An optional
   * one (`v.optional`) may be left out of the adapter call too: the context stays last.
   */
  readonly body?: v.GenericSchema;
  /**
   * A change: its context carries `Idempotency-Key` and, on routes with an `etag`, `If-Match`.
   * Every route's context also carries the caller, whom the server learns from its credentials.
   */
  readonly mutation?: true;
  /** A change of many records (R5, R8 step 2): no `If-Match`, since no one version describes them. */
  readonly bulk?: true;
  readonly status: 200;
  /** `null` for an operation that never succeeds (R1's delete). */
  readonly response: v.GenericSchema | null;
  /** The version this response's `ETag` header carries (method syntax: each route narrows `body`). */
  etag?(body: unknown): number;
}

/** Keeps each route's literal shape, which the compile-time check below reads. */
const route = <const TRoute extends Route>(definition: TRoute) => definition;

/**
 * The REST contract, one line per adapter operation. The HTTP adapter builds every request from
 * it and the mock server parses every request with it, so the two cannot drift apart.
 * Actions are POSTs to sub-resources (`/deactivate`) rather than PATCHes of a status field:
 * each one is a rule with its own guard, effects and audit entry.
 */
export const ROUTES = {
  listUsers: route({ method: 'GET', path: '/v1/users', query: ListUsersQuerySchema, status: 200, response: pageOf(UserSchema) }),
  getUser: route({ method: 'GET', path: '/v1/users/:id', id: 'userId', status: 200, response: UserSchema, etag: (user: User) => user.version }),
  getOffboardingPlan: route({
    method: 'GET',
    path: '/v1/users/:id/offboarding-plan',
    id: 'userId',
    query: PlanQuerySchema,
    status: 200,
    response: OffboardingPlanSchema,
  }),
  getAccess: route({ method: 'GET', path: '/v1/users/:id/access', id: 'userId', status: 200, response: AccessSchema }),
  assignLicense: route({
    method: 'POST',
    path: '/v1/users/:id/license',
    id: 'userId',
    body: AssignLicenseInputSchema,
    mutation: true,
    status: 200,
    response: UserChangeSchema,
    etag: (change: UserChange) => change.user.version,
  }),
  deactivateLicense: deactivation('/v1/users/:id/license/deactivate'),
  deactivateUser: deactivation('/v1/users/:id/deactivate'),
  reactivateUser: userAction('/v1/users/:id/reactivate'),
  deleteUser: route({ method: 'DELETE', path: '/v1/users/:id', id: 'userId', mutation: true, status: 200, response: null }),
  listContacts: route({ method: 'GET', path: '/v1/contacts', query: ListContactsQuerySchema, status: 200, response: pageOf(ContactSchema) }),
  reassignContacts: route({
    method: 'POST',
    path: '/v1/contacts/reassign',
    body: ReassignContactsInputSchema,
    mutation: true,
    bulk: true,
    status: 200,
    response: ReassignContactsResultSchema,
  }),
  listTasks: route({ method: 'GET', path: '/v1/tasks', query: ListTasksQuerySchema, status: 200, response: pageOf(TaskSchema) }),
  takeTask: route({
    method: 'POST',
    path: '/v1/tasks/:id/take',
    id: 'taskId',
    mutation: true,
    status: 200,
    response: TaskChangeSchema,
    etag: (change: TaskChange) => change.task.version,
  }),
  transferTasks: route({
    method: 'POST',
    path: '/v1/tasks/transfer',
    body: TransferTasksInputSchema,
    mutation: true,
    bulk: true,
    status: 200,
    response: TransferTasksResultSchema,
  }),
  listPhoneNumbers: route({
    method: 'GET',
    path: '/v1/phone-numbers',
    query: ListPhoneNumbersQuerySchema,
    status: 200,
    response: pageOf(PhoneNumberSchema),
  }),
  deactivatePhoneNumber: route({
    method: 'POST',
    path: '/v1/phone-numbers/:id/deactivate',
    id: 'phoneNumberId',
    mutation: true,
    status: 200,
    response: PhoneNumberChangeSchema,
    etag: (change: PhoneNumberChange) => change.phoneNumber.version,
  }),
  listSalesBrains: route({
    method: 'GET',
    path: '/v1/sales-brains',
    query: ListSalesBrainsQuerySchema,
    status: 200,
    response: pageOf(SalesBrainSchema),
  }),
  getSeatUsage: route({ method: 'GET', path: '/v1/seats', status: 200, response: SeatUsageSchema }),
  listAuditLog: route({ method: 'GET', path: '/v1/audit-log', query: ListAuditLogQuerySchema, status: 200, response: pageOf(AuditEntrySchema) }),
  listHistory: route({ method: 'GET', path: '/v1/history', query: ListHistoryQuerySchema, status: 200, response: pageOf(HistoryRecordSchema) }),
  scheduleDeactivation: route({
    method: 'POST',
    path: '/v1/users/:id/scheduled-deactivations',
    id: 'userId',
    body: ScheduleDeactivationInputSchema,
    mutation: true,
    status: 200,
    response: ScheduleChangeSchema,
    etag: (change: ScheduleChange) => change.schedule.version,
  }),
  cancelScheduledDeactivation: route({
    method: 'POST',
    path: '/v1/scheduled-deactivations/:id/cancel',
    id: 'scheduleId',
    mutation: true,
    status: 200,
    response: ScheduleChangeSchema,
    etag: (change: ScheduleChange) => change.schedule.version,
  }),
  listScheduledDeactivations: route({
    method: 'GET',
    path: '/v1/scheduled-deactivations',
    query: ListScheduledDeactivationsQuerySchema,
    status: 200,
    response: pageOf(ScheduledDeactivationSchema),
  }),
} satisfies Record<OperationName, Route>;

/** R7: a bodyless action on a user that answers with the changed user. */
function userAction(path: `/v1/users/:id/${string}`) {
  return route({ method: 'POST', path, id: 'userId', mutation: true, status: 200, response: UserChangeSchema, etag: (change: UserChange) => change.user.version });
}

/** R2, R3: a deactivation, whose body (R14's reason) may be left out. */
function deactivation(path: `/v1/users/:id/${string}`) {
  return route({ ...userAction(path), body: DeactivationInputSchema });
}

export const OPERATIONS = Object.keys(ROUTES) as OperationName[];

/** The context schema of a route's calls: who reads, who changes one record, who moves many. */
export function contextSchemaOf(definition: Route) {
  return definition.bulk ? BulkMutationContextSchema : definition.mutation ? MutationContextSchema : ReadContextSchema;
}

/** Methods that succeed on `path`, for the `Allow` header of a 405. */
export function allowedMethods(path: string): HttpMethod[] {
  return Object.values(ROUTES as Record<OperationName, Route>)
    .filter((candidate) => candidate.path === path && candidate.response !== null)
    .map((candidate) => candidate.method);
}

const SLOTS = ['id', 'query', 'body', 'context'] as const;

/** A request's parts; every adapter method takes the ones its route has, in `SLOTS` order. */
export type RequestParts = { readonly [Slot in (typeof SLOTS)[number]]?: unknown };

/** Every method ends with its context (R12, R13); the other parts are the route's own. */
const slotsOf = (definition: Route) => SLOTS.filter((slot) => slot === 'context' || definition[slot] !== undefined);

/** `assignLicense('u-1', { country }, context)` → `{ id: 'u-1', body: { country }, context }`. */
export function partsFromArgs(definition: Route, args: readonly unknown[]): RequestParts {
  const slots = slotsOf(definition);
  // An optional body left out of the call (`deactivateUser('u-1', context)`): the context is last.
  const present = definition.body?.type === 'optional' && args.length === slots.length - 1 ? slots.filter((slot) => slot !== 'body') : slots;
  return Object.fromEntries(present.map((slot, index) => [slot, args[index]]));
}

/** The inverse: the arguments to call the adapter method with. */
export function argsFromParts(definition: Route, parts: RequestParts): unknown[] {
  return slotsOf(definition).map((slot) => parts[slot]);
}

// Compile-time proof that the table matches the interface: each route's parsed response is what
// the adapter method promises, and it has as many parts as the method has parameters.
type Routes = typeof ROUTES;
type ResponseOf<K extends OperationName> = Routes[K]['response'] extends v.GenericSchema ? v.InferOutput<Routes[K]['response']> : never;
type SlotCount<R> = [
  ...(R extends { id: string } ? [0] : []),
  ...(R extends { query: v.GenericSchema } ? [0] : []),
  ...(R extends { body: v.GenericSchema } ? [0] : []),
  0,
]['length'];
type Mismatches = Exclude<
  {
    [K in OperationName]: [ResponseOf<K>] extends [Awaited<ReturnType<OffboardAdapter[K]>>]
      ? SlotCount<Routes[K]> extends Required<Parameters<OffboardAdapter[K]>>['length']
        ? true
        : `${K} has the wrong parts`
      : `${K} has the wrong response`;
  }[OperationName],
  true
>;
const routesMatchAdapter: [Mismatches] extends [never] ? true : Mismatches = true;
void routesMatchAdapter;
