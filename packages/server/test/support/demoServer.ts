import type { OffboardAdapter } from '@offboard/core';
import { DEMO_ORGANISATION_ID, demoOrganisation } from '@offboard/core/fixtures';
import { createInMemoryBackend, type InMemoryBackend } from '@offboard/core/in-memory';
import { createDemoAuthenticator, createOffboardHandler, type OffboardHandlerOptions } from '@offboard/core/server';
import { createOffboardServer, type OffboardServer, type OffboardServerOptions } from '../../src';

export const BASE_PATH = '/api/offboard';

export interface DemoServer {
  readonly url: URL;
  readonly server: OffboardServer;
  /** The in-memory backend behind it, to snapshot and read back. */
  readonly backend: InMemoryBackend;
  /** `Authorization` for a user of the demo organisation (or a service identity). */
  bearer(actorId: string, kind?: 'user' | 'service'): string;
}

export interface DemoServerOptions {
  /** Wraps the backend, to slow a call down or break it. */
  readonly wrap?: (backend: InMemoryBackend) => OffboardAdapter;
  readonly handler?: Partial<OffboardHandlerOptions>;
  readonly server?: Partial<OffboardServerOptions>;
}

/** The real server on a free loopback port, serving the demo organisation through the real handler. */
export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const backend = createInMemoryBackend({ data: demoOrganisation() });
  const auth = createDemoAuthenticator();
  const handler = createOffboardHandler({ backend: options.wrap?.(backend) ?? backend, authenticate: auth.authenticate, basePath: BASE_PATH, ...options.handler });
  const server = createOffboardServer({ handler, port: 0, ...options.server });
  const url = await server.listen();
  return {
    url,
    server,
    backend,
    bearer: (actorId, kind = 'user') => `Bearer ${auth.tokenFor({ organisationId: DEMO_ORGANISATION_ID, actorId, kind })}`,
  };
}

/** A promise with its resolve in hand: a gate a test opens when it chooses. */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => (resolve = settle));
  return { promise, resolve };
}
