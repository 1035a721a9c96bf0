#!/usr/bin/env node
/**
 * offboard-postgres migrate [--url URL] [--schema NAME]   bring the schema up to date
 * offboard-postgres sql                                    print every migration's SQL, for DBAs who apply it themselves
 *
 * The URL comes from --url, else OFFBOARD_DATABASE_URL, else DATABASE_URL. With --schema, the
 * tables live in that schema (created if missing); the application then connects with the same
 * search_path (`options: '-c search_path=NAME'` in its pool).
 */
import pg from 'pg';
import { fromPool } from './db';
import { MIGRATIONS, migrate } from './migrate';

const USAGE = 'usage: offboard-postgres migrate [--url URL] [--schema NAME] | offboard-postgres sql';

function option(args: readonly string[], name: string): string | undefined {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
}

/** A schema name as an SQL identifier: DDL takes no parameters, so the name is quoted instead. */
const identifier = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function main(args: readonly string[]): Promise<number> {
  const [command, ...rest] = args;
  if (command === 'sql') {
    for (const migration of MIGRATIONS) console.log(`-- ${migration.version}: ${migration.name}\n${migration.sql.trim()}\n`);
    return 0;
  }
  if (command !== 'migrate') {
    console.error(USAGE);
    return 2;
  }
  const url = option(rest, 'url') ?? process.env.OFFBOARD_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) {
    console.error(`no database: pass --url or set OFFBOARD_DATABASE_URL\n${USAGE}`);
    return 2;
  }
  const schema = option(rest, 'schema');
  const pool = new pg.Pool({ connectionString: url, max: 1, ...(schema ? { options: `-c search_path=${identifier(schema)}` } : {}) });
  try {
    if (schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${identifier(schema)}`);
    const { applied, current } = await migrate(fromPool(pool));
    console.log(applied.length ? `applied migrations ${applied.join(', ')}; schema at version ${current}` : `schema up to date at version ${current}`);
    return 0;
  } finally {
    await pool.end();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    // Operators run this by hand: the driver's message (which server, which object) is what they need.
    console.error(`offboard-postgres: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
