import type { Request as CannonRequest } from 'autocannon';
import { isErrorCode, type ErrorCode, type OffboardData } from '@offboard/core';
import { BASE_PATH } from './organisation';

/** A deterministic source of choices, so two runs send the same mix. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface Kind {
  readonly name: string;
  readonly connections: number;
  /** What each connection sends, in turn. */
  readonly requests: CannonRequest[];
}

export interface World {
  readonly organisation: OffboardData;
  readonly authorizations: Record<string, string>;
  readonly admins: readonly string[];
  readonly salespeople: readonly string[];
  readonly random: () => number;
}

const pick = <T>(random: () => number, values: readonly T[]): T => values[Math.floor(random() * values.length)]!;

/**
 * Server process `server`'s share of a kind's `connections` when `servers` share the traffic: an
 * even split, the odd connection going to each process in turn from one kind (`index`) to the next.
 */
export function shareOf(connections: number, index: number, server: number, servers: number): number {
  const turn = (((server - index) % servers) + servers) % servers;
  return Math.floor(connections / servers) + (turn < connections % servers ? 1 : 0);
}

/** The six reads, each an admin's (or the directory service's), over the whole organisation. */
export function readKinds(world: World, connections: number): Kind[] {
  const { organisation, authorizations, admins, random } = world;
  const users = organisation.users.map((user) => user.id);
  const read = (name: string, path: () => string): Kind => ({
    name,
    connections,
    requests: [{ setupRequest: (request) => ({ ...request, method: 'GET', path: `${BASE_PATH}${path()}`, headers: { authorization: authorizations[pick(random, admins)]! } }) }],
  });
  return [
    read('list users', () => '/v1/users?limit=50'),
    read('user', () => `/v1/users/${pick(random, users)}`),
    read('offboarding plan', () => `/v1/users/${pick(random, users)}/offboarding-plan?scenario=employee-departure`),
    read('contacts page', () => `/v1/contacts?ownerId=${pick(random, users)}&limit=50`),
    read('seats', () => '/v1/seats'),
    read('audit page', () => '/v1/audit-log?limit=50'),
  ];
}

/** A change as sent: who, what, to which server process, and the idempotency key a retry sends again. */
interface Change {
  readonly kind: string;
  readonly server: number;
  readonly key: string;
  readonly actor: string;
  readonly method: 'POST';
  readonly path: string;
  readonly body: string;
}

/** What a rule may answer to a change sent at random: a refusal the load expects, not an error. */
export const EXPECTED_REFUSALS: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'ALREADY_INACTIVE',
  'ALREADY_ACTIVE',
  'NO_LICENSE',
  'LICENSE_ALREADY_ACTIVE',
  'USER_INACTIVE',
  'LAST_LICENSE_IN_COUNTRY',
  'NO_SEATS_AVAILABLE',
  'INVALID_REASSIGN_TARGET',
  'TASK_NOT_TRANSFERABLE',
  'CONTACTS_ASSIGNED',
  'CANNOT_DEACTIVATE_SELF',
  'LAST_ADMIN',
  'VERSION_CONFLICT',
]);

/**
 * Every answer to a change, kept to check R10 and R11 afterwards: the audit entry of each key
 * that succeeded, what a retry under the same key got back, refusals by code, anything else.
 */
export class Ledger {
  /** Idempotency key → the id of the audit entry its success wrote. */
  readonly applied = new Map<string, string>();
  /** The changes behind `applied`, to send again to another server process. */
  readonly appliedChanges: Change[] = [];
  readonly refusals = new Map<string, number>();
  readonly unexpected = new Map<string, number>();
  replays = 0;
  replaysThatDiffered = 0;
  /** Tasks that became transferable (R2), for the salespeople to take. */
  readonly transferable: string[] = [];
  /** Changes sent whose answer has not come (yet): the run's end cuts some off. */
  readonly unanswered = new Map<string, Change>();

  record(change: Change, retry: boolean, status: number, text: string): void {
    this.unanswered.delete(change.key);
    let body: { code?: string; audit?: { id: string; effects?: { tasksMadeTransferable?: string[] } } } = {};
    try {
      body = JSON.parse(text);
    } catch {
      // Counted below as unexpected: every answer of the contract is JSON.
    }
    const first = this.applied.get(change.key);
    if (retry && first !== undefined) {
      // R11: the same key after a success answers that success again, audit entry and all.
      this.replays += 1;
      if (status !== 200 || body.audit?.id !== first) this.replaysThatDiffered += 1;
      return;
    }
    if (status === 200 && body.audit) {
      this.applied.set(change.key, body.audit.id);
      this.appliedChanges.push(change);
      this.transferable.push(...(body.audit.effects?.tasksMadeTransferable ?? []));
      return;
    }
    const bucket = (status === 403 || status === 409 || status === 412) && isErrorCode(body.code) && EXPECTED_REFUSALS.has(body.code) ? this.refusals : this.unexpected;
    const label = `${status} ${body.code ?? 'no problem'}`;
    bucket.set(label, (bucket.get(label) ?? 0) + 1);
  }
}

/**
 * One kind of change as autocannon requests. About one change in six is sent a second time on
 * the same connection with the same key and body, as a client does that lost an answer (R11).
 * Two entries, because autocannon clears a connection's context each time it has gone through
 * its list: the first may leave a change pending, the second sends it again.
 */
function changeKind(name: string, connections: number, server: number, world: World, ledger: Ledger, next: () => Omit<Change, 'kind' | 'server' | 'key' | 'method'>): Kind {
  let sequence = 0;
  type Context = { current?: Change; retry?: boolean; pending?: Change };
  const entry = (mayRetryNext: boolean): CannonRequest => ({
    setupRequest(request, raw) {
      const context = raw as Context;
      const retry = context.pending !== undefined;
      const change: Change = context.pending ?? { ...next(), kind: name, server, key: `s${server}-${name.replace(/\W+/g, '-')}-${(sequence += 1)}`, method: 'POST' };
      context.pending = mayRetryNext && world.random() < 1 / 3 ? change : undefined;
      context.current = change;
      context.retry = retry;
      if (!retry) ledger.unanswered.set(change.key, change);
      return {
        ...request,
        method: change.method,
        path: `${BASE_PATH}${change.path}`,
        body: change.body,
        headers: { authorization: world.authorizations[change.actor]!, 'content-type': 'application/json', 'idempotency-key': change.key },
      };
    },
    onResponse(status, body, raw) {
      const context = raw as Context;
      ledger.record(context.current!, context.retry!, status, body);
    },
  });
  return { name, connections, requests: [entry(true), entry(false)] };
}

/** Sends `change` again, under its key, to the server process at `origin`, and records the answer. */
async function resend(origin: string, world: World, ledger: Ledger, change: Change, retry: boolean): Promise<void> {
  const response = await fetch(`${origin}${BASE_PATH}${change.path}`, {
    method: change.method,
    body: change.body || undefined,
    headers: { authorization: world.authorizations[change.actor]!, 'content-type': 'application/json', 'idempotency-key': change.key },
  });
  ledger.record(change, retry, response.status, await response.text());
}

/**
 * Sends again, under the same key, every change whose answer the end of the run cut off: each
 * was applied at most once, and the retry says which (R11), as a client would find out.
 */
export async function resendUnanswered(origins: readonly string[], world: World, ledger: Ledger): Promise<number> {
  const changes = [...ledger.unanswered.values()];
  for (const change of changes) await resend(origins[change.server]!, world, ledger, change, false);
  return changes.length;
}

/**
 * R11 across processes: up to `count` applied changes, each sent again under its key to a server
 * process other than the one that applied it, which must answer the first result from the
 * database. Returns how many were sent.
 */
export async function replayElsewhere(origins: readonly string[], world: World, ledger: Ledger, count: number): Promise<number> {
  const step = Math.max(1, Math.floor(ledger.appliedChanges.length / count));
  const chosen = ledger.appliedChanges.filter((_, index) => index % step === 0).slice(0, count);
  for (const change of chosen) await resend(origins[(change.server + 1) % origins.length]!, world, ledger, change, true);
  return chosen.length;
}

/**
 * The four kinds of change, sent by several admins, the directory service and salespeople: the
 * share of their 14 connections that server process `server` of `servers` gets.
 */
export function changeKinds(world: World, ledger: Ledger, server = 0, servers = 1): Kind[] {
  const { organisation, admins, salespeople, random } = world;
  const actors = new Set([...admins, ...salespeople]);
  // Anyone but those who act: their standing stays, so every refusal is a rule's, not theirs.
  const targets = organisation.users.filter((user) => !actors.has(user.id));
  const countries = [...new Set(organisation.phoneNumbers.map((number) => number.country))];
  const contactsByOwner = new Map<string, string[]>();
  for (const contact of organisation.contacts) contactsByOwner.set(contact.ownerId, [...(contactsByOwner.get(contact.ownerId) ?? []), contact.id]);
  const owners = [...contactsByOwner.keys()];
  const tasks = organisation.tasks.map((task) => task.id);
  const numbers = organisation.phoneNumbers.map((number) => number.id);
  const admin = () => pick(random, admins);

  const share = (connections: number, index: number) => shareOf(connections, index, server, servers);
  return [
    changeKind('licenses and users', share(5, 0), server, world, ledger, () => {
      const user = pick(random, targets);
      const roll = random();
      if (roll < 0.45) return { actor: admin(), path: `/v1/users/${user.id}/license/deactivate`, body: '' };
      if (roll < 0.9) return { actor: admin(), path: `/v1/users/${user.id}/license`, body: JSON.stringify({ country: user.license?.country ?? pick(random, countries) }) };
      return { actor: admin(), path: `/v1/users/${user.id}/${roll < 0.95 ? 'deactivate' : 'reactivate'}`, body: '' };
    }),
    changeKind('take task', share(3, 1), server, world, ledger, () => {
      // A task made transferable by a deactivation when there is one, else any (mostly refused).
      const task = ledger.transferable.length > 0 && random() < 0.7 ? ledger.transferable.splice(Math.floor(random() * ledger.transferable.length), 1)[0]! : pick(random, tasks);
      return { actor: pick(random, salespeople), path: `/v1/tasks/${task}/take`, body: '' };
    }),
    changeKind('reassign contacts', share(3, 2), server, world, ledger, () => {
      const fromOwnerId = pick(random, owners);
      const owned = contactsByOwner.get(fromOwnerId)!;
      const start = Math.floor(random() * owned.length);
      const toUserIds = [...new Set([pick(random, salespeople), pick(random, salespeople)])];
      return { actor: admin(), path: '/v1/contacts/reassign', body: JSON.stringify({ fromOwnerId, contactIds: owned.slice(start, start + 10), toUserIds }) };
    }),
    changeKind('deactivate number', share(3, 3), server, world, ledger, () => ({ actor: admin(), path: `/v1/phone-numbers/${pick(random, numbers)}/deactivate`, body: '' })),
  ].filter((kind) => kind.connections > 0);
}
