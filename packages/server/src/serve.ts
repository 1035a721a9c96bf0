/**
 * `npm run serve`: the REST contract for the demo organisation on http://127.0.0.1:8787/api/offboard,
 * and its SCIM 2.0 bridge on http://127.0.0.1:8787/scim/v2, with the demo authenticator. `--port` / `PORT`, `--host` / `HOST`; `OFFBOARD_DATABASE_URL`
 * serves a PostgreSQL database instead of memory (see backendFromEnvironment). Demo only: its
 * tokens sign anyone in.
 */
import { parseArgs } from 'node:util';
import { createLifecycleWorker } from '@offboard/core/backend';
import { createDemoAuthenticator, createOffboardHandler, createScimHandler, DEFAULT_SCIM_BASE_PATH, type OffboardHandler } from '@offboard/core/server';
import { backendFromEnvironment } from './backendFromEnvironment';
import { banner } from './banner';
import { createOffboardServer } from './createOffboardServer';

const BASE_PATH = '/api/offboard';

function portOf(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65_535) throw new Error(`the port must be a whole number from 0 to 65535, not ${JSON.stringify(text)}`);
  return port;
}

/** Flags win over the environment, which wins over the defaults. */
function serveOptions(args: string[], env: NodeJS.ProcessEnv): { host: string; port: number } {
  const { values } = parseArgs({ args, options: { host: { type: 'string' }, port: { type: 'string' } } });
  return { host: values.host ?? env.HOST ?? '127.0.0.1', port: portOf(values.port ?? env.PORT ?? '8787') };
}

/** An error on one line, bounded: logs are read by people and parsed by machines. */
function oneLine(error: unknown): string {
  const cause = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return cause.replace(/\s+/g, ' ').slice(0, 500);
}

/** One line per failure the caller was only told "the server failed" about; the caller's answer carries the same id. */
function logFailure(error: unknown, { requestId, operation }: { requestId: string; operation: string | null }): void {
  process.stderr.write(`offboard: request ${requestId} (${operation ?? 'no operation'}) failed: ${oneLine(error)}\n`);
}

/** Requests under `basePath` go to `inner`, the rest to `outer`; both keep their plain `answer`. */
function mount(basePath: string, inner: OffboardHandler, outer: OffboardHandler): OffboardHandler {
  const pick = (request: Request) => {
    const { pathname } = new URL(request.url);
    return pathname === basePath || pathname.startsWith(`${basePath}/`) ? inner : outer;
  };
  return Object.assign((request: Request) => pick(request)(request), { answer: (request: Request) => pick(request).answer(request) });
}

async function main(): Promise<void> {
  const { host, port } = serveOptions(process.argv.slice(2), process.env);
  const served = await backendFromEnvironment(process.env);
  const auth = createDemoAuthenticator();
  const rest = createOffboardHandler({ backend: served.backend, authenticate: auth.authenticate, basePath: BASE_PATH, onError: logFailure });
  // Identity providers call the same backend as the same kind of caller: a service identity's token.
  const scim = createScimHandler({ backend: served.backend, authenticate: auth.authenticate, basePath: DEFAULT_SCIM_BASE_PATH, onError: logFailure });
  const server = createOffboardServer({ handler: mount(DEFAULT_SCIM_BASE_PATH, scim, rest), host, port });
  // Schedules come due and events go out with nobody asking (R15, R16): a worker beside the handler.
  const worker = createLifecycleWorker({ backend: served.backend, onError: (error) => process.stderr.write(`offboard: lifecycle worker: ${oneLine(error)}\n`) });
  const origin = (await server.listen()).origin;
  worker.start();
  const { organisationId, users, description } = served;
  const scimUrl = `${origin}${DEFAULT_SCIM_BASE_PATH}`;
  process.stdout.write(banner({ baseUrl: `${origin}${BASE_PATH}`, scimUrl, origin, organisationId, users, description, tokenFor: auth.tokenFor }));

  const stop = async (signal: NodeJS.Signals) => {
    // A second signal takes Node's default course and ends the process at once.
    process.removeListener('SIGTERM', stop).removeListener('SIGINT', stop);
    process.stderr.write(`offboard: ${signal} received: no new connections; finishing the requests in flight\n`);
    await server.close();
    await worker.stop();
    await served.close();
    process.stderr.write('offboard: stopped\n');
    process.exit(0);
  };
  process.once('SIGTERM', stop).once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`offboard: cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
