import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OffboardAdapter, ReassignContactsResult } from '../../adapter/OffboardAdapter';
import { isOffboardError } from '../../errors/OffboardError';
import type { FreshLifecycle, LifecycleFixture } from '../context';
import { observe, type Observation } from '../harness';
import { SERVICE_ACTOR, commandArbitraries, execute, idempotencyKey } from '../properties/commands';
import { Refused, applyToModel, checkStanding, liveKey, modelOf, seatsUsed, type ModelCommand, type ModelState } from '../properties/model';
import { propertyOrganisation } from '../properties/organisation';

interface Real {
  readonly fixture: LifecycleFixture;
  readonly adapter: OffboardAdapter;
  readonly initial: Observation;
  last: Observation;
  /** First result of each idempotency key, to compare replays with. */
  readonly results: Map<string, unknown>;
  readonly onStep?: (outcome: string) => void;
}

/** The adapter's state, projected onto what the model knows. */
function project(observation: Observation) {
  return {
    users: observation.users.map((u) => [u.id, u.role, u.status, u.license?.country ?? null, u.license?.status ?? null, u.version]),
    contacts: observation.contacts.map((c) => [c.id, c.ownerId, c.version]),
    tasks: observation.tasks.map((t) => [t.id, t.assigneeId, t.state, t.transferable, t.version]),
    numbers: observation.phoneNumbers.map((n) => [n.id, n.status === 'active', n.version]),
    brains: observation.salesBrains.map((b) => [b.id, [...b.memberIds].sort()]),
    schedules: [...observation.schedules].sort((a, b) => (a.id < b.id ? -1 : 1)).map((s) => [s.id, s.userId, s.scope, Date.parse(s.at), s.status, s.version]),
    audits: observation.auditLog.length,
  };
}
function projectModel(m: ModelState): ReturnType<typeof project> {
  const sorted = <T>(map: Map<string, T>) => [...map].sort(([a], [b]) => (a < b ? -1 : 1));
  return {
    users: sorted(m.users).map(([id, u]) => [id, u.role, u.status, u.license?.country ?? null, u.license?.status ?? null, u.version]),
    contacts: sorted(m.contacts).map(([id, c]) => [id, c.ownerId, c.version]),
    tasks: sorted(m.tasks).map(([id, t]) => [id, t.assigneeId, t.state, t.transferable, t.version]),
    numbers: sorted(m.numbers).map(([id, n]) => [id, n.active, n.version]),
    brains: sorted(m.brains).map(([id, members]) => [id, [...members].sort()]),
    schedules: sorted(m.schedules).map(([id, s]) => [id, s.userId, s.scope, s.at, s.status, s.version]),
    audits: m.audits,
  };
}

/**
 * The guarantees of issue #6 that hold after every single step, whatever came before. `entries`
 * is how many audit entries the step wrote by the model: one per change, plus one per schedule a
 * deactivation settled (R15); a pass of time writes those of what it ran.
 */
function assertInvariants(real: Real, now: Observation, before: Observation, succeeded: boolean, entries: number, passOfTime: boolean): void {
  expect(now.users.map((u) => u.id)).toEqual(real.initial.users.map((u) => u.id));
  expect(now.history).toEqual(real.initial.history);
  expect(now.auditLog.slice(now.auditLog.length - before.auditLog.length)).toEqual(before.auditLog);
  const active = now.users.filter((u) => u.status === 'active' && u.license?.status === 'active');
  expect(now.seats.used).toBe(active.length);
  expect(now.seats.used).toBeLessThanOrEqual(now.seats.total);
  for (const number of now.phoneNumbers.filter((n) => n.status === 'active')) {
    expect(active.some((u) => u.license!.country === number.country), `R4: ${number.country} has active numbers and no license`).toBe(true);
  }
  expect(now.auditLog.length - before.auditLog.length).toBe(succeeded ? entries : 0);
  if (!succeeded) expect(now).toEqual(before);
  // One change moves a user's version once; a pass of time may run two schedules of one user.
  if (passOfTime) return;
  for (const user of now.users) {
    const previous = before.users.find((u) => u.id === user.id)!;
    expect(user.version - previous.version).toBe(JSON.stringify({ ...user, version: 0 }) === JSON.stringify({ ...previous, version: 0 }) ? 0 : 1);
  }
}

/**
 * R5 fixes how many contacts each salesperson receives, not which: the model checks that exactly
 * its selection moved, from the right owner, in its counts per salesperson, then takes the
 * adapter's placement so later steps compare contact by contact.
 */
function adoptPlacement(model: ModelState, next: ModelState, result: ReassignContactsResult): void {
  const moved = [...next.contacts].filter(([id, contact]) => model.contacts.get(id)!.ownerId !== contact.ownerId);
  const placed = result.audit.effects.contactsMoved ?? [];
  expect(placed.flatMap((entry) => entry.contactIds).sort()).toEqual(moved.map(([id]) => id).sort());
  const counts = (owners: string[]) => owners.reduce<Record<string, number>>((all, owner) => ({ ...all, [owner]: (all[owner] ?? 0) + 1 }), {});
  expect(counts(placed.flatMap((entry) => entry.contactIds.map(() => entry.toUserId)))).toEqual(counts(moved.map(([, contact]) => contact.ownerId)));
  for (const { toUserId, contactIds } of placed) for (const id of contactIds) next.contacts.get(id)!.ownerId = toUserId;
}

class Step implements fc.AsyncCommand<ModelState, Real> {
  constructor(
    readonly command: ModelCommand,
    readonly key: string | undefined,
  ) {}
  /** Valid and invalid commands alike run: refusals are half of what is under test. */
  check = () => true;
  async run(model: ModelState, real: Real): Promise<void> {
    const request = JSON.stringify(this.command);
    // R1: a delete is refused before anything else, its key included. R13: keys are the actor's
    // own, and looked up only once the actor's standing allows the change at all.
    const slot = `${'actor' in this.command ? this.command.actor : ''}\u0000${this.key}`;
    let standing: string | null = null;
    try {
      checkStanding(model, this.command);
    } catch (error) {
      if (!(error instanceof Refused)) throw error;
      standing = error.code;
    }
    const keyed = this.key !== undefined && this.command.op !== 'deleteUser' && this.command.op !== 'passTime' && standing === null;
    const live = keyed ? liveKey(model, slot) : undefined;
    const replay = live === request;
    const reused = live !== undefined && !replay;
    let expected: string = 'ok';
    const next = structuredClone(model);
    if (reused) expected = 'IDEMPOTENCY_KEY_REUSED';
    else if (!replay) {
      try {
        applyToModel(next, this.command);
      } catch (error) {
        if (!(error instanceof Refused)) throw error;
        expected = error.code;
      }
    }
    let result: unknown;
    let actual = 'ok';
    try {
      result = await execute(real.fixture, this.command, this.key);
    } catch (error) {
      if (!isOffboardError(error)) throw error;
      actual = error.code;
    }
    real.onStep?.(actual);
    expect(actual, `${request} key=${this.key}`).toBe(expected);
    const now = await observe(real.adapter);
    assertInvariants(real, now, real.last, actual === 'ok' && !replay, next.audits - model.audits, this.command.op === 'passTime');
    if (replay) {
      expect(result).toEqual(real.results.get(slot));
      expect(now).toEqual(real.last);
    } else if (actual === 'ok') {
      if (this.command.op === 'reassignContacts') adoptPlacement(model, next, result as ReassignContactsResult);
      Object.assign(model, next);
      if (this.key !== undefined) {
        model.keys.set(slot, { request, at: model.now });
        real.results.set(slot, result);
      }
    }
    expect(project(now)).toEqual(projectModel(model));
    expect(now.seats.used).toBe(seatsUsed(model));
    real.last = now;
  }
  toString = () => `${JSON.stringify(this.command)}${this.key ? ` key=${this.key}` : ''}`;
}

const steps = fc.commands(
  commandArbitraries.map((arbitrary) => fc.tuple(arbitrary, idempotencyKey).map(([command, key]) => new Step(command, key))),
  { maxCommands: 30, size: '+1' },
);

export interface PropertyOptions {
  /** Random command sequences to run. @default 1000 */
  readonly sequences?: number;
  /** The property's time limit, for adapters slower than 0.1 s a sequence (a database, read back at every step). @default max(60 s, 0.1 s × sequences) */
  readonly timeoutMs?: number;
  readonly seed?: number;
  /** Told the outcome of every step ('ok' or the refusal code), for reports such as `npm run soak`. */
  readonly onStep?: (outcome: string) => void;
}

export function propertiesSuite(fresh: FreshLifecycle, options: PropertyOptions = {}): void {
  describe('R1–R15 under random command sequences (fast-check model)', () => {
    // Up to 0.1 s a sequence (HTTP through MSW is the slow case), however many are asked for.
    it(`R1–R11, R15: ${options.sequences ?? 1000} random sequences of every mutation, valid and invalid, from several actors, and time passing, agree with a plain model`, async () => {
      await fc.assert(
        fc.asyncProperty(steps, async (commands) => {
          const data = propertyOrganisation();
          const fixture = await fresh({ data });
          const { adapter } = fixture;
          const initial = await observe(adapter);
          const real: Real = { fixture, adapter, initial, last: initial, results: new Map(), onStep: options.onStep };
          await fc.asyncModelRun(() => ({ model: modelOf(data, [SERVICE_ACTOR]), real }), commands);
        }),
        { numRuns: options.sequences ?? 1000, ...(options.seed !== undefined ? { seed: options.seed } : {}) },
      );
    }, options.timeoutMs ?? Math.max(60_000, (options.sequences ?? 1000) * 100));
  });
}
