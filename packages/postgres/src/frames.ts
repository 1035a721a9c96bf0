import { OffboardError, isOffboardError, isService, type AuditAction, type AuditEntry, type AuditTargetType, type DeactivationReason, type Effects, type MutationContext, type MutationName, type OffboardPolicy, type ReadContext, type ReadRequest, type Refusal, type Standing } from '@offboard/core';
import { authorizeRead, standingRefusal, type EventHub, type WebhookPolicy } from '@offboard/core/backend';
import { appendAudit } from './audit';
import type { Db, Queryable } from './db';
import { fingerprintOf, remember, replay, type IdempotencyOptions, type KeyedRequest } from './idempotency';
import { SqlReadModel } from './readModel';
import { USER_COLUMNS, userOf } from './rows';

/** What every operation of one backend shares. */
export interface Scope {
  readonly db: Db;
  readonly policy: OffboardPolicy;
  readonly clock: () => Date;
  readonly idempotency: Required<IdempotencyOptions>;
  readonly onError: (error: unknown) => void;
  /** R16: this process's subscribers, told of events as the dispatcher takes them from the outbox. */
  readonly events: EventHub;
  readonly webhooks: WebhookPolicy;
  /**
   * Organisations seen to exist. Nothing ever removes one, so a service caller's reads (which
   * need no actor) skip asking again.
   */
  readonly organisations: Set<string>;
}

export function refuse(refusal: Refusal): void {
  if (refusal) throw refusal;
}

const organisationNotFound = (organisationId: string) => new OffboardError('NOT_FOUND', { entity: 'organisation', id: organisationId });

/**
 * Every method rejects with `OffboardError` only. A failure that is not a rule's refusal (the
 * database down, a constraint, a bug) becomes `SERVER_ERROR` with no details: a driver's message
 * can name tables, values or hosts. The host sees the original through `onError`.
 */
export function safely<A extends unknown[], R>(scope: Scope, method: (...args: A) => R | Promise<R>) {
  return async (...args: A): Promise<R> => {
    try {
      return await method(...args);
    } catch (error) {
      if (isOffboardError(error)) throw error;
      scope.onError(error);
      throw new OffboardError('SERVER_ERROR');
    }
  };
}

/**
 * A read: the caller's organisation (R13) and own user in one statement, R12 for the request,
 * then `run`. With `snapshot`, everything runs in one read-only REPEATABLE READ transaction, for
 * reads that ask many questions (the plan) and must describe one moment.
 */
export async function read<T>(
  scope: Scope,
  caller: ReadContext,
  request: ReadRequest | null,
  run: (q: Queryable, model: SqlReadModel) => Promise<T>,
  options: { readonly snapshot?: boolean } = {},
): Promise<T> {
  const body = async (q: Queryable) => {
    const model = new SqlReadModel(q, caller.organisationId, scope.policy);
    // A service reads everything (R12): its own record does not matter, only its organisation's existence.
    if (!isService(caller) || !scope.organisations.has(caller.organisationId)) {
      const { rows } = await q.query(
        `SELECT ${USER_COLUMNS.split(', ').map((column) => `u.${column}`).join(', ')}
         FROM organisations o LEFT JOIN users u ON u.organisation_id = o.organisation_id AND u.id = $2
         WHERE o.organisation_id = $1`,
        [caller.organisationId, caller.actorId],
      );
      if (!rows[0]) throw organisationNotFound(caller.organisationId);
      scope.organisations.add(caller.organisationId);
      model.know(caller.actorId, rows[0].id === null ? undefined : userOf(rows[0]));
    }
    if (request) await authorizeRead(model, caller, request);
    return run(q, model);
  };
  return options.snapshot ? scope.db.transaction(body, { readOnly: true }) : body(scope.db);
}

/** What a change's body gets: its transaction, the guards' read model, its instant, and its audit entries. */
export interface Change {
  readonly tx: Queryable;
  readonly model: SqlReadModel;
  readonly now: Date;
  /**
   * R10: an audit entry of the change, after the records it describes: the change's own first,
   * then one per schedule it settles (R15).
   */
  audit(action: AuditAction, target: { readonly type: AuditTargetType; readonly id: string }, effects: Effects, reason?: DeactivationReason | null): Promise<AuditEntry>;
}

export interface MutationSpec {
  readonly operation: MutationName;
  readonly standing: Standing;
  /** The record the change is about, and its input: with the operation, what an idempotency key stands for. */
  readonly target: string;
  readonly input: unknown;
  readonly context: MutationContext;
  /** Users the guard will ask about, read with the actor in one statement. */
  readonly users?: readonly string[];
}

/**
 * The frame every change runs in, one transaction: lock the organisation (R11, and NOT_FOUND for
 * an unknown one, R13), the caller's standing before the key is looked up (R13), replay a known
 * key (R11), then the body (guard and writes), its one audit entry (R10), and the key. Any
 * failure, a refusal included, rolls the whole transaction back: nothing is half done.
 */
export async function mutate<T extends { readonly audit: AuditEntry }>(scope: Scope, spec: MutationSpec, body: (change: Change) => Promise<T>): Promise<T> {
  const { context } = spec;
  const { organisationId, actorId, idempotencyKey: key } = context;
  // Hashed before the transaction, so the organisation's lock is not held for it.
  const keyed: KeyedRequest | undefined =
    key === undefined
      ? undefined
      : { organisationId, actorId, key, fingerprint: await fingerprintOf({ operation: spec.operation, target: spec.target, input: spec.input, expectedVersion: context.expectedVersion }) };
  return scope.db.transaction(async (tx) => {
    await lockOrganisation(tx, organisationId);
    const now = scope.clock();
    const model = new SqlReadModel(tx, organisationId, scope.policy);
    await readUsers(tx, model, [actorId, ...(spec.users ?? [])]);
    refuse(await standingRefusal(model, context, spec.standing));
    const replayed = keyed && (await replay(tx, keyed, now));
    if (replayed?.result) return replayed.result as unknown as T;
    let first: AuditEntry | undefined;
    const audit: Change['audit'] = async (action, target, effects, reason) => {
      const entry = await appendAudit(tx, organisationId, { actorId, action, target, effects, reason, at: now });
      first ??= entry;
      return entry;
    };
    const result = await body({ tx, model, now, audit });
    if (!first || result.audit !== first) throw new Error(`${spec.operation} did not answer with its own audit entry`);
    if (keyed) await remember(tx, keyed, result, now, scope.idempotency, replayed!.expired);
    return result;
  });
}

/** Users a change's guard asks about, in one statement, told to the model (found or not). */
export async function readUsers(tx: Queryable, model: SqlReadModel, userIds: readonly string[]): Promise<void> {
  const { rows } = await tx.query(`SELECT ${USER_COLUMNS} FROM users WHERE organisation_id = $1 AND id = ANY($2::text[])`, [model.organisationId, userIds]);
  const found = new Map(rows.map((row) => [row.id as string, userOf(row)]));
  for (const userId of userIds) model.know(userId, found.get(userId));
}

/**
 * R11: a change first locks its organisation's row, so the changes of one organisation run one
 * after another on every server and connection, as the in-memory backend queues them: nothing
 * slips in between a guard and its writes, so two requests can never both pass R4, the seat
 * count or R9. The lock is taken alone, before anything else is read: under READ COMMITTED each
 * later statement then sees every change committed before the lock was granted. Reads take no
 * lock and never wait.
 */
export async function lockOrganisation(tx: Queryable, organisationId: string): Promise<void> {
  const { rows } = await tx.query('SELECT 1 FROM organisations WHERE organisation_id = $1 FOR NO KEY UPDATE', [organisationId]);
  if (!rows[0]) throw organisationNotFound(organisationId);
}
