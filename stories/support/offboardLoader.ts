import { createHttpAdapter, type Caller, type OffboardAdapter, type User } from '@offboard/core';
import { createInMemoryBackend, type InMemoryBackend } from '@offboard/core/in-memory';
import { DEMO_ACTOR_ID, DEMO_SCENARIOS } from '@offboard/core/fixtures';
import { createDemoAuthenticator } from '@offboard/core/server';
import { createHandlers, type FaultController } from '@offboard/mocks';
import type { HttpHandler } from 'msw';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { FAULT_PRESETS } from './faultPresets';
import type { OffboardStoryParameters, ScenarioArgs } from './offboardParameters';

/** What every story receives in `loaded`: its backend, the adapter the UI uses, its fault controller. */
export interface OffboardLoaded {
  readonly backend: InMemoryBackend;
  /** The HTTP adapter, signed in as `caller` the way a browser is: by a bearer token, never by naming the actor. */
  readonly adapter: OffboardAdapter;
  readonly faults: FaultController;
  /** Who is signed in: the provider's organisation, user and kind. */
  readonly caller: Caller;
  /** A service identity of the story's organisation, which reads everything (R12): plays check outcomes as it. */
  readonly observer: Caller;
  /** A user as the story starts, for components that take a `User` (menus, dialogs). */
  readonly user: (userId: string) => User;
}

/** Where a story's mocked API lives: on the page's own origin, so the service worker (or MSW in Node) answers. */
export const apiBaseUrl = (storyId: string) => new URL(`/api/${storyId}`, globalThis.location?.href ?? 'http://localhost/').href;

type LoaderContext = Parameters<ReturnType<typeof mswLoader>>[0] & {
  id: string;
  viewMode: string;
  parameters: { offboard?: OffboardStoryParameters };
  args: ScenarioArgs;
};

/**
 * Handlers of every story loaded in this page, each under its own base URL. A docs page renders
 * several stories at once and the addon resets the worker's handlers on every load, so each load
 * puts all of them back: every story keeps talking to its own backend.
 */
const handlersByStory = new Map<string, HttpHandler[]>();

/**
 * The one loader of every story. msw-storybook-addon's loader starts the worker (or, under
 * vitest, takes the Node server `setup` returns) and puts it on `context.msw`; then this story
 * gets a fresh in-memory backend served over the REST contract behind a demo sign-in, and the
 * HTTP adapter that speaks to it with the signed-in caller's token, so stories exercise the real
 * contract and the real authorisation. Storybook runs loaders in parallel, hence one loader doing
 * both in order.
 */
export function createOffboardLoader(setup?: Parameters<typeof mswLoader>[0]) {
  const startMsw = mswLoader(setup);
  return async (context: LoaderContext): Promise<OffboardLoaded> => {
    await startMsw(context);
    const loaded = loadStory(context);
    for (const [index, { userId, ...input }] of (context.parameters.offboard?.schedules ?? []).entries()) {
      await loaded.backend.scheduleDeactivation(userId, input, { ...loaded.observer, idempotencyKey: `story-schedule-${index}` });
    }
    return loaded;
  };
}

function loadStory(context: LoaderContext): OffboardLoaded {
  const options = context.parameters.offboard ?? {};
  // Controls win over parameters: loaders run again when args change, so switching is live.
  const scenario = DEMO_SCENARIOS[context.args.organisation ?? options.scenario ?? 'employee-departure'];
  const data = context.args.organisation ? scenario.data : (options.data ?? scenario.data);
  const organisation = data();
  const backend = createInMemoryBackend({ data: organisation, policy: options.policy });
  const { organisationId } = organisation;
  const caller: Caller = { organisationId, actorId: options.actorId ?? scenario.actorId ?? DEMO_ACTOR_ID, kind: options.callerKind ?? 'user' };
  const auth = createDemoAuthenticator();
  const baseUrl = apiBaseUrl(context.id);
  const faults = { ...options.faults, ...FAULT_PRESETS[context.args.fault ?? 'none'] };
  const latency = options.latency ?? defaultLatency();
  const handlers = createHandlers(backend, { baseUrl, authenticate: auth.authenticate, latency, faults });
  handlersByStory.set(context.id, handlers);
  // Only a docs page shows several stories at once; a single story needs only its own handlers.
  context.msw.use(...(context.viewMode === 'docs' ? [...handlersByStory.values()].flat() : handlers));
  const users = new Map(backend.snapshot().users.map((user) => [user.id, user]));
  const observer: Caller = { organisationId, actorId: 'svc-story-observer', kind: 'service' };
  // The browser suite reads the story's data (the audit log) to prove a retried change applied once.
  Object.assign(globalThis, { __offboardStory: { backend, observer, faults: handlers.faults } });
  return {
    backend,
    adapter: createHttpAdapter({
      baseUrl,
      headers: () => ({ Authorization: `Bearer ${auth.tokenFor(caller)}` }),
      // A loading story's latency is longer than the usual timeout; the timeout must outlast it.
      timeoutMs: 4_000 + longest(latency),
    }),
    faults: handlers.faults,
    caller,
    observer,
    user: (userId) => users.get(userId) ?? raise(`No user ${userId} in this story's organisation`),
  };
}

/** A little latency makes loading states visible to designers; tests and benchmarks set `OFFBOARD_NO_LATENCY`. */
function defaultLatency(): [number, number] | 0 {
  return (globalThis as { OFFBOARD_NO_LATENCY?: boolean }).OFFBOARD_NO_LATENCY ? 0 : [80, 200];
}

const longest = (latency: number | readonly [number, number]) => (typeof latency === 'number' ? latency : latency[1]);

function raise(message: string): never {
  throw new Error(message);
}
