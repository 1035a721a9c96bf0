import pg from 'pg';
import { OffboardError, readAllPages, type LifecycleBackend, type OffboardAdapter, type User } from '@offboard/core';
import { DEMO_ORGANISATION_ID, demoOrganisation } from '@offboard/core/fixtures';
import { createInMemoryBackend } from '@offboard/core/in-memory';
import { createPostgresBackend, fromPool, migrate, organisationIds, seed } from '@offboard/postgres';
import { DEMO_SERVICE_ID } from './banner';

/** What `npm run serve` serves: a backend, the organisation its demo tokens are for, and how to let go of it. */
export interface ServedBackend {
  /** The adapter, and the lifecycle work (schedules, events, webhooks) the server's worker drives. */
  readonly backend: OffboardAdapter & LifecycleBackend;
  readonly organisationId: string;
  /** That organisation's users as the backend has them now, for the banner's tokens. */
  readonly users: readonly User[];
  /** One line for the banner: where the data lives and whether it survives a restart. */
  readonly description: string;
  /** Called after the server has closed: releases what the backend holds (a database pool). */
  close(): Promise<void>;
}

export interface EnvironmentOptions {
  /** Failures of the database the caller is told only "the server failed" about. @default a line on stderr */
  readonly onDatabaseError?: (error: unknown) => void;
}

function logDatabaseError(error: unknown): void {
  const cause = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  process.stderr.write(`offboard: database: ${cause.replace(/\s+/g, ' ').slice(0, 500)}\n`);
}

/** The URL as the banner may print it: never its password. */
function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'OFFBOARD_DATABASE_URL';
  }
}

const directory = (organisationId: string) => ({ organisationId, actorId: DEMO_SERVICE_ID, kind: 'service' as const });

/**
 * The backend `npm run serve` runs on, chosen by the environment: `OFFBOARD_DATABASE_URL` names
 * a PostgreSQL database; without it, the demo organisation in memory.
 */
export async function backendFromEnvironment(env: NodeJS.ProcessEnv = process.env, options: EnvironmentOptions = {}): Promise<ServedBackend> {
  if (env.OFFBOARD_DATABASE_URL) return onPostgres(env.OFFBOARD_DATABASE_URL, options.onDatabaseError ?? logDatabaseError);
  const organisation = demoOrganisation();
  return {
    backend: createInMemoryBackend({ data: organisation }),
    organisationId: organisation.organisationId,
    users: organisation.users,
    description: 'the demo organisation, in memory: every change is lost when the server stops',
    close: async () => undefined,
  };
}

/**
 * PostgreSQL: migrated to the latest schema; seeded with the demo organisation only when it holds
 * no organisation at all (a database with organisations of its own is served as it is); the demo
 * tokens are for the demo organisation when the database has it, else for its first one.
 */
async function onPostgres(url: string, onError: (error: unknown) => void): Promise<ServedBackend> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the database drops (a restart, a failover) must not end the process: the
  // next query takes a fresh one.
  pool.on('error', onError);
  try {
    const db = fromPool(pool);
    await migrate(db);
    let held = await organisationIds(db);
    if (held.length === 0) {
      await seedUnlessRaced(db);
      held = await organisationIds(db);
    }
    const organisationId = held.includes(DEMO_ORGANISATION_ID) ? DEMO_ORGANISATION_ID : held[0]!;
    const backend = createPostgresBackend({ db, onError });
    const users = await readAllPages((cursor) => backend.listUsers({ status: 'all', cursor, limit: 500 }, directory(organisationId)));
    const others = held.length > 1 ? ` (and ${held.length - 1} other organisation${held.length > 2 ? 's' : ''})` : '';
    return {
      backend,
      organisationId,
      users,
      description: `PostgreSQL at ${withoutPassword(url)}${others}: changes survive a restart`,
      close: () => pool.end(),
    };
  } catch (error) {
    await pool.end();
    throw error;
  }
}

/** Seeds the demo organisation; another server starting on the same empty database may have done it first. */
async function seedUnlessRaced(db: Parameters<typeof seed>[0]): Promise<void> {
  try {
    await seed(db, demoOrganisation());
  } catch (error) {
    const raced = error instanceof OffboardError && error.code === 'VALIDATION_FAILED' && error.details.field === 'data.organisationId';
    if (!raced) throw error;
  }
}
