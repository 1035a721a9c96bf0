import { createHttpAdapter, type OffboardData, type OffboardPolicy } from '@offboard/core';
import { createInMemoryBackend, type InMemoryBackend } from '@offboard/core/in-memory';
import { DEMO_NOW, demoOrganisation } from '@offboard/core/fixtures';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll } from 'vitest';
import { createHandlers, type MockOptions } from '../src';

export const BASE_URL = 'http://offboard.test';

export interface ServeOptions {
  readonly data?: OffboardData;
  readonly policy?: Partial<OffboardPolicy>;
  readonly mock?: MockOptions;
  readonly timeoutMs?: number;
}

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
      const handlers = createHandlers(backend, { baseUrl: BASE_URL, ...options.mock });
      server.resetHandlers(...handlers);
      const adapter = createHttpAdapter({ baseUrl: BASE_URL, timeoutMs: options.timeoutMs ?? 5_000 });
      return { backend, handlers, adapter };
    },
  };
}

export async function send(method: string, path: string, init: { headers?: Record<string, string>; body?: unknown } = {}): Promise<Exchange> {
  const body = init.body === undefined || typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
  const headers = { ...(body !== undefined && { 'Content-Type': 'application/json' }), ...init.headers };
  const response = await fetch(`${BASE_URL}${path}`, { method, headers, ...(body !== undefined && { body }) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

export const admin = { 'X-Actor-Id': 'u-ana' };
