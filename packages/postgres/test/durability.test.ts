import type { OffboardAdapter } from '@offboard/core';
import { DEMO_ORGANISATION_ID, generateOrganisation } from '@offboard/core/fixtures';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPostgresBackend, seed, type Db } from '../src';
import { freshDatabases } from './support/databases';
import { waitFor } from './support/poll';
import { startWorker, type Worker } from './support/workers';

const databases = freshDatabases();
const admin = { organisationId: DEMO_ORGANISATION_ID, actorId: 'u-0000001' };
const FOCUS = 'u-focus';
const data = generateOrganisation({ seed: 11, contacts: 2_000, focus: { contacts: 100_000, tasks: 50_000 } });
const sellers = data.users.filter((user) => user.status === 'active' && user.license?.status === 'active' && user.role === 'member' && user.id !== FOCUS);
const targets = sellers.slice(0, 2).map((user) => user.id);
const openFocusTasks = data.tasks.filter((task) => task.assigneeId === FOCUS && task.state === 'created').length;


/**
 * Starts `method` in a separate process and kill -9s it while the change's big statement runs on
 * the server (seen in pg_stat_activity with a transaction id, so some rows are already written),
 * then waits until the server has noticed and ended that session: the moment an app server
 * restarts after a crash.
 */
async function killMidway(db: Db, schema: string, name: string, statement: string, method: keyof OffboardAdapter, args: readonly unknown[]): Promise<void> {
  const worker: Worker = await startWorker(databases.url!, name);
  worker.send(schema, method, args);
  const activity = (sql: string) => db.query<{ pid: number }>(sql, [name, statement]).then(({ rows }) => rows[0]?.pid);
  const pid = await waitFor('the change mid-statement', () =>
    activity(`SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND state = 'active' AND backend_xid IS NOT NULL AND strpos(query, $2) > 0`),
  );
  const exited = new Promise((resolve) => worker.process.once('exit', resolve));
  worker.process.kill('SIGKILL');
  await exited;
  await waitFor('the server to end the dead session', async () =>
    (await db.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [pid])).rows.length === 0 ? true : undefined,
  );
}

const countOf = async (db: Db, sql: string, params: readonly unknown[] = []) => Number((await db.query(sql, params)).rows[0]!.n);

describe.runIf(databases.kind === 'server')('durability: kill -9 in the middle of a large change', () => {
  let db: Db;
  let schema: string;
  let backend: OffboardAdapter;
  const auditOf = (action: string) => countOf(db, `SELECT count(*) AS n FROM audit_log WHERE action = $1 AND target_id = $2`, [action, FOCUS]);

  beforeAll(async () => {
    ({ db, schema } = await databases.dedicated());
    await seed(db, data);
    backend = createPostgresBackend({ db });
  }, 120_000);

  it('R5/R11: a reassignment of 100,000 contacts killed mid-statement: after restart all of it or none of it happened, and the retry with its key runs it once', async () => {
    const context = { ...admin, idempotencyKey: 'move-focus-contacts' };
    const request = { fromOwnerId: FOCUS, toUserIds: targets };
    await killMidway(db, schema, 'offboard-crash-reassign', 'WITH chosen AS MATERIALIZED', 'reassignContacts', [request, context]);
    const owned = await countOf(db, 'SELECT count(*) AS n FROM contacts WHERE owner_id = $1', [FOCUS]);
    const moved = await countOf(db, 'SELECT count(*) AS n FROM contacts WHERE version > 1');
    const keys = await countOf(db, 'SELECT count(*) AS n FROM idempotency_keys');
    // All or nothing: either every contact moved, with its audit entry and key, or none did.
    expect([owned, moved, await auditOf('contacts.reassigned'), keys]).toSatisfy(
      ([o, m, a, k]: number[]) => (o === 100_000 && m === 0 && a === 0 && k === 0) || (o === 0 && m === 100_000 && a === 1 && k === 1),
    );
    const result = await backend.reassignContacts(request, context);
    expect(result.total).toBe(100_000);
    expect(await backend.reassignContacts(request, context)).toEqual(result);
    expect([await auditOf('contacts.reassigned'), await countOf(db, 'SELECT count(*) AS n FROM contacts WHERE version = 2')]).toEqual([1, 100_000]);
  }, 120_000);

  it('R3/R11: a deactivation over 50,000 tasks killed mid-statement: after restart all of it or none of it happened, and the retry with its key runs it once', async () => {
    const context = { ...admin, idempotencyKey: 'focus-leaves' };
    await killMidway(db, schema, 'offboard-crash-deactivate', 'made_transferable', 'deactivateUser', [FOCUS, context]);
    const user = await backend.getUser(FOCUS, admin);
    const transferable = await countOf(db, 'SELECT count(*) AS n FROM tasks WHERE assignee_id = $1 AND transferable', [FOCUS]);
    const sessions = await countOf(db, 'SELECT count(*) AS n FROM sessions WHERE user_id = $1 AND ended_at IS NULL', [FOCUS]);
    const brains = (await backend.listSalesBrains({ memberId: FOCUS }, admin)).total;
    const none = user.status === 'active' && user.license?.status === 'active' && transferable === 0 && sessions === 1 && brains === 5;
    const all = user.status === 'inactive' && user.license?.status === 'inactive' && transferable === openFocusTasks && sessions === 0 && brains === 0;
    expect(none || all, JSON.stringify({ user, transferable, sessions, brains })).toBe(true);
    expect(await auditOf('user.deactivated')).toBe(all ? 1 : 0);
    const { user: after, audit } = await backend.deactivateUser(FOCUS, context);
    expect([after.status, after.version, audit.effects.tasksMadeTransferable?.length]).toEqual(['inactive', 2, openFocusTasks]);
    expect(await backend.deactivateUser(FOCUS, context)).toEqual({ user: after, audit });
    expect(await auditOf('user.deactivated')).toBe(1);
  }, 120_000);

  it('R11: a process killed right after its change committed, before anyone read the answer: the retry replays it', async () => {
    const context = { ...admin, idempotencyKey: 'hand-over-focus-tasks' };
    const request = { fromUserId: FOCUS, toUserId: targets[0]! };
    const worker = await startWorker(databases.url!, 'offboard-crash-after-commit');
    const answer = await worker.call(schema, 'transferTasks', [request, context]);
    worker.process.kill('SIGKILL');
    expect(answer.outcome).toBe('ok');
    const replayed = await backend.transferTasks(request, context);
    expect(replayed).toEqual(answer.result);
    expect(replayed.taskIds).toHaveLength(openFocusTasks);
    expect(await auditOf('tasks.transferred')).toBe(1);
  }, 120_000);
});
