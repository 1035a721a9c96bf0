/**
 * A PostgreSQL database of the caller's own for a test or the load script: on the server
 * `OFFBOARD_DATABASE_URL` names, or on a throwaway cluster started from the machine's binaries
 * (the PostgreSQL package's test support), dropped and stopped by `drop()`. `null` when no
 * server can be had: the caller says so loudly and skips.
 */
import pg from 'pg';
import { startServer } from '../../../postgres/test/support/server';

export interface Database {
  readonly url: string;
  /** Where the server came from, for what the caller prints. */
  readonly origin: string;
  drop(): Promise<void>;
}

const withDatabase = (url: string, database: string) => {
  const next = new URL(url);
  next.pathname = `/${database}`;
  return next.toString();
};

async function onServer<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export async function createDatabase(name: string): Promise<Database | null> {
  const server = await startServer();
  if (!server) return null;
  const database = `${name}_${process.pid}_${Date.now().toString(36)}`;
  try {
    await onServer(server.url, (client) => client.query(`CREATE DATABASE ${database}`));
  } catch (error) {
    await server.stop();
    throw error;
  }
  return {
    url: withDatabase(server.url, database),
    origin: server.origin,
    async drop() {
      try {
        await onServer(server.url, (client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
      } finally {
        await server.stop();
      }
    },
  };
}
