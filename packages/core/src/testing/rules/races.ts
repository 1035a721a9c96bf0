import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OffboardAdapter } from '../../adapter/OffboardAdapter';
import { isOffboardError } from '../../errors/OffboardError';
import type { Fresh } from '../context';
import { people } from '../context';
import { as } from '../harness';
import { observer } from '../harness';

const outcome = (call: Promise<unknown>) =>
  call.then(
    () => 'ok',
    (error: unknown) => (isOffboardError(error) ? error.code : `thrown: ${String(error)}`),
  );

/** Calls made at once: plainly, or released in an order fast-check's scheduler chooses. */
async function race(calls: (() => Promise<unknown>)[], scheduler?: fc.Scheduler): Promise<string[]> {
  if (!scheduler) return Promise.all(calls.map((call) => outcome(call())));
  const outcomes = calls.map((call) => outcome(scheduler.schedule(Promise.resolve(), 'start').then(call)));
  await scheduler.waitFor(Promise.all(outcomes));
  return Promise.all(outcomes);
}

interface Race {
  readonly name: string;
  readonly prepare: (adapter: OffboardAdapter) => Promise<void>;
  readonly calls: (adapter: OffboardAdapter) => (() => Promise<unknown>)[];
  readonly outcomes: string[];
  readonly after: (adapter: OffboardAdapter) => Promise<void>;
}

const RACES: Race[] = [
  {
    name: 'R11 with R4: the last two licensed salespeople of a country deactivated at once — exactly one wins',
    prepare: async (adapter) => {
      await adapter.assignLicense(people.unlicensedMember, { country: 'CO' }, as(people.admin));
    },
    calls: (adapter) => [
      () => adapter.deactivateLicense(people.lastInColombia, as(people.admin)),
      () => adapter.deactivateUser(people.unlicensedMember, as(people.otherAdmin)),
    ],
    outcomes: ['LAST_LICENSE_IN_COUNTRY', 'ok'],
    after: async (adapter) => {
      const colombia = (await adapter.listUsers({ licensed: true }, observer)).items.filter((user) => user.license?.country === 'CO');
      expect(colombia).toHaveLength(1);
    },
  },
  {
    name: 'R11 with R6: two salespeople taking one task at once — one gets it',
    prepare: async () => {},
    calls: (adapter) => [() => adapter.takeTask('t-047', as(people.salesperson)), () => adapter.takeTask('t-047', as(people.spainSeller))],
    outcomes: ['TASK_NOT_TRANSFERABLE', 'ok'],
    after: async (adapter) => {
      expect((await adapter.listAuditLog({ action: 'task.taken' }, observer)).total).toBe(1);
    },
  },
  {
    name: 'R11 with R5: two reassignments of the same contacts at once — applied once',
    prepare: async () => {},
    calls: (adapter) => [
      () => adapter.reassignContacts({ fromOwnerId: people.formerSeller, contactIds: ['c-180', 'c-181'], toUserIds: [people.salesperson] }, as(people.admin)),
      () => adapter.reassignContacts({ fromOwnerId: people.formerSeller, contactIds: ['c-181', 'c-182'], toUserIds: [people.spainSeller] }, as(people.otherAdmin)),
    ],
    outcomes: ['VERSION_CONFLICT', 'ok'],
    after: async (adapter) => {
      expect((await adapter.listAuditLog({ action: 'contacts.reassigned' }, observer)).total).toBe(1);
    },
  },
  {
    name: 'R11: the same idempotency key sent twice at once — one execution',
    prepare: async () => {},
    calls: (adapter) => [
      () => adapter.deactivateUser(people.spainSeller, as(people.admin, { idempotencyKey: 'once' })),
      () => adapter.deactivateUser(people.spainSeller, as(people.admin, { idempotencyKey: 'once' })),
    ],
    outcomes: ['ok', 'ok'],
    after: async (adapter) => {
      expect((await adapter.listAuditLog({ targetId: people.spainSeller }, observer)).total).toBe(1);
    },
  },
  {
    name: 'R11 with R7: two licenses for the last free seat at once — one wins, seats never exceed the total',
    prepare: async (adapter) => {
      await adapter.reactivateUser(people.inactive, as(people.admin));
    },
    calls: (adapter) => [
      () => adapter.assignLicense(people.unlicensedMember, { country: 'ES' }, as(people.admin)),
      () => adapter.assignLicense(people.inactive, { country: 'MX' }, as(people.otherAdmin)),
    ],
    outcomes: ['NO_SEATS_AVAILABLE', 'ok'],
    after: async (adapter) => {
      expect(await adapter.getSeatUsage(observer)).toEqual({ total: 11, used: 11, available: 0 });
    },
  },
  {
    name: 'R11 with R9: two admins deactivating each other at once — one wins, an admin remains',
    prepare: async (adapter) => {
      await adapter.deactivateUser(people.unlicensedAdmin, as(people.admin));
    },
    calls: (adapter) => [() => adapter.deactivateUser(people.otherAdmin, as(people.admin)), () => adapter.deactivateUser(people.admin, as(people.otherAdmin))],
    outcomes: ['FORBIDDEN', 'ok'],
    after: async (adapter) => {
      expect((await adapter.listUsers({ role: 'admin' }, observer)).total).toBe(1);
    },
  },
];

export interface RaceOptions {
  /** Interleavings tried per race. @default 20 */
  readonly runs?: number;
}

export function racesSuite(fresh: Fresh, options: RaceOptions = {}): void {
  describe('R11 Races', () => {
    for (const scenario of RACES) {
      const attempt = async (scheduler?: fc.Scheduler) => {
        const adapter = await fresh();
        await scenario.prepare(adapter);
        const before = (await adapter.listAuditLog({}, observer)).total;
        const outcomes = await race(scenario.calls(adapter), scheduler);
        expect([...outcomes].sort()).toEqual([...scenario.outcomes].sort());
        // Whatever the interleaving, exactly one of the calls took effect.
        expect((await adapter.listAuditLog({}, observer)).total - before).toBe(1);
        await scenario.after(adapter);
      };
      it(`${scenario.name} (plain concurrent calls)`, () => attempt());
      it(`${scenario.name} (${options.runs ?? 20} scheduled interleavings)`, async () => {
        await fc.assert(fc.asyncProperty(fc.scheduler(), (scheduler) => attempt(scheduler)), { numRuns: options.runs ?? 20 });
      });
    }
  });
}
