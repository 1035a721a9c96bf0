import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, TABLES, migrate } from '../src';
import { freshDatabases } from './support/databases';

const run = promisify(execFile);
const databases = freshDatabases();
const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
/** The CLI from source, as `npx offboard-postgres` runs it from dist. */
const offboardPostgres = (...args: string[]) => run(process.execPath, ['--conditions=source', '--import', 'tsx', cli, ...args], { env: { ...process.env } });

describe('schema and migrations', () => {
  it('migrate is idempotent: a second run applies nothing', async () => {
    const { db } = await databases.dedicated();
    expect(await migrate(db)).toEqual({ applied: [], current: MIGRATIONS.length });
  });

  it('R13: every table carries organisation_id first in its primary key, the tenant and distribution column', async () => {
    const { db, schema } = await databases.dedicated();
    const { rows } = await db.query<{ table: string; columns: string[] }>(
      `SELECT c.relname AS table, ARRAY(SELECT a.attname::text FROM unnest(i.indkey) WITH ORDINALITY AS k (attnum, n)
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum ORDER BY k.n) AS columns
       FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace s ON s.oid = c.relnamespace
       WHERE i.indisprimary AND s.nspname = $1 AND c.relname <> 'offboard_migrations' ORDER BY 1`,
      [schema],
    );
    expect(rows.map((row) => row.table).sort()).toEqual([...TABLES].sort());
    for (const { table, columns } of rows) expect(columns[0], table).toBe('organisation_id');
  });

  it.runIf(databases.kind === 'server')('the CLI migrates a database given by --url into a schema, then finds it up to date', async () => {
    const url = databases.url!;
    const first = await offboardPostgres('migrate', '--url', url, '--schema', 'cli_test');
    expect(first.stdout).toContain(`applied migrations ${MIGRATIONS.map((migration) => migration.version).join(', ')}; schema at version ${MIGRATIONS.length}`);
    const second = await offboardPostgres('migrate', '--url', url, '--schema', 'cli_test');
    expect(second.stdout).toContain(`schema up to date at version ${MIGRATIONS.length}`);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'cli_test'`);
    await client.end();
    expect(rows[0].n).toBe(TABLES.length + 1);
  });

  it('the CLI prints the migrations for DBAs who apply SQL themselves, and refuses an unknown command', async () => {
    const { stdout } = await offboardPostgres('sql');
    expect(stdout).toContain('CREATE TABLE organisations');
    expect(stdout).toContain('CREATE TRIGGER audit_log_no_update_or_delete');
    await expect(offboardPostgres('drop-everything')).rejects.toMatchObject({ code: 2 });
  });
});
