/**
 * The server under load, in its own process: the real handler and `createOffboardServer` on a
 * free loopback port, over the load organisation in memory or a PostgreSQL database the parent
 * has seeded (its own pool: two such processes share the database as two app servers would).
 * Its parent sends `{ backend, authorizations }` (IPC) and is told its URL; then `'stats'`
 * answers `{ failures, cpu }`; it exits when the parent disconnects.
 */
import pg from 'pg';
import type { Caller, OffboardAdapter } from '@offboard/core';
import { DEMO_ORGANISATION_ID } from '@offboard/core/fixtures';
import { createInMemoryBackend } from '@offboard/core/in-memory';
import { bearerToken, createOffboardHandler } from '@offboard/core/server';
import { createPostgresBackend, fromPool } from '@offboard/postgres';
import { createOffboardServer } from '../src';
import { BASE_PATH, loadOrganisation } from './organisation';

export interface ServerSetup {
  readonly backend: { readonly kind: 'memory' } | { readonly kind: 'postgres'; readonly url: string };
  /** `Authorization` by acting id: the same tokens on every server process, as a shared session store would. */
  readonly authorizations: Record<string, string>;
}

let failures = 0;
const report = (error: unknown, where: string) => {
  failures += 1;
  process.stderr.write(`offboard: ${where} failed: ${String(error)}\n`);
};

const setup = await new Promise<ServerSetup>((resolve) => process.once('message', (message) => resolve(message as ServerSetup)));
const callers = new Map<string, Caller>(
  Object.entries(setup.authorizations).map(([actorId, authorization]) => [
    authorization.replace(/^Bearer /, ''),
    { organisationId: DEMO_ORGANISATION_ID, actorId, kind: actorId.startsWith('svc-') ? 'service' : 'user' },
  ]),
);

let pool: pg.Pool | undefined;
let backend: OffboardAdapter;
if (setup.backend.kind === 'postgres') {
  pool = new pg.Pool({ connectionString: setup.backend.url, max: 10 });
  pool.on('error', (error) => report(error, 'an idle database connection'));
  backend = createPostgresBackend({ db: fromPool(pool), onError: (error) => report(error, 'a database call') });
} else {
  backend = createInMemoryBackend({ data: loadOrganisation() });
}

const handler = createOffboardHandler({
  backend,
  authenticate: (request) => callers.get(bearerToken(request) ?? '') ?? null,
  basePath: BASE_PATH,
  onError: (error, { requestId, operation }) => report(error, `request ${requestId} (${operation ?? 'no operation'})`),
});
const server = createOffboardServer({ handler, port: 0 });
const url = await server.listen();
process.send!({ url: url.href });
process.on('message', (message) => {
  if (message === 'stats') process.send!({ failures, cpu: process.cpuUsage() });
});
process.on('disconnect', () => void server.close().then(async () => (await pool?.end(), process.exit(0))));
