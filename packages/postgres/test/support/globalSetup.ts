/**
 * Once per `vitest run`: a real PostgreSQL server (see server.ts) and a database of this run's
 * own on it, dropped at the end, so a server given by OFFBOARD_DATABASE_URL is left as it was.
 * Without a server the suite runs on PGlite and says so at the top and at the end;
 * OFFBOARD_REQUIRE_REAL_POSTGRES=1 (CI) makes that a failure instead.
 */
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startServer, type Server } from './server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** This run's database on a real server, or `null`: run on PGlite. */
    databaseUrl: string | null;
  }
}

const pgliteOnly = (tense: 'runs' | 'ran') =>
  [
    '',
    '!!! ───────────────────────────────────────────────────────────────────────────────────────────── !!!',
    `!!! @offboard/postgres: NO REAL POSTGRESQL SERVER. The suite ${tense} on PGlite (PostgreSQL in WASM).     !!!`,
    '!!! NOT RUN: R11 races across processes, kill -9 durability, and the conformance suite on a server. !!!',
    "!!! Set OFFBOARD_DATABASE_URL, or install Debian's postgresql (apt-get install -y postgresql).      !!!",
    '!!! ───────────────────────────────────────────────────────────────────────────────────────────── !!!',
    '',
  ].join('\n');

const withDatabase = (url: string, database: string) => {
  const next = new URL(url);
  next.pathname = `/${database}`;
  return next.toString();
};

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let server: Server | null = null;
  try {
    server = await startServer();
  } catch (error) {
    if (process.env.OFFBOARD_REQUIRE_REAL_POSTGRES === '1') throw error;
    console.warn(`[offboard/postgres] could not start PostgreSQL: ${String(error)}`);
  }
  if (!server) {
    if (process.env.OFFBOARD_REQUIRE_REAL_POSTGRES === '1') {
      throw new Error('OFFBOARD_REQUIRE_REAL_POSTGRES=1, but no PostgreSQL server could be started: set OFFBOARD_DATABASE_URL or install postgresql');
    }
    console.warn(pgliteOnly('runs'));
    project.provide('databaseUrl', null);
    return async () => console.warn(pgliteOnly('ran'));
  }
  const database = `offboard_test_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  console.log(`[offboard/postgres] tests run on ${server.origin}, database ${database}`);
  project.provide('databaseUrl', withDatabase(server.url, database));
  return async () => {
    const cleanup = new pg.Client({ connectionString: server.url });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await cleanup.end();
    await server.stop();
  };
}
