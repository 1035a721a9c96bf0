import fc from 'fast-check';
import type { MutationContext, OffboardAdapter } from '../../adapter/OffboardAdapter';
import { DEMO_ORGANISATION_ID } from '../../fixtures/demoOrganisation';
import type { LifecycleFixture } from '../context';
import type { ModelCommand } from './model';
import { scheduledAt } from './scheduleModel';

const USERS = ['a1', 'a2', 'm1', 'm2', 'm3', 'm4', 'm5'];
/** R9: a directory-sync identity (a service caller), which can reach LAST_ADMIN. */
export const SERVICE_ACTOR = 'svc-sync';
const someone = fc.constantFrom(...USERS, 'u-ghost');
/** Admins act most often, so sequences get past R9 and reach the other rules. */
const actor = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('a1', 'a2') },
  { weight: 1, arbitrary: someone },
  { weight: 1, arbitrary: fc.constant(SERVICE_ACTOR) },
);
/** Mostly no expected version; sometimes one, right or stale (R11). */
const version = fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 5 }) });

export const commandArbitraries: fc.Arbitrary<ModelCommand>[] = [
  fc.record({ op: fc.constant('deactivateLicense' as const), actor, target: someone, expectedVersion: version }),
  fc.record({ op: fc.constant('deactivateUser' as const), actor, target: someone, expectedVersion: version }),
  fc.record({ op: fc.constant('reactivateUser' as const), actor, target: someone, expectedVersion: version }),
  fc.record({ op: fc.constant('assignLicense' as const), actor, target: someone, country: fc.constantFrom('ES', 'CO', 'MX', 'AR'), expectedVersion: version }),
  fc.record({
    op: fc.constant('reassignContacts' as const),
    actor,
    from: someone,
    to: fc.uniqueArray(someone, { minLength: 1, maxLength: 3 }),
    contactIds: fc.option(
      fc.uniqueArray(fc.constantFrom(...Array.from({ length: 12 }, (_, i) => `c${String(i + 1).padStart(2, '0')}`), 'c99'), { minLength: 1, maxLength: 4 }),
      { nil: undefined },
    ),
  }),
  fc.record({ op: fc.constant('takeTask' as const), actor: someone, task: fc.constantFrom('t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9', 't99'), expectedVersion: version }),
  fc.record({ op: fc.constant('transferTasks' as const), actor, from: someone, to: someone }),
  fc.record({ op: fc.constant('deactivatePhoneNumber' as const), actor, number: fc.constantFrom('pES', 'pCO', 'pMX', 'pXX'), expectedVersion: version }),
  fc.record({ op: fc.constant('deleteUser' as const), actor, target: someone }),
  // R15: schedules a few hours to two days after the start, so some come due as time passes and some are already past.
  fc.record({ op: fc.constant('scheduleDeactivation' as const), actor, target: someone, scope: fc.constantFrom('license' as const, 'user' as const), hours: fc.integer({ min: 1, max: 48 }) }),
  fc.record({ op: fc.constant('cancelScheduledDeactivation' as const), actor, schedule: fc.constantFrom('sd-1', 'sd-2', 'sd-3', 'sd-4', 'sd-99'), expectedVersion: version }),
  fc.record({ op: fc.constant('passTime' as const), hours: fc.integer({ min: 1, max: 24 }) }),
].map((arbitrary) => arbitrary.map((command) => JSON.parse(JSON.stringify(command)) as ModelCommand));

/** A quarter of the calls carry a key from a small pool, so replays and reuses both happen. */
export const idempotencyKey = fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom('k1', 'k2', 'k3') });

/** The adapter call a model command stands for; time passes on the fixture's clock, and its runner runs. */
export async function execute(fixture: LifecycleFixture, c: ModelCommand, idempotencyKey: string | undefined): Promise<unknown> {
  const adapter: OffboardAdapter = fixture.adapter;
  if (c.op === 'passTime') {
    fixture.clock.advance(c.hours * 60 * 60 * 1000);
    return fixture.runDueSchedules();
  }
  const context: MutationContext = {
    organisationId: DEMO_ORGANISATION_ID,
    actorId: c.actor,
    kind: c.actor === SERVICE_ACTOR ? 'service' : 'user',
    ...(idempotencyKey ? { idempotencyKey } : {}),
    ...('expectedVersion' in c && c.expectedVersion !== undefined ? { expectedVersion: c.expectedVersion } : {}),
  };
  switch (c.op) {
    case 'deactivateLicense':
      return adapter.deactivateLicense(c.target, context);
    case 'deactivateUser':
      return adapter.deactivateUser(c.target, context);
    case 'reactivateUser':
      return adapter.reactivateUser(c.target, context);
    case 'assignLicense':
      return adapter.assignLicense(c.target, { country: c.country }, context);
    case 'reassignContacts':
      return adapter.reassignContacts({ fromOwnerId: c.from, toUserIds: c.to, ...(c.contactIds ? { contactIds: c.contactIds } : {}) }, context);
    case 'takeTask':
      return adapter.takeTask(c.task, context);
    case 'transferTasks':
      return adapter.transferTasks({ fromUserId: c.from, toUserId: c.to }, context);
    case 'deactivatePhoneNumber':
      return adapter.deactivatePhoneNumber(c.number, context);
    case 'deleteUser':
      return adapter.deleteUser(c.target, context);
    case 'scheduleDeactivation':
      return adapter.scheduleDeactivation(c.target, { scope: c.scope, at: scheduledAt(c.hours) }, context);
    case 'cancelScheduledDeactivation':
      return adapter.cancelScheduledDeactivation(c.schedule, context);
  }
}
