import type { ScheduleRunReport } from '@offboard/core';
import { demoOrganisation } from '@offboard/core/fixtures';
import { as, people, proveWebhookRetries, testClock } from '@offboard/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { createPostgresBackend, seed } from '../src';
import { freshDatabases } from './support/databases';
import { startWorker, wallClock, type Worker } from './support/workers';

const databases = freshDatabases();
const ORGANISATIONS = ['org-a', 'org-b', 'org-c', 'org-d'];
/** Everyone Ana may deactivate in a demo organisation; Diego's and Ignacio's fail (R4, the last license of their country). */
const TARGETS = ['u-bruno', 'u-nora', 'u-carla', 'u-diego', 'u-elena', 'u-fernando', 'u-gabriela', 'u-hugo', 'u-ignacio', 'u-julia', 'u-marta', 'u-oscar'];

describe.runIf(databases.kind === 'server')('R15 across processes: two runners, each in its own Node process with its own pool', () => {
  let workers: Worker[] = [];
  afterAll(async () => Promise.all(workers.map((worker) => worker.exit())));

  it(`R15: two processes running the same due schedules at the same instant perform each exactly once (${ORGANISATIONS.length} organisations × ${TARGETS.length} schedules, 3 rounds)`, async () => {
    const { db, schema } = await databases.dedicated();
    await seed(db, ORGANISATIONS.map((organisationId) => demoOrganisation(organisationId)));
    workers = await Promise.all([0, 1].map((n) => startWorker(databases.url!, `offboard-runner-${n}`)));
    for (let round = 1; round <= 3; round++) {
      // Made in the past by the test's clock, so the runners' real clocks find them all due.
      const clock = testClock(`202${round}-01-01T00:00:00Z`);
      const backend = createPostgresBackend({ db, clock });
      for (const organisationId of ORGANISATIONS) {
        for (const userId of TARGETS) {
          await backend.scheduleDeactivation(userId, { scope: round === 2 ? 'license' : 'user', at: `202${round}-01-02T00:00:00Z` }, { ...as(people.admin), organisationId }).catch(() => undefined);
        }
      }
      const pending = Number((await db.query(`SELECT count(*) AS n FROM scheduled_deactivations WHERE status = 'pending'`)).rows[0]!.n);
      const at = wallClock() + 20;
      const answers = await Promise.all(workers.map((worker) => worker.call(schema, 'runDueSchedules', [], at)));
      expect(answers.map((answer) => answer.outcome)).toEqual(['ok', 'ok']);
      const reports = answers.map((answer) => answer.result as ScheduleRunReport);
      const performed = reports.flatMap((report) => [...report.completed, ...report.failed]).map(({ organisationId, id }) => `${organisationId}/${id}`);
      expect(performed.length, `round ${round}`).toBe(pending);
      expect(new Set(performed).size).toBe(pending);
      const { rows } = await db.query<{ action: string; n: string }>(
        `SELECT action, count(*) AS n FROM audit_log WHERE actor_id = 'offboard-scheduler' AND action IN ('schedule.completed', 'schedule.failed') GROUP BY action ORDER BY action`,
      );
      const settled = rows.reduce((sum, row) => sum + Number(row.n), 0);
      expect(Number((await db.query(`SELECT count(*) AS n FROM scheduled_deactivations WHERE status IN ('completed', 'failed')`)).rows[0]!.n)).toBe(settled);
      expect(Number((await db.query(`SELECT count(*) AS n FROM scheduled_deactivations WHERE status = 'pending'`)).rows[0]!.n)).toBe(0);
      // Each deactivation the scheduler made is followed by exactly one completion of its schedule.
      const deactivations = await db.query(`SELECT count(*) AS n FROM audit_log WHERE actor_id = 'offboard-scheduler' AND action IN ('license.deactivated', 'user.deactivated')`);
      expect(Number(deactivations.rows[0]!.n)).toBe(Number(rows.find((row) => row.action === 'schedule.completed')?.n ?? 0));
      console.log(`round ${round}: ${pending} due, performed ${reports.map((report) => report.completed.length + report.failed.length).join(' + ')} by the two processes`);
      // Everyone back, for the next round.
      for (const organisationId of ORGANISATIONS) {
        for (const userId of TARGETS) await backend.reactivateUser(userId, { ...as(people.admin), organisationId }).catch(() => undefined);
      }
    }
  }, 120_000);
});

describe('R16 webhooks on PostgreSQL (a real receiver on 127.0.0.1)', () => {
  it('R16: each event reaches the receiver signed; 500s are retried with backoff; after de-duplication each arrives exactly once; the log says so', async () => {
    const { db } = await databases.fresh();
    await seed(db, demoOrganisation());
    const clock = testClock();
    await proveWebhookRetries(createPostgresBackend({ db, clock, webhooks: { isAllowedUrl: () => true, retryBaseMs: 1_000 } }), clock);
  });
});
