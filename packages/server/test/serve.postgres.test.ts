import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Child } from './support/childProcess';
import { createDatabase } from './support/database';
import { send } from './support/http';
import { printedCurl, spawnServe } from './support/serveEntry';

const database = await createDatabase('offboard_serve');
if (!database) {
  console.warn(
    [
      '',
      '!!! ─────────────────────────────────────────────────────────────────────────────────────── !!!',
      '!!! @offboard/server: NO POSTGRESQL SERVER (no OFFBOARD_DATABASE_URL, no postgresql binaries). !!!',
      '!!! NOT RUN: npm run serve on PostgreSQL across a restart. apt-get install -y postgresql.       !!!',
      '!!! ─────────────────────────────────────────────────────────────────────────────────────── !!!',
      '',
    ].join('\n'),
  );
}
afterAll(async () => {
  await database?.drop();
});

const children: Child[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.process.kill('SIGKILL');
});

/** `npm run serve` on the test's database, once its banner is out. */
async function serve(): Promise<{ child: Child; banner: string; bearer: (id: string) => string; origin: string }> {
  const child = spawnServe({ env: { OFFBOARD_DATABASE_URL: database!.url } });
  children.push(child);
  await child.waitFor(/Stop with Ctrl-C/);
  const banner = child.stdout();
  const { url } = printedCurl(banner, 'u-ana');
  return { child, banner, bearer: (id) => `Bearer ${printedCurl(banner, id).token}`, origin: new URL(url).origin };
}

async function stop(child: Child): Promise<void> {
  child.process.kill('SIGTERM');
  expect(await child.exited).toBe(0);
}

describe.skipIf(!database)('npm run serve on PostgreSQL', () => {
  it('R11 across a restart: a change outlives the server process, and its retry under the same Idempotency-Key replays it', async () => {
    const first = await serve();
    expect(first.banner).toMatch(/serving\s+PostgreSQL at postgres:\/\/.*: changes survive a restart/);
    // Seeded with the demo organisation: the database held none.
    expect(first.banner).toMatch(/Elena[^\n]*\(u-elena\)[^\n]*licensed \(ES\)/);
    const change = (bearer: (id: string) => string, origin: string) =>
      send(origin, '/api/offboard/v1/users/u-elena/license/deactivate', {
        method: 'POST',
        headers: { Authorization: bearer('u-ana'), 'Content-Type': 'application/json', 'Idempotency-Key': 'k-restart' },
      });
    const applied = await change(first.bearer, first.origin);
    expect(applied.status).toBe(200);
    const { audit } = JSON.parse(applied.body) as { audit: { id: string } };
    await stop(first.child);

    // The same database, a new process: new tokens, the same organisation, not seeded again.
    const second = await serve();
    expect(second.banner).toMatch(/Elena[^\n]*\(u-elena\)[^\n]*license inactive \(ES\)/);
    expect(second.bearer('u-ana')).not.toBe(first.bearer('u-ana'));
    const read = (path: string) => send(second.origin, `/api/offboard${path}`, { headers: { Authorization: second.bearer('u-ana') } }).then((answer) => JSON.parse(answer.body));
    expect(await read('/v1/users/u-elena')).toMatchObject({ license: { country: 'ES', status: 'inactive' } });
    expect(await read('/v1/seats')).toMatchObject({ used: 9, total: 11 });

    const replayed = await change(second.bearer, second.origin);
    expect(replayed.status).toBe(200);
    expect(JSON.parse(replayed.body)).toEqual(JSON.parse(applied.body));
    const log = (await read('/v1/audit-log?targetId=u-elena')) as { items: { id: string }[] };
    expect(log.items.map((entry) => entry.id)).toEqual([audit.id]);
    await stop(second.child);
  });
});
