import type { MutationContext, MutationName, ReadContext } from '../adapter/OffboardAdapter';
import { fingerprint } from '../contract/fingerprint';
import { ReadContextSchema } from '../contract/schemas';
import { validate } from '../contract/validate';
import type { AuditEntry } from '../domain/types';
import { OffboardError } from '../errors/OffboardError';
import { standingRefusal, type Refusal, type Standing } from '../rules/guards';
import { authorizeRead, type ReadRequest } from '../rules/readAccess';
import type { IdempotencyRegistry } from './idempotency';
import type { OrganisationStore } from './organisationStore';
import type { SerialQueue } from './serialized';
import { Transaction, deepFreeze } from './transaction';

/** One organisation's records, its idempotency keys and the queue its changes wait in. */
export interface Tenant {
  readonly store: OrganisationStore;
  readonly idempotency: IdempotencyRegistry;
  readonly changes: SerialQueue;
}

export function refuse(refusal: Refusal): void {
  if (refusal) throw refusal;
}

export interface FrameOptions {
  readonly tenantOf: (organisationId: string) => Tenant;
  readonly clock: () => Date;
  /** R16: told a committed change's audit entries, in order, before anything else can commit. */
  readonly committed: (organisationId: string, entries: readonly AuditEntry[]) => void;
}

/** The frames every read and every change of the in-memory backend run in. */
export function createFrame({ tenantOf, clock, committed }: FrameOptions) {
  /** A read: the caller's organisation, R12 for the request, then `run` with what the caller may see. */
  async function read<T>(context: unknown, request: ReadRequest | null, run: (store: OrganisationStore, caller: ReadContext) => T | Promise<T>) {
    const caller = validate(ReadContextSchema, context, 'context');
    const { store } = tenantOf(caller.organisationId);
    if (request) await authorizeRead(store, caller, request);
    return run(store, caller);
  }

  /**
   * One change, in its organisation's queue: `run` writes inside a transaction that any failure
   * rolls back; once it has committed, its audit entries are announced (R16), still in the queue,
   * so events leave in the order the changes were made.
   */
  function change<T>(organisationId: string, now: Date | (() => Date), run: (store: OrganisationStore, tx: Transaction) => Promise<T>): Promise<T> {
    const tenant = tenantOf(organisationId);
    return tenant.changes.run(() => inTransaction(tenant, now, run));
  }

  async function inTransaction<T>(tenant: Tenant, now: Date | (() => Date), run: (store: OrganisationStore, tx: Transaction) => Promise<T>): Promise<T> {
    const tx = new Transaction(tenant.store, typeof now === 'function' ? now : () => now);
    let result: T;
    try {
      result = deepFreeze(await run(tenant.store, tx));
    } catch (error) {
      tx.rollback();
      throw error;
    }
    tenant.store.settle();
    committed(tenant.store.organisationId, tx.written);
    return result;
  }

  /**
   * The frame every adapter mutation runs in: the caller's standing before the key is looked up
   * (R13), replay, guard and writes, audit, rollback on any failure. Changes of one organisation
   * queue one after another, so no other change slips in between a guard and its writes.
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
      const result = await inTransaction(tenant, clock, run);
      idempotency.remember(context.actorId, key, request, result);
      return result;
    });
  }

  return { read, change, mutate };
}

export type Frame = ReturnType<typeof createFrame>;

/** R13: an organisation the backend does not hold answers `NOT_FOUND`, like any unknown id. */
export const organisationNotFound = (organisationId: string) => new OffboardError('NOT_FOUND', { entity: 'organisation', id: organisationId });
