import { createHttpAdapter, type Caller, type OffboardData, type OffboardPolicy } from '@offboard/core';
import { createInMemoryBackend, type InMemoryBackend } from '@offboard/core/in-memory';
import { DEMO_NOW, DEMO_ORGANISATION_ID, demoOrganisation } from '@offboard/core/fixtures';
import { createDemoAuthenticator } from '@offboard/core/server';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll } from 'vitest';
import { createHandlers, type MockOptions } from '../src';

export const BASE_URL = 'http://offboard.test';

export interface ServeOptions {
  readonly data?: OffboardData | readonly OffboardData[];
  readonly policy?: Partial<OffboardPolicy>;
  readonly mock?: Partial<MockOptions>;
  readonly timeoutMs?: number;
}

/** One identity provider per test file: tokens stay the same across `serve()` calls. */
export const auth = createDemoAuthenticator();

/** `Authorization` for a caller: a user of the demo organisation by default. */
export const bearer = (actorId: string, caller: Partial<Caller> = {}) => ({
  Authorization: `Bearer ${auth.tokenFor({ organisationId: DEMO_ORGANISATION_ID, actorId, ...caller })}`,
});

/** An HTTP adapter that signs each call in as the caller its context names, as a multi-user client would. */
export const signedInAdapter = (timeoutMs = 5_000) =>
  createHttpAdapter({ baseUrl: BASE_URL, timeoutMs, headers: ({ context }) => bearer(context.actorId, context) });

/** A backend on a fixed clock, so two of them from the same data write identical audit entries. */
export function backendFor(options: ServeOptions = {}): InMemoryBackend {
  return createInMemoryBackend({ data: options.data ?? demoOrganisation(), policy: options.policy, clock: () => new Date(DEMO_NOW) });
}

export interface Exchange {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
}

/**
 * One MSW server for a test file. `serve()` puts a fresh backend behind it and returns an HTTP
 * adapter speaking to it; `send()` speaks raw HTTP, as a hostile or hand-written client would.
 */
export function mockServer() {
  const server = setupServer();
  const statuses: number[] = [];
  server.events.on('response:mocked', ({ response }) => statuses.push(response.status));
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  return {
    server,
    /** Status of the latest answer the handlers gave. */
    lastStatus: () => statuses.at(-1),
    serve(options: ServeOptions = {}) {
      const backend = backendFor(options);
      const handlers = createHandlers(backend, { baseUrl: BASE_URL, authenticate: auth.authenticate, ...options.mock });
      server.resetHandlers(...handlers);
      const adapter = signedInAdapter(options.timeoutMs);
      return { backend, handlers, adapter };
    },
  };
}

/** Raw HTTP; a change says it is JSON (as the HTTP adapter does) unless the test's headers say otherwise. */
export async function send(method: string, path: string, init: { headers?: Record<string, string>; body?: unknown } = {}): Promise<Exchange> {
  const body = init.body === undefined || typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
  const headers = { ...((body !== undefined || method !== 'GET') && { 'Content-Type': 'application/json' }), ...init.headers };
  const response = await fetch(`${BASE_URL}${path}`, { method, headers, ...(body !== undefined && { body }) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

export const admin = bearer('u-ana');
