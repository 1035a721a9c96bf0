import { describe, expect, it } from 'vitest';
import { TRANSFER_REASON_USER_DEACTIVATED, type OffboardError, type Task } from '../../src';
import { createInMemoryBackend } from '../../src/inMemory';
import { demoOrganisation } from '../../src/fixtures';
import { as, refusal, singleAdminOrganisation } from '../../src/testing';

const demo = demoOrganisation();
const carlasContact = demo.contacts.find((contact) => contact.ownerId === 'u-carla')!.id;
const diegosCompletedTask = demo.tasks.find((task) => task.assigneeId === 'u-diego' && task.state === 'completed')!.id;
const later = '2030-01-01T09:00:00.000Z';

/**
 * What each guard says about a refusal, beyond its code: a UI explains the refusal from these
 * details (which record, which version, which kind of record), so they are part of the rule.
 */
describe('guards: the details of each refusal', () => {
  const cases: [string, (backend: ReturnType<typeof createInMemoryBackend>) => Promise<unknown>, OffboardError['code'], Record<string, unknown>][] = [
    ['R3: unknown user', (b) => b.deactivateUser('u-nobody', as('u-ana')), 'NOT_FOUND', { entity: 'user', id: 'u-nobody' }],
    ['R3: already inactive', (b) => b.deactivateUser('u-karla', as('u-ana')), 'ALREADY_INACTIVE', { entity: 'user', id: 'u-karla' }],
    ['R9: self', (b) => b.deactivateLicense('u-ana', as('u-ana')), 'CANNOT_DEACTIVATE_SELF', { id: 'u-ana' }],
    ['R7: already active', (b) => b.reactivateUser('u-carla', as('u-ana')), 'ALREADY_ACTIVE', { id: 'u-carla' }],
    ['R7: license for an inactive user', (b) => b.assignLicense('u-karla', { country: 'ES' }, as('u-ana')), 'USER_INACTIVE', { id: 'u-karla' }],
    ['R7: license already active', (b) => b.assignLicense('u-carla', { country: 'ES' }, as('u-ana')), 'LICENSE_ALREADY_ACTIVE', { id: 'u-carla' }],
    ['R11: stale user version (R3)', (b) => b.deactivateUser('u-elena', as('u-ana', { expectedVersion: 9 })), 'VERSION_CONFLICT', { entity: 'user', id: 'u-elena', expectedVersion: 9, currentVersion: 1 }],
    ['R11: stale user version (R7)', (b) => b.reactivateUser('u-karla', as('u-ana', { expectedVersion: 9 })), 'VERSION_CONFLICT', { entity: 'user', id: 'u-karla', expectedVersion: 9, currentVersion: 1 }],
    ['R11: stale user version (assign)', (b) => b.assignLicense('u-julia', { country: 'ES' }, as('u-ana', { expectedVersion: 9 })), 'VERSION_CONFLICT', { entity: 'user', id: 'u-julia', expectedVersion: 9, currentVersion: 1 }],
    ['R11: stale user version (R2)', (b) => b.deactivateLicense('u-elena', as('u-ana', { expectedVersion: 9 })), 'VERSION_CONFLICT', { entity: 'user', id: 'u-elena', expectedVersion: 9, currentVersion: 1 }],
    ['R6: unknown task', (b) => b.takeTask('t-999', as('u-carla')), 'NOT_FOUND', { entity: 'task', id: 't-999' }],
    ['R11: stale task version', (b) => b.takeTask('t-047', as('u-carla', { expectedVersion: 9 })), 'VERSION_CONFLICT', { entity: 'task', id: 't-047', expectedVersion: 9 }],
    ['R6: a member takes no task', (b) => b.takeTask('t-047', as('u-julia')), 'FORBIDDEN', { id: 'u-julia', reason: 'not-salesperson' }],
    ['R6: a service takes no task', (b) => b.takeTask('t-047', { ...as('svc-sync'), kind: 'service' }), 'FORBIDDEN', { id: 'svc-sync', reason: 'not-salesperson' }],
    ['R9: a member changes no user', (b) => b.deactivateUser('u-elena', as('u-carla')), 'FORBIDDEN', { id: 'u-carla', reason: 'not-admin' }],
    ['R9: an inactive caller', (b) => b.deactivateUser('u-elena', as('u-karla')), 'FORBIDDEN', { id: 'u-karla', reason: 'actor-inactive' }],
    ['R4 way out: unknown number', (b) => b.deactivatePhoneNumber('pn-xx-9', as('u-ana')), 'NOT_FOUND', { entity: 'phoneNumber', id: 'pn-xx-9' }],
    ['R4 way out: number already inactive', (b) => b.deactivatePhoneNumber('pn-mx-3', as('u-ana')), 'ALREADY_INACTIVE', { entity: 'phoneNumber', id: 'pn-mx-3' }],
    ['R11: stale number version', (b) => b.deactivatePhoneNumber('pn-es-1', as('u-ana', { expectedVersion: 9 })), 'VERSION_CONFLICT', { entity: 'phoneNumber', id: 'pn-es-1', expectedVersion: 9, currentVersion: 1 }],
    ['R9: a member deactivates no number', (b) => b.deactivatePhoneNumber('pn-es-1', as('u-carla')), 'FORBIDDEN', { id: 'u-carla', reason: 'not-admin' }],
    ['R5: unknown contact', (b) => b.reassignContacts({ fromOwnerId: 'u-marta', contactIds: ['c-999'], toUserIds: ['u-carla'] }, as('u-ana')), 'NOT_FOUND', { entity: 'contact', ids: ['c-999'] }],
    ['R5: unknown excluded contact', (b) => b.reassignContacts({ fromOwnerId: 'u-marta', exceptContactIds: ['c-998'], toUserIds: ['u-carla'] }, as('u-ana')), 'NOT_FOUND', { entity: 'contact', ids: ['c-998'] }],
    ['R5: unknown target', (b) => b.reassignContacts({ fromOwnerId: 'u-marta', toUserIds: ['u-nobody'] }, as('u-ana')), 'NOT_FOUND', { entity: 'user', id: 'u-nobody' }],
    ['R5: inactive target', (b) => b.reassignContacts({ fromOwnerId: 'u-marta', toUserIds: ['u-karla'] }, as('u-ana')), 'INVALID_REASSIGN_TARGET', { id: 'u-karla', reason: 'inactive' }],
    ['R5: unlicensed target', (b) => b.reassignContacts({ fromOwnerId: 'u-marta', toUserIds: ['u-julia'] }, as('u-ana')), 'INVALID_REASSIGN_TARGET', { id: 'u-julia', reason: 'unlicensed' }],
    ['R8 step 2: unknown task', (b) => b.transferTasks({ fromUserId: 'u-diego', taskIds: ['t-999'], toUserId: 'u-carla' }, as('u-ana')), 'NOT_FOUND', { entity: 'task', ids: ['t-999'] }],
    ['R5: contact moved since the caller looked', (b) => b.reassignContacts({ fromOwnerId: 'u-marta', contactIds: [carlasContact], toUserIds: ['u-elena'] }, as('u-ana')), 'VERSION_CONFLICT', { entity: 'contact', ids: [carlasContact] }],
    ['R2: no license to take', (b) => b.deactivateLicense('u-julia', as('u-ana')), 'NO_LICENSE', { id: 'u-julia' }],
    ['R8 step 2: completed task', (b) => b.transferTasks({ fromUserId: 'u-diego', taskIds: [diegosCompletedTask], toUserId: 'u-carla' }, as('u-ana')), 'TASK_NOT_TRANSFERABLE', { ids: [diegosCompletedTask], state: 'completed' }],
    ['R8: plan of an unknown user', (b) => b.getOffboardingPlan('u-nobody', {}, as('u-ana')), 'NOT_FOUND', { entity: 'user', id: 'u-nobody' }],
    ['R12: unknown user read by id', (b) => b.getUser('u-nobody', as('u-ana')), 'NOT_FOUND', { entity: 'user', id: 'u-nobody' }],
    ['R12: an inactive caller reads nothing', (b) => b.listUsers({}, as('u-karla')), 'FORBIDDEN', { id: 'u-karla', reason: 'actor-inactive' }],
    ['R12: a member reads no audit log', (b) => b.listAuditLog({}, as('u-carla')), 'FORBIDDEN', { read: 'audit-log', reason: 'admin-only' }],
    ['R12: a member reads no one else’s waiting tasks by assignee', (b) => b.listTasks({ assigneeId: 'u-karla', transferable: true }, as('u-carla')), 'FORBIDDEN', { read: 'tasks', reason: 'admin-only' }],
    ['R11: stale user version (R15 schedule)', (b) => b.scheduleDeactivation('u-elena', { scope: 'user', at: later }, as('u-ana', { expectedVersion: 9 })), 'VERSION_CONFLICT', { entity: 'user', id: 'u-elena', expectedVersion: 9, currentVersion: 1 }],
    ['R15: scheduling for a user already inactive', (b) => b.scheduleDeactivation('u-karla', { scope: 'user', at: later }, as('u-ana')), 'ALREADY_INACTIVE', { entity: 'user', id: 'u-karla' }],
    ['R15: scheduling a license deactivation with no license', (b) => b.scheduleDeactivation('u-julia', { scope: 'license', at: later }, as('u-ana')), 'NO_LICENSE', { id: 'u-julia' }],
    ['R15: unknown schedule', (b) => b.cancelScheduledDeactivation('sd-999', as('u-ana')), 'NOT_FOUND', { entity: 'schedule', id: 'sd-999' }],
    ['R8 step 2: task of someone else', (b) => b.transferTasks({ fromUserId: 'u-diego', taskIds: ['t-047'], toUserId: 'u-carla' }, as('u-ana')), 'VERSION_CONFLICT', { entity: 'task', ids: ['t-047'] }],
  ];
  for (const [name, call, code, details] of cases) {
    it(`${name}: ${code} with ${JSON.stringify(details)}`, async () => {
      const backend = createInMemoryBackend({ data: demoOrganisation() });
      const error = await refusal(call(backend), code);
      expect(error.details).toMatchObject(details);
      if (!('currentVersion' in details) && code !== 'VERSION_CONFLICT') expect(Object.keys(error.details).sort()).toEqual(Object.keys(details).sort());
    });
  }

  it('R6: a salesperson taking a task still assigned to them is INVALID_REASSIGN_TARGET (current-owner)', async () => {
    // Only seeded data can hold it: R7 gives a user's waiting tasks back with the license.
    const demo = demoOrganisation();
    const own = demo.tasks.find((task) => task.assigneeId === 'u-carla' && task.state === 'created')!;
    const tasks = demo.tasks.map((task): Task => (task.id === own.id ? { ...task, transferable: true, transferReason: TRANSFER_REASON_USER_DEACTIVATED } : task));
    const backend = createInMemoryBackend({ data: { ...demo, tasks } });
    const error = await refusal(backend.takeTask(own.id, as('u-carla')), 'INVALID_REASSIGN_TARGET');
    expect(error.details).toEqual({ id: 'u-carla', reason: 'current-owner' });
  });

  it('R9: deactivating the last active admin is LAST_ADMIN, naming them', async () => {
    // Only another identity can try: the admin themselves meets R9's self refusal first.
    const backend = createInMemoryBackend({ data: singleAdminOrganisation() });
    const error = await refusal(backend.deactivateUser('u-ana', { ...as('svc-sync'), kind: 'service' }), 'LAST_ADMIN');
    expect(error.details).toEqual({ id: 'u-ana' });
  });

  it('R15, R11: cancelling a schedule names it: a stale version, then once cancelled, its state', async () => {
    const backend = createInMemoryBackend({ data: demoOrganisation() });
    const { schedule } = await backend.scheduleDeactivation('u-elena', { scope: 'user', at: later }, as('u-ana'));
    const stale = await refusal(backend.cancelScheduledDeactivation(schedule.id, as('u-ana', { expectedVersion: 9 })), 'VERSION_CONFLICT');
    expect(stale.details).toEqual({ entity: 'schedule', id: schedule.id, expectedVersion: 9, currentVersion: schedule.version });
    await backend.cancelScheduledDeactivation(schedule.id, as('u-ana'));
    const again = await refusal(backend.cancelScheduledDeactivation(schedule.id, as('u-ana')), 'SCHEDULE_NOT_PENDING');
    expect(again.details).toEqual({ entity: 'schedule', id: schedule.id, state: 'cancelled' });
  });
});
