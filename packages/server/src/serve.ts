/**
 * `npm run serve`: the REST contract for the demo organisation on http://127.0.0.1:8787/api/offboard,
 * with the demo authenticator. `--port` / `PORT`, `--host` / `HOST`; `OFFBOARD_DATABASE_URL`
 * serves a PostgreSQL database instead of memory (see backendFromEnvironment). Demo only: its
 * tokens sign anyone in.
 */
import { parseArgs } from 'node:util';
import { createDemoAuthenticator, createOffboardHandler, type ErrorReport } from '@offboard/core/server';
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

/** One line per failure the caller was only told "the server failed" about; the caller's problem carries the same id. */
function logFailure(error: unknown, { requestId, operation }: ErrorReport): void {
  const cause = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  process.stderr.write(`offboard: request ${requestId} (${operation ?? 'no operation'}) failed: ${cause.replace(/\s+/g, ' ').slice(0, 500)}\n`);
}

async function main(): Promise<void> {
  const { host, port } = serveOptions(process.argv.slice(2), process.env);
  const served = await backendFromEnvironment(process.env);
  const auth = createDemoAuthenticator();
  const handler = createOffboardHandler({ backend: served.backend, authenticate: auth.authenticate, basePath: BASE_PATH, onError: logFailure });
  const server = createOffboardServer({ handler, host, port });
  const origin = (await server.listen()).origin;
  const { organisationId, users, description } = served;
  process.stdout.write(banner({ baseUrl: `${origin}${BASE_PATH}`, origin, organisationId, users, description, tokenFor: auth.tokenFor }));

  const stop = async (signal: NodeJS.Signals) => {
    // A second signal takes Node's default course and ends the process at once.
    process.removeListener('SIGTERM', stop).removeListener('SIGINT', stop);
    process.stderr.write(`offboard: ${signal} received: no new connections; finishing the requests in flight\n`);
    await server.close();
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
