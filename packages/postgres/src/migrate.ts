import type { Db } from './db';
import { initial } from './migrations/0001_initial';
import { lifecycle } from './migrations/0002_lifecycle';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/**
 * Every migration, oldest first. A released migration never changes; a schema change is a new
 * entry. They ship as code rather than .sql files so the bundles (ESM, CJS, a browser with PGlite)
 * need no file system; `offboard-postgres sql` prints them for DBAs who apply SQL themselves.
 */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'lifecycle', sql: lifecycle },
];

/** Tables the migrations create besides their own bookkeeping, in dependency order. */
export const TABLES = [
  'organisations',
  'users',
  'contacts',
  'tasks',
  'sales_brains',
  'sales_brain_members',
  'phone_numbers',
  'history',
  'sessions',
  'audit_log',
  'idempotency_keys',
  'scheduled_deactivations',
  'event_outbox',
  'webhook_endpoints',
  'webhook_deliveries',
] as const;

/**
 * A script's statements, one by one: drivers run a multi-statement script differently (PGlite's
 * \`query\` takes one), and one statement at a time is what every driver does alike. A statement
 * ends with \`;\` at the end of a line outside a \`$$\` body.
 */
export function statementsOf(script: string): string[] {
  const statements: string[] = [];
  let current: string[] = [];
  let inBody = false;
  for (const line of script.split('\n')) {
    current.push(line);
    if ((line.match(/\$\$/g)?.length ?? 0) % 2 === 1) inBody = !inBody;
    if (!inBody && line.trimEnd().endsWith(';')) {
      statements.push(current.join('\n').trim());
      current = [];
    }
  }
  if (current.join('').trim()) statements.push(current.join('\n').trim());
  return statements;
}

/** Any constant: it only has to differ from the host's own advisory locks. */
const MIGRATION_LOCK = 0x0ff_b0a2d;

export interface MigrateResult {
  /** Versions applied by this call, oldest first; empty when the schema was up to date. */
  readonly applied: readonly number[];
  readonly current: number;
}

/**
 * Brings the schema in the connection's `search_path` up to date, in one transaction: either
 * every pending migration is applied or none is. An advisory lock makes servers that start
 * together take turns, so each migration runs once.
 */
export async function migrate(db: Db): Promise<MigrateResult> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(`CREATE TABLE IF NOT EXISTS offboard_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await tx.query<{ version: number }>('SELECT version FROM offboard_migrations');
    const done = new Set(rows.map((row) => Number(row.version)));
    const applied: number[] = [];
    for (const migration of MIGRATIONS) {
      if (done.has(migration.version)) continue;
      for (const statement of statementsOf(migration.sql)) await tx.query(statement);
      await tx.query('INSERT INTO offboard_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      applied.push(migration.version);
    }
    return { applied, current: Math.max(0, ...done, ...applied) };
  });
}
