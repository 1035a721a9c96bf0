/**
 * The real server in a process of its own, so that a test's client and the server each have a
 * core, and the server's memory is measured undisturbed by the test's. Argument: the allowed
 * origins, comma-separated. It tells its parent (IPC) `{ url, authorizations }` (an
 * `Authorization` value for every demo user and for `svc-directory`), then answers:
 * `'reset'`: a full collection (run with `--expose-gc`), then measure memory from now: `{ rss }`;
 * `'peak'`: the highest resident set size since, in bytes: `{ rss }`;
 * `'snapshot'`: the organisation's records and audit log: `{ snapshot }`.
 */
import { DEMO_ORGANISATION_ID, demoOrganisation } from '@offboard/core/fixtures';
import { createInMemoryBackend } from '@offboard/core/in-memory';
import { createDemoAuthenticator, createOffboardHandler } from '@offboard/core/server';
import { createOffboardServer } from '../../src';
import { BASE_PATH } from './demoServer';

export type ChildServerMessage = { url: string; authorizations: Record<string, string> } | { rss: number } | { snapshot: unknown };

const organisation = demoOrganisation();
const backend = createInMemoryBackend({ data: organisation });
const auth = createDemoAuthenticator();
const allowedOrigins = process.argv[2] ? process.argv[2].split(',') : undefined;
const handler = createOffboardHandler({ backend, authenticate: auth.authenticate, basePath: BASE_PATH, allowedOrigins });
const server = createOffboardServer({ handler, port: 0 });
const url = await server.listen();

let peak = 0;
let sampling: NodeJS.Timeout | undefined;

const reply = (message: ChildServerMessage) => process.send!(message);
process.on('message', (message) => {
  if (message === 'snapshot') return reply({ snapshot: backend.snapshot() });
  if (message === 'reset') {
    (globalThis as { gc?: () => void }).gc?.();
    peak = process.memoryUsage.rss();
    // Sampled between I/O callbacks, so also while an upload streams in; only while measuring.
    sampling ??= setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 2).unref();
  }
  reply({ rss: Math.max(peak, process.memoryUsage.rss()) });
});
process.on('disconnect', () => void server.close().then(() => process.exit(0)));

const bearer = (actorId: string, kind: 'user' | 'service') => `Bearer ${auth.tokenFor({ organisationId: DEMO_ORGANISATION_ID, actorId, kind })}`;
const authorizations = Object.fromEntries([...organisation.users.map((user) => [user.id, bearer(user.id, 'user')]), ['svc-directory', bearer('svc-directory', 'service')]]);
reply({ url: url.href, authorizations });
