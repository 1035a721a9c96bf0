import { expect } from 'vitest';
import type { LifecycleBackend } from '../adapter/LifecycleBackend';
import type { MutationContext, OffboardAdapter, Page, PageRequest, ReadContext } from '../adapter/OffboardAdapter';
import type { ScheduledDeactivation } from '../domain/schedules';
import { DEMO_ORGANISATION_ID } from '../fixtures/demoOrganisation';
import { readAllPages } from '../adapter/readAllPages';
import type { AuditEntry, OffboardData } from '../domain/types';
import { isOffboardError, type ErrorCode, type OffboardError } from '../errors/OffboardError';
import type { OffboardPolicy } from '../rules/readModel';

export interface ConformanceSetup {
  /**
   * The organisations the adapter must start from (R13): usually one; tenancy tests pass two,
   * which may share ids. Tests act in the first unless they say otherwise.
   */
  readonly organisations: readonly OffboardData[];
  /** Policy options the backend must apply (R5 strict contacts, R12 wider member reads, R14 reasons). */
  readonly policy?: Partial<OffboardPolicy>;
  /**
   * The time the backend must keep (its `clock` option): what is "now" for audit entries, key
   * expiry and whether a schedule is due (R15). The suite moves it forward to make schedules due.
   */
  readonly clock: () => Date;
}

/**
 * The adapter, and what the suite needs of the backend behind it to prove R15 and R16: the
 * runner of due schedules (on `setup.clock`) and the subscription to its events. Offboard's own
 * backends are all three at once; over HTTP, the adapter is the client and the hooks are the
 * server's backend's. `dispatchEvents`, when given, is called before events are looked at (a
 * backend that dispatches from an outbox); without it, events are expected as changes resolve.
 */
export type ConformanceAdapter = OffboardAdapter & Partial<Pick<LifecycleBackend, 'runDueSchedules' | 'subscribe' | 'dispatchEvents'>>;

/** Builds a fresh adapter over `setup` for one test; the suite never shares state between tests. */
export type ConformanceFactory = (setup: ConformanceSetup) => ConformanceAdapter | Promise<ConformanceAdapter>;

/** Everything an adapter lets anyone see, read through the adapter itself. */
export interface Observation {
  readonly users: OffboardData['users'];
  readonly contacts: OffboardData['contacts'];
  readonly tasks: OffboardData['tasks'];
  readonly salesBrains: OffboardData['salesBrains'];
  readonly phoneNumbers: OffboardData['phoneNumbers'];
  readonly history: OffboardData['history'];
  readonly auditLog: readonly AuditEntry[];
  readonly seats: Awaited<ReturnType<OffboardAdapter['getSeatUsage']>>;
  /** R15 */
  readonly schedules: readonly ScheduledDeactivation[];
}

/** Every item of a paged read, 500 at a time. */
export const readAll = <T>(list: (request: PageRequest) => Promise<Page<T>>): Promise<T[]> => readAllPages((cursor) => list({ cursor, limit: 500 }));

const byId = <T extends { readonly id: string }>(records: T[]) => records.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** The caller every state check reads as: a service identity, which reads everything (R12). */
export const observerOf = (organisationId: string = DEMO_ORGANISATION_ID): ReadContext => ({
  organisationId,
  actorId: 'svc-conformance',
  kind: 'service',
});
export const observer = observerOf();

/** The whole observable state of an organisation, so a test can prove that a refusal changed nothing. */
export async function observe(adapter: OffboardAdapter, organisationId: string = DEMO_ORGANISATION_ID): Promise<Observation> {
  const observer = observerOf(organisationId);
  const [users, contacts, tasks, salesBrains, phoneNumbers, history, auditLog, seats, schedules] = await Promise.all([
    readAll((page) => adapter.listUsers({ ...page, status: 'all' }, observer)),
    readAll((page) => adapter.listContacts(page, observer)),
    readAll((page) => adapter.listTasks(page, observer)),
    readAll((page) => adapter.listSalesBrains(page, observer)),
    readAll((page) => adapter.listPhoneNumbers(page, observer)),
    readAll((page) => adapter.listHistory(page, observer)),
    readAll((page) => adapter.listAuditLog(page, observer)),
    adapter.getSeatUsage(observer),
    readAll((page) => adapter.listScheduledDeactivations(page, observer)),
  ]);
  return {
    users: byId(users),
    contacts: byId(contacts),
    tasks: byId(tasks),
    salesBrains: byId(salesBrains),
    phoneNumbers: byId(phoneNumbers),
    history: byId(history),
    auditLog,
    seats,
    schedules,
  };
}

/** Awaits a promise that must reject with an `OffboardError` of `code`, and returns that error. */
export async function refusal(promise: Promise<unknown>, code: ErrorCode): Promise<OffboardError> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(isOffboardError(caught), `expected an OffboardError ${code}, got ${String(caught)}`).toBe(true);
  expect((caught as OffboardError).code).toBe(code);
  return caught as OffboardError;
}

/** Runs `attempt`, which must be refused with `code`, and proves the adapter's state did not move. */
export async function refusedWithoutChange(adapter: OffboardAdapter, code: ErrorCode, attempt: () => Promise<unknown>): Promise<OffboardError> {
  const before = await observe(adapter);
  const error = await refusal(attempt(), code);
  expect(await observe(adapter)).toEqual(before);
  return error;
}

/** The context of `actorId` acting in the demo organisation (or the one `extra` names). */
export const as = (actorId: string, extra: Partial<Omit<MutationContext, 'actorId'>> = {}): MutationContext => ({
  organisationId: DEMO_ORGANISATION_ID,
  actorId,
  ...extra,
});

/** The newest audit entry, or undefined. */
export async function latestAudit(adapter: OffboardAdapter): Promise<AuditEntry | undefined> {
  return (await adapter.listAuditLog({ limit: 1 }, observer)).items[0];
}
