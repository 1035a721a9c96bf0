/**
 * `npx tsx --conditions=source bench/run.ts` (or `npm run bench -w packages/postgres`): the
 * PostgreSQL backend's benchmarks on a real server (OFFBOARD_DATABASE_URL, else a throwaway
 * cluster like the tests'), one table. Figures, never pass/fail tests.
 */
import pg from 'pg';
import { printTable } from '../../core/bench/measure';
import { startServer } from '../test/support/server';
import { postgresBenchmarks } from './postgres.bench';

const server = await startServer();
if (!server) {
  console.error('The PostgreSQL benchmarks need a real server: set OFFBOARD_DATABASE_URL or install postgresql.');
  process.exit(1);
}
const database = `offboard_bench_${process.pid}`;
const admin = new pg.Client({ connectionString: server.url });
await admin.connect();
await admin.query(`CREATE DATABASE ${database}`);
try {
  const url = new URL(server.url);
  url.pathname = `/${database}`;
  printTable(await postgresBenchmarks(url.toString()));
} finally {
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.end();
  await server.stop();
}
