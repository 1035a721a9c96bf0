/**
 * A clean database for every adapter a test asks for. Tests use fixed organisation ids
 * ('org-demo', 'org-twin'…), so isolation means empty tables: each test file works in a schema
 * of its own (on this run's database on the real server, or on one PGlite instance per file),
 * migrated once and emptied before each adapter is handed out. Emptying takes a few
 * milliseconds where a fresh schema's DDL takes ~100, which is what lets the property run
 * hundreds of sequences. It deletes audit entries, which the append-only trigger forbids, so it
 * runs with triggers off (`session_replication_role = replica`, superuser only); without
 * superuser rights every adapter gets a brand new schema instead.
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { TABLES, fromPGlite, fromPool, migrate, type Db, type PGliteLike, type PgPoolLike } from '../../src';

export interface FreshDatabase {
  readonly db: Db;
  /** The schema, for a child process to open the same database with `serverPool`. */
  readonly schema: string;
}

/** A pool on `url` whose every connection works in `schema`. */
export function serverPool(url: string, schema: string, max = 8): pg.Pool {
  return new pg.Pool({ connectionString: url, options: `-c search_path=${schema}`, max });
}

const run = Math.random().toString(36).slice(2, 8);
const EMPTY_TABLES = `SET session_replication_role = replica; ${[...TABLES].reverse().map((table) => `DELETE FROM ${table};`).join(' ')} RESET session_replication_role`;

/**
 * One worker's connections, shared by its schemas: a connection is switched to the schema it is
 * lent for, once, so tests do not pay for new server processes (each costs ~20 ms to start and
 * warm its catalog caches). The backend sees an ordinary node-postgres pool through `fromPool`.
 */
function schemaPool(shared: pg.Pool, schema: string): PgPoolLike {
  const connect = async () => {
    const client = await shared.connect();
    if (schemaOf.get(client) !== schema) {
      await client.query(`SET search_path TO ${schema}`);
      schemaOf.set(client, schema);
    }
    return client;
  };
  return {
    connect,
    async query(statement) {
      const client = await connect();
      try {
        return await client.query(statement);
      } finally {
        client.release();
      }
    },
  };
}
const schemaOf = new WeakMap<pg.PoolClient, string>();

/** PGlite has one connection: its search path follows whichever schema's database is used. */
function schemaPGlite(instance: PGlite, schema: string): PGliteLike & { exec(script: string): Promise<unknown> } {
  const use = async () => {
    if (pgliteSchema.get(instance) === schema) return;
    await instance.exec(`SET search_path TO ${schema}`);
    pgliteSchema.set(instance, schema);
  };
  return {
    query: async (text, params) => (await use(), instance.query(text, params)),
    transaction: async (work) => (await use(), instance.transaction(work)),
    exec: async (script) => (await use(), instance.exec(script)),
  };
}
const pgliteSchema = new WeakMap<PGlite, string>();

/** Hands out clean databases: `fresh` empties this file's schema, `dedicated` makes a new one (large or long-lived data). */
export function freshDatabases(kind: 'server' | 'pglite' = inject('databaseUrl') ? 'server' : 'pglite') {
  const url = inject('databaseUrl');
  let count = 0;
  let shared: pg.Pool | null = null;
  let pglite: Promise<PGlite> | null = null;
  let reusable: Promise<{ schema: string; db: Db; empty: () => Promise<unknown> } | null> | null = null;

  async function newSchema(): Promise<{ schema: string; db: Db; empty: () => Promise<unknown> }> {
    const schema = `t_${run}_${process.env.VITEST_POOL_ID ?? '0'}_${++count}`;
    if (kind === 'server') {
      if (!url) throw new Error('no PostgreSQL server for this run');
      shared ??= new pg.Pool({ connectionString: url, max: 8 });
      await shared.query(`CREATE SCHEMA ${schema}`);
      const pool = schemaPool(shared, schema);
      const db = fromPool(pool);
      await migrate(db);
      return { schema, db, empty: () => pool.query({ text: EMPTY_TABLES, values: [] }) };
    }
    pglite ??= PGlite.create();
    const instance = await pglite;
    await instance.exec(`CREATE SCHEMA ${schema}`);
    const bound = schemaPGlite(instance, schema);
    const db = fromPGlite(bound);
    await migrate(db);
    return { schema, db, empty: () => bound.exec(EMPTY_TABLES) };
  }

  async function isSuperuser(): Promise<boolean> {
    if (kind === 'pglite') return true;
    shared ??= new pg.Pool({ connectionString: url!, max: 8 });
    return (await shared.query(`SELECT rolsuper FROM pg_roles WHERE rolname = current_user`)).rows[0]?.rolsuper === true;
  }

  async function fresh(): Promise<FreshDatabase> {
    reusable ??= isSuperuser().then((superuser) => (superuser ? newSchema() : null));
    const schema = await reusable;
    if (!schema) return dedicated();
    await schema.empty();
    return schema;
  }

  async function dedicated(): Promise<FreshDatabase> {
    const { schema, db } = await newSchema();
    return { schema, db };
  }

  afterAll(async () => {
    await shared?.end();
    await (await pglite)?.close();
  });

  return { fresh, dedicated, kind, url };
}
