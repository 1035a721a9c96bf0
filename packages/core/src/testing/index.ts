import { describe } from 'vitest';
import { freshFrom, freshLifecycleFrom } from './context';
import type { ConformanceFactory } from './harness';
import { noDeletionSuite } from './rules/R01.noDeletion';
import { deactivateLicenseSuite } from './rules/R02.deactivateLicense';
import { deactivateUserSuite } from './rules/R03.deactivateUser';
import { lastLicenseInCountrySuite } from './rules/R04.lastLicenseInCountry';
import { contactsSuite } from './rules/R05.contacts';
import { tasksSuite } from './rules/R06.tasks';
import { reactivationSuite } from './rules/R07.reactivation';
import { offboardingPlanSuite } from './rules/R08.offboardingPlan';
import { whoMayActSuite } from './rules/R09.whoMayAct';
import { auditSuite } from './rules/R10.audit';
import { whoMayReadSuite } from './rules/R12.whoMayRead';
import { tenancySuite } from './rules/R13.tenancy';
import { retriesSuite } from './rules/R11.retries';
import { reasonsSuite } from './rules/R14.reasons';
import { scheduleRunsSuite } from './rules/R15.scheduleRuns';
import { scheduledDeactivationSuite } from './rules/R15.scheduledDeactivation';
import { eventsSuite } from './rules/R16.events';
import { racesSuite, type RaceOptions } from './rules/races';
import { propertiesSuite, type PropertyOptions } from './rules/properties';
import { validationSuite } from './rules/validation';

export {
  as,
  observe,
  observer,
  observerOf,
  readAll,
  refusal,
  refusedWithoutChange,
  type ConformanceAdapter,
  type ConformanceFactory,
  type ConformanceSetup,
  type Observation,
} from './harness';
export { people, testClock, type TestClock } from './context';
export { singleAdminOrganisation } from '../fixtures/demoOrganisation';
export { withFaults, type FaultyAdapter, type InjectedFault } from './faultyAdapter';
export { startWebhookReceiver, type ReceivedWebhook, type WebhookReceiver } from './webhookReceiver';
export { proveWebhookRetries } from './webhookRetries';

/**
 * The proof that an adapter is an Offboard adapter: every rule R1–R16, idempotency, versions,
 * races, bad input and random command sequences checked against a plain model, run under vitest against adapters the factory builds fresh for each test
 * (on the demo organisation unless a test brings its own data).
 *
 * ```ts
 * import { describeOffboardConformance } from '@offboard/core/testing';
 * describeOffboardConformance('my backend', ({ organisations, policy, clock }) => createMyBackendOverSeededDb(organisations, policy, clock));
 * ```
 *
 * The factory passes `clock` to the backend and returns it, or an adapter with the backend's
 * `runDueSchedules` and `subscribe` (R15, R16):
 *
 * ```ts
 * ({ organisations, policy, clock }) => Object.assign(createHttpAdapter(…), { runDueSchedules: backend.runDueSchedules, subscribe: backend.subscribe })
 * ```
 */
export interface ConformanceOptions {
  /** Random command sequences of the model-based test. @default 1000 */
  readonly sequences?: PropertyOptions['sequences'];
  /** Time limit of the model-based test. @default max(60 s, 0.1 s a sequence) */
  readonly propertyTimeoutMs?: PropertyOptions['timeoutMs'];
  /** Scheduled interleavings per race. @default 20 */
  readonly raceRuns?: RaceOptions['runs'];
}

export function describeOffboardConformance(name: string, factory: ConformanceFactory, options: ConformanceOptions = {}): void {
  const fresh = freshFrom(factory);
  const lifecycle = freshLifecycleFrom(factory);
  describe(`Offboard conformance: ${name}`, () => {
    noDeletionSuite(fresh);
    deactivateLicenseSuite(fresh);
    deactivateUserSuite(fresh);
    lastLicenseInCountrySuite(fresh);
    contactsSuite(fresh);
    tasksSuite(fresh);
    reactivationSuite(fresh);
    offboardingPlanSuite(fresh);
    whoMayActSuite(fresh);
    auditSuite(fresh);
    retriesSuite(fresh);
    whoMayReadSuite(fresh);
    tenancySuite(fresh);
    reasonsSuite(fresh);
    scheduledDeactivationSuite(lifecycle);
    scheduleRunsSuite(lifecycle);
    eventsSuite(lifecycle);
    racesSuite(fresh, { runs: options.raceRuns });
    validationSuite(fresh);
    propertiesSuite(lifecycle, { sequences: options.sequences, timeoutMs: options.propertyTimeoutMs });
  });
}
