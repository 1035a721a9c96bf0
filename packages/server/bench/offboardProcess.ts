/**
 * The server under load, in its own process: the load organisation in memory behind the real
 * handler and `createOffboardServer`, on a free loopback port. Tells its parent (IPC) its URL
 * and an `Authorization` for each acting identity; answers `'stats'`; exits when the parent
 * disconnects.
 */
import { DEMO_ORGANISATION_ID } from '@offboard/core/fixtures';
import { createInMemoryBackend } from '@offboard/core/in-memory';
import { createDemoAuthenticator, createOffboardHandler } from '@offboard/core/server';
import { createOffboardServer } from '../src';
import { BASE_PATH, actorsOf, loadOrganisation } from './organisation';

const organisation = loadOrganisation();
const auth = createDemoAuthenticator();
let failures = 0;
const handler = createOffboardHandler({
  backend: createInMemoryBackend({ data: organisation }),
  authenticate: auth.authenticate,
  basePath: BASE_PATH,
  onError: (error, { requestId, operation }) => {
    failures += 1;
    process.stderr.write(`offboard: request ${requestId} (${operation ?? 'no operation'}) failed: ${String(error)}\n`);
  },
});
const server = createOffboardServer({ handler, port: 0 });
const url = await server.listen();

const { admins, salespeople } = actorsOf(organisation);
const bearer = (actorId: string) =>
  `Bearer ${auth.tokenFor({ organisationId: DEMO_ORGANISATION_ID, actorId, kind: actorId.startsWith('svc-') ? 'service' : 'user' })}`;
process.send!({ url: url.href, authorizations: Object.fromEntries([...admins, ...salespeople].map((id) => [id, bearer(id)])) });
// `'stats'`: the failures onError heard, and the CPU time this process has used, in µs.
process.on('message', (message) => {
  if (message === 'stats') process.send!({ failures, cpu: process.cpuUsage() });
});
process.on('disconnect', () => void server.close().then(() => process.exit(0)));
