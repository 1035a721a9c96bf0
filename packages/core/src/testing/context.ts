import type { OffboardAdapter } from '../adapter/OffboardAdapter';
import type { OffboardData } from '../domain/types';
import type { LifecycleEvent } from '../events/lifecycleEvent';
import { DEMO_NOW, demoOrganisation } from '../fixtures/demoOrganisation';
import type { OffboardPolicy } from '../rules/readModel';
import type { ConformanceFactory } from './harness';

/** The suite's clock: a backend given it sees time move only when a test moves it. */
export interface TestClock {
  (): Date;
  /** Moves time forward by `ms`. */
  advance(ms: number): void;
}

export function testClock(start: string = DEMO_NOW): TestClock {
  let now = Date.parse(start);
  return Object.assign(() => new Date(now), {
    advance(ms: number) {
      now += ms;
    },
  });
}

export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;

type FreshOptions = { data?: OffboardData; others?: readonly OffboardData[]; policy?: Partial<OffboardPolicy> };

/**
 * Starts a fresh adapter, on the demo organisation unless a test brings its own data, and with
 * `others` beside it for tenancy tests (R13).
 */
export type Fresh = (options?: FreshOptions) => Promise<OffboardAdapter>;

export function freshFrom(factory: ConformanceFactory): Fresh {
  return async (options = {}) => (await freshLifecycleFrom(factory)(options)).adapter;
}

/** A fresh adapter with its clock, its runner of due schedules (R15) and the events it announced (R16). */
export interface LifecycleFixture {
  readonly adapter: OffboardAdapter;
  readonly clock: TestClock;
  /** Performs what is due by the clock. */
  runDueSchedules(): Promise<void>;
  /** Every event heard since the adapter was made, oldest first, once any outbox has been dispatched. */
  events(): Promise<readonly LifecycleEvent[]>;
}

export type FreshLifecycle = (options?: FreshOptions) => Promise<LifecycleFixture>;

const missing = (hook: string) =>
  new Error(`The conformance factory must give ${hook} (R15, R16): return the backend, or the adapter with the backend's runDueSchedules and subscribe.`);

export function freshLifecycleFrom(factory: ConformanceFactory): FreshLifecycle {
  return async (options = {}) => {
    const clock = testClock();
    const target = await factory({ organisations: [options.data ?? demoOrganisation(), ...(options.others ?? [])], policy: options.policy, clock });
    const heard: LifecycleEvent[] = [];
    // Subscribed before any test acts, so every event of the adapter's life is heard.
    target.subscribe?.((event) => void heard.push(event));
    return {
      adapter: target,
      clock,
      async runDueSchedules() {
        if (!target.runDueSchedules) throw missing('runDueSchedules');
        await target.runDueSchedules();
      },
      async events() {
        if (!target.subscribe) throw missing('subscribe');
        await target.dispatchEvents?.();
        return [...heard];
      },
    };
  };
}

/** People of the demo organisation, by the part they play in the tests. */
export const people = {
  admin: 'u-ana',
  otherAdmin: 'u-bruno',
  unlicensedAdmin: 'u-nora',
  salesperson: 'u-carla',
  lastInColombia: 'u-diego',
  spainSeller: 'u-elena',
  mexicoSellers: ['u-fernando', 'u-gabriela', 'u-hugo'],
  lastInArgentina: 'u-ignacio',
  unlicensedMember: 'u-julia',
  inactive: 'u-karla',
  formerSeller: 'u-marta',
  otherSpainSeller: 'u-oscar',
} as const;

