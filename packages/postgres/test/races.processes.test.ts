import type { OffboardAdapter } from '@offboard/core';
import { demoOrganisation } from '@offboard/core/fixtures';
import { as, observer } from '@offboard/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { createPostgresBackend, seed } from '../src';
import { freshDatabases } from './support/databases';
import { startWorker, wallClock, type Worker } from './support/workers';

const ROUNDS = 100;
const databases = freshDatabases();
const service = (actorId: string) => ({ organisationId: 'org-demo', actorId, kind: 'service' as const });

type Call = readonly [method: keyof OffboardAdapter, args: readonly unknown[]];

interface Race {
  readonly name: string;
  /** Once, through the test's own backend, before the rounds. */
  readonly setup: (backend: OffboardAdapter) => Promise<void>;
  /** What each of the two processes calls in a round. */
  readonly calls: readonly [Call, Call];
  /** The loser's refusal. */
  readonly refusal: string;
  /** Undoes the winner's change, so the next round starts from the same state; `winner` is 0 or 1. */
  readonly reset: (backend: OffboardAdapter, winner: number) => Promise<void>;
  /** What must hold after every round, whoever won. */
  readonly invariant: (backend: OffboardAdapter) => Promise<void>;
}

const RACES: Race[] = [
  {
    name: 'R11 with R4: two processes deactivate the last two licenses of a country (Colombia, with numbers) — exactly one wins every round',
    setup: async (backend) => void (await backend.assignLicense('u-julia', { country: 'CO' }, as('u-ana'))),
    calls: [
      ['deactivateLicense', ['u-diego', as('u-ana')]],
      ['deactivateLicense', ['u-julia', as('u-bruno')]],
    ],
    refusal: 'LAST_LICENSE_IN_COUNTRY',
    reset: async (backend, winner) => void (await backend.assignLicense(winner === 0 ? 'u-diego' : 'u-julia', { country: 'CO' }, as('u-ana'))),
    invariant: async (backend) => {
      const colombia = (await backend.listUsers({ licensed: true, limit: 500 }, observer)).items.filter((user) => user.license?.country === 'CO');
      expect(colombia).toHaveLength(1);
    },
  },
  {
    name: 'R11 with R7: two processes assign licenses for the last free seat — exactly one wins every round, seats never exceed the total',
    setup: async () => undefined,
    calls: [
      ['assignLicense', ['u-julia', { country: 'ES' }, as('u-ana')]],
      ['assignLicense', ['u-nora', { country: 'MX' }, as('u-bruno')]],
    ],
    refusal: 'NO_SEATS_AVAILABLE',
    reset: async (backend, winner) => void (await backend.deactivateLicense(winner === 0 ? 'u-julia' : 'u-nora', as('u-ana'))),
    invariant: async (backend) => expect(await backend.getSeatUsage(observer)).toEqual({ total: 11, used: 11, available: 0 }),
  },
  {
    name: 'R11 with R9: two processes deactivate the last two active admins — exactly one wins every round, an admin remains',
    setup: async (backend) => void (await backend.deactivateUser('u-nora', as('u-ana'))),
    calls: [
      ['deactivateUser', ['u-ana', service('svc-sync-a')]],
      ['deactivateUser', ['u-bruno', service('svc-sync-b')]],
    ],
    refusal: 'LAST_ADMIN',
    reset: async (backend, winner) => void (await backend.reactivateUser(winner === 0 ? 'u-ana' : 'u-bruno', service('svc-reset'))),
    invariant: async (backend) => expect((await backend.listUsers({ role: 'admin' }, observer)).total).toBe(1),
  },
];

describe.runIf(databases.kind === 'server')('R11 across processes: separate Node processes, each with its own pool, on one database', () => {
  // Two app servers, started once: each race works in a schema of its own.
  let contenders: Promise<Worker[]> | null = null;
  afterAll(async () => Promise.all((await contenders)?.map((worker) => worker.exit()) ?? []));

  for (const race of RACES) {
    it(`${race.name} (${ROUNDS} rounds)`, async () => {
      const { db, schema } = await databases.dedicated();
      await seed(db, demoOrganisation());
      const backend = createPostgresBackend({ db });
      await race.setup(backend);
      contenders ??= Promise.all([0, 1].map((n) => startWorker(databases.url!, `offboard-race-${n}`)));
      const workers = await contenders;
      let overlapping = 0;
      for (let round = 1; round <= ROUNDS; round++) {
        const auditBefore = (await backend.listAuditLog({ limit: 1 }, observer)).total;
        // Both start at the same instant, a few milliseconds ahead, each in its own process.
        const at = wallClock() + 5;
        const answers = await Promise.all(workers.map((worker, n) => worker.call(schema, race.calls[n]![0], race.calls[n]![1], at)));
        const outcomes = answers.map((answer) => answer.outcome);
        expect([...outcomes].sort(), `round ${round}`).toEqual(['ok', race.refusal].sort());
        expect((await backend.listAuditLog({ limit: 1 }, observer)).total, `round ${round}`).toBe(auditBefore + 1);
        await race.invariant(backend);
        const [a, b] = answers as [(typeof answers)[0], (typeof answers)[0]];
        if (a.started < b.ended && b.started < a.ended) overlapping += 1;
        await race.reset(backend, outcomes.indexOf('ok'));
      }
      // The rounds really raced: most calls were in flight at the same time, in two processes.
      console.log(`${race.refusal}: ${overlapping}/${ROUNDS} rounds had both calls in flight at once`);
      expect(overlapping).toBeGreaterThan(ROUNDS / 2);
    }, 120_000);
  }
});
