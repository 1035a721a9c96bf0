import type { LifecycleEvent } from '@offboard/core';
import { demoOrganisation } from '@offboard/core/fixtures';
import { as, observe, people, refusal, startWebhookReceiver } from '@offboard/core/testing';
import { describe, expect, it } from 'vitest';
import { createPostgresBackend, seed, type Db } from '../src';
import { freshDatabases } from './support/databases';
import { waitFor } from './support/poll';
import { startWorker } from './support/workers';

const databases = freshDatabases();
const outbox = async (db: Db) => (await db.query<{ audit_seq: string }>('SELECT audit_seq FROM event_outbox ORDER BY audit_seq')).rows.map((row) => Number(row.audit_seq));

describe('R16 on PostgreSQL: the outbox', () => {
  it('R16: a change puts its event in the outbox in its own transaction; a refused or failed change leaves none; nothing is heard before dispatch', async () => {
    const { db } = await databases.fresh();
    await seed(db, demoOrganisation());
    const backend = createPostgresBackend({ db });
    const heard: LifecycleEvent[] = [];
    backend.subscribe((event) => void heard.push(event));
    const { audit } = await backend.deactivateLicense(people.spainSeller, { reason: { code: 'downsizing' } }, as(people.admin));
    await refusal(backend.deactivateLicense(people.lastInColombia, as(people.admin)), 'LAST_LICENSE_IN_COUNTRY');
    // Fails at its last statement, after its audit entry and outbox row were written: all of it rolls back.
    await db.query(`CREATE FUNCTION offboard_test_fail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$`);
    await db.query('CREATE TRIGGER offboard_test_fail BEFORE INSERT ON idempotency_keys FOR EACH ROW EXECUTE FUNCTION offboard_test_fail()');
    try {
      await refusal(backend.deactivateUser(people.salesperson, as(people.admin, { idempotencyKey: 'k' })), 'SERVER_ERROR');
    } finally {
      await db.query('DROP TRIGGER offboard_test_fail ON idempotency_keys');
      await db.query('DROP FUNCTION offboard_test_fail()');
    }
    expect(await outbox(db)).toEqual([audit.seq]);
    expect(heard).toEqual([]);
    expect(await backend.dispatchEvents()).toBe(1);
    expect(heard.map((event) => [event.type, event.auditSeq, event.reason])).toEqual([['license.deactivated', audit.seq, { code: 'downsizing' }]]);
    expect(await outbox(db)).toEqual([]);
    expect(await backend.dispatchEvents()).toBe(0);
  });

  it('R16: dispatchers of two backends at once hand each event to exactly one of them, and queue one delivery per endpoint', async () => {
    const { db } = await databases.fresh();
    await seed(db, demoOrganisation());
    const backends = [createPostgresBackend({ db }), createPostgresBackend({ db, webhooks: { isAllowedUrl: () => true } })];
    const heard: LifecycleEvent[][] = [[], []];
    backends.forEach((backend, n) => backend.subscribe((event) => void heard[n]!.push(event)));
    await backends[1]!.registerWebhookEndpoint({ url: 'http://127.0.0.1:9/a' }, as(people.admin));
    await backends[1]!.registerWebhookEndpoint({ url: 'http://127.0.0.1:9/b' }, as(people.admin));
    const users = [people.spainSeller, people.otherSpainSeller, people.salesperson, ...people.mexicoSellers];
    for (const userId of users) await backends[0]!.deactivateUser(userId, as(people.admin));
    const counts = await Promise.all(backends.map((backend) => backend.dispatchEvents()));
    expect(counts[0]! + counts[1]!).toBe(users.length);
    const all = [...heard[0]!, ...heard[1]!].map((event) => event.id).sort();
    expect(new Set(all).size).toBe(users.length);
    expect(Number((await db.query('SELECT count(*) AS n FROM webhook_deliveries')).rows[0]!.n)).toBe(2 * users.length);
  });

  it('R16: a dispatcher killed after the change committed, while it held the event, loses nothing: after restart the event is delivered, to subscribers and to a real webhook receiver', async ({ skip }) => {
    if (databases.kind !== 'server') skip();
    const { db, schema } = await databases.dedicated();
    await seed(db, demoOrganisation());
    const receiver = await startWebhookReceiver();
    try {
      const backend = createPostgresBackend({ db, webhooks: { isAllowedUrl: () => true } });
      receiver.useSecret((await backend.registerWebhookEndpoint({ url: receiver.url }, as(people.admin))).secret);
      const name = 'offboard-crash-dispatch';
      const worker = await startWorker(databases.url!, name, { OFFBOARD_WORKER_HOLD_EVENTS: '1' });
      const change = await worker.call(schema, 'deactivateUser', [people.salesperson, { reason: { code: 'left-company' } }, as(people.admin)]);
      expect(change.outcome).toBe('ok');
      worker.send(schema, 'dispatchEvents', []);
      // The worker has claimed the event and waits on its subscriber, inside its transaction.
      const pid = await waitFor('the dispatcher holding the outbox', async () =>
        (await db.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND state = 'idle in transaction'`, [name])).rows[0]?.pid,
      );
      const exited = new Promise((resolve) => worker.process.once('exit', resolve));
      worker.process.kill('SIGKILL');
      await exited;
      await waitFor('the server to end the dead session', async () => ((await db.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [pid])).rows.length === 0 ? true : undefined));

      const committed = (await observe(backend)).auditLog[0]!;
      expect(committed).toMatchObject({ action: 'user.deactivated', reason: { code: 'left-company' } });
      expect(await outbox(db)).toEqual([committed.seq]);
      const heard: LifecycleEvent[] = [];
      backend.subscribe((event) => void heard.push(event));
      expect(await backend.dispatchEvents()).toBe(1);
      expect(await backend.deliverWebhooks()).toEqual({ delivered: 1, retrying: 0, failed: 0 });
      expect(heard.map((event) => event.auditSeq)).toEqual([committed.seq]);
      expect(receiver.distinct().map((received) => [received.payload.type, received.payload.data.auditSeq])).toEqual([['user.deactivated', committed.seq]]);
    } finally {
      await receiver.close();
    }
  }, 60_000);
});
