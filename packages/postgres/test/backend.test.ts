import { OffboardError, type OffboardData } from '@offboard/core';
import { DEMO_ORGANISATION_ID, demoOrganisation, generateOrganisation } from '@offboard/core/fixtures';
import { as, observe, observer, refusal } from '@offboard/core/testing';
import { describe, expect, it } from 'vitest';
import { createPostgresBackend, seed, type Db, type Queryable } from '../src';
import { freshDatabases } from './support/databases';

const databases = freshDatabases();
const ana = as('u-ana');

/** A database that counts the statements sent to it, and can break one chosen by its text. */
function instrumented(db: Db) {
  const seen: string[] = [];
  let breaks: RegExp | null = null;
  const on = (q: Queryable): Queryable => ({
    query(text, params) {
      seen.push(text);
      if (breaks?.test(text)) return Promise.reject(new Error('connection to server at "10.0.0.7", port 5432 failed: password authentication failed for user "offboard" (secret=hunter2)'));
      return q.query(text, params);
    },
  });
  return {
    db: { ...on(db), transaction: (work, options) => db.transaction((tx) => work(on(tx)), options) } satisfies Db,
    statements: () => seen.splice(0),
    breakOn: (pattern: RegExp | null) => void (breaks = pattern),
  };
}

describe('the PostgreSQL backend beyond the conformance suite', () => {
  it('a database failure is SERVER_ERROR without the driver’s message; the host hears the original through onError', async () => {
    const { db } = await databases.fresh();
    await seed(db, demoOrganisation());
    const probe = instrumented(db);
    const heard: unknown[] = [];
    const backend = createPostgresBackend({ db: probe.db, onError: (error) => heard.push(error) });
    probe.breakOn(/FROM users/);
    for (const call of [() => backend.listUsers({}, ana), () => backend.deactivateUser('u-elena', ana)]) {
      const error = await refusal(call(), 'SERVER_ERROR');
      expect(error.details).toEqual({});
      expect(JSON.stringify({ message: error.message, details: error.details })).not.toMatch(/hunter2|10\.0\.0\.7|offboard"|users/);
    }
    expect(heard).toHaveLength(2);
    expect(String(heard[0])).toContain('hunter2');
  });

  it('R3/R10: a change that fails after its writes and its audit entry leaves nothing behind, and its retry runs once', async () => {
    const { db } = await databases.fresh();
    await seed(db, demoOrganisation());
    const probe = instrumented(db);
    const backend = createPostgresBackend({ db: probe.db });
    const before = await observe(backend);
    const keyed = as('u-ana', { idempotencyKey: 'carla-leaves' });
    // The last statement of the change stores its idempotency key: everything else is written by then.
    probe.breakOn(/INSERT INTO idempotency_keys/);
    await refusal(backend.deactivateUser('u-carla', keyed), 'SERVER_ERROR');
    expect(await observe(backend)).toEqual(before);
    probe.breakOn(null);
    const { user, audit } = await backend.deactivateUser('u-carla', keyed);
    expect([user.status, user.version, audit.seq]).toEqual(['inactive', 2, before.auditLog.length + 1]);
    expect(await backend.deactivateUser('u-carla', keyed)).toEqual({ user, audit });
  });

  it('R5/R6/R10: bulk writes (contacts reassigned, tasks handed over or made transferable) fail whole: every row is as it was', async () => {
    const { db } = await databases.fresh();
    await seed(db, demoOrganisation());
    const probe = instrumented(db);
    const backend = createPostgresBackend({ db: probe.db });
    const before = await observe(backend);
    probe.breakOn(/INSERT INTO idempotency_keys/);
    const split = () => backend.reassignContacts({ fromOwnerId: 'u-diego', toUserIds: ['u-elena', 'u-oscar'] }, as('u-ana', { idempotencyKey: 'split-diego' }));
    const changes = [
      split,
      () => backend.transferTasks({ fromUserId: 'u-diego', toUserId: 'u-elena' }, as('u-ana', { idempotencyKey: 'tasks-diego' })),
      () => backend.deactivateUser('u-carla', as('u-ana', { idempotencyKey: 'carla-leaves' })),
    ];
    for (const change of changes) await refusal(change(), 'SERVER_ERROR');
    expect(await observe(backend)).toEqual(before);
    probe.breakOn(null);
    const { total } = await split();
    expect(total).toBe(40);
    expect((await backend.listContacts({ ownerId: 'u-diego' }, observer)).total).toBe(0);
  });

  it('R5/R3: reassigning 20,000 contacts takes the statements reassigning a few does; so does deactivating a user with 10,000 tasks', async () => {
    const { db } = await databases.dedicated();
    const data = generateOrganisation({ seed: 3, contacts: 500, focus: { contacts: 20_000, tasks: 10_000 } });
    await seed(db, data);
    const probe = instrumented(db);
    const backend = createPostgresBackend({ db: probe.db });
    const admin = { organisationId: DEMO_ORGANISATION_ID, actorId: 'u-0000001' };
    // Salespeople who are plain members, like u-focus, so every change takes the same guard path.
    const sellers = data.users.filter((user) => user.role === 'member' && user.status === 'active' && user.license?.status === 'active' && user.id !== 'u-focus');
    const [owner, ...rest] = sellers.filter((user) => data.contacts.some((contact) => contact.ownerId === user.id));
    const targets = rest.slice(0, 3).map((user) => user.id);
    const small = await backend.reassignContacts({ fromOwnerId: owner!.id, toUserIds: targets }, admin);
    const forSmall = probe.statements().length;
    const large = await backend.reassignContacts({ fromOwnerId: 'u-focus', toUserIds: targets }, admin);
    expect(probe.statements().length).toBe(forSmall);
    // Inside BEGIN … COMMIT: the organisation's lock, the users, the move, the audit entry.
    expect(forSmall).toBe(4);
    expect(small.total).toBeLessThan(100);
    expect(large.moved).toEqual([
      { userId: targets[0], contacts: 6667 },
      { userId: targets[1], contacts: 6667 },
      { userId: targets[2], contacts: 6666 },
    ]);
    expect((await backend.listContacts({ ownerId: 'u-focus' }, admin)).total).toBe(0);
    probe.statements();
    const { audit } = await backend.deactivateUser('u-focus', admin);
    expect(audit.effects.tasksMadeTransferable).toHaveLength(data.tasks.filter((task) => task.assigneeId === 'u-focus' && task.state === 'created').length);
    const forFocus = probe.statements().length;
    await backend.deactivateUser(owner!.id, admin);
    expect(probe.statements().length).toBe(forFocus);
  });

  it('R11: idempotency keys expire after their time, and each organisation keeps at most maxKeys, the oldest going first', async () => {
    const { db } = await databases.fresh();
    await seed(db, demoOrganisation());
    let now = Date.parse('2026-11-29T10:00:00.000Z');
    const backend = createPostgresBackend({ db, clock: () => new Date(now), idempotency: { ttlMs: 60_000, maxKeys: 3 } });
    const keys = async () => (await db.query<{ key: string }>('SELECT key FROM idempotency_keys ORDER BY key')).rows.map((row) => row.key);
    await backend.deactivatePhoneNumber('pn-es-1', as('u-ana', { idempotencyKey: 'k1' }));
    await refusal(backend.deactivatePhoneNumber('pn-es-2', as('u-ana', { idempotencyKey: 'k1' })), 'IDEMPOTENCY_KEY_REUSED');
    now += 60_000;
    // Expired: the key means nothing any more, so another request may use it.
    await backend.deactivatePhoneNumber('pn-es-2', as('u-ana', { idempotencyKey: 'k1' }));
    for (const [n, number] of [[2, 'pn-es-3'], [3, 'pn-mx-1'], [4, 'pn-mx-2']] as const) {
      now += 1_000;
      await backend.deactivatePhoneNumber(number, as('u-ana', { idempotencyKey: `k${n}` }));
    }
    expect(await keys()).toEqual(['k2', 'k3', 'k4']);
    now += 60_000;
    await backend.reactivateUser('u-karla', as('u-ana', { idempotencyKey: 'k5' }));
    expect(await keys()).toEqual(['k5']);
    expect((await db.query('SELECT idempotency_keys AS n FROM organisations')).rows[0]!.n).toBe(1);
  });

  it('seed checks every organisation with checkOrganisationData and loads none of a refused batch', async () => {
    const { db } = await databases.fresh();
    const broken: OffboardData = { ...demoOrganisation('org-broken'), users: demoOrganisation().users.map((user) => (user.id === 'u-karla' ? { ...user, license: { country: 'ES', status: 'active' } } : user)) };
    const error = await seed(db, [demoOrganisation(), broken]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OffboardError);
    expect((error as OffboardError).details.field).toBe('data.users.11.license');
    const backend = createPostgresBackend({ db });
    await refusal(backend.listUsers({}, observer), 'NOT_FOUND');
    await seed(db, demoOrganisation());
    await expect(seed(db, demoOrganisation())).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'data.organisationId' } });
    expect((await backend.getSeatUsage(observer)).used).toBe(10);
  });
});
