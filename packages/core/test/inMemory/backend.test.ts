import { describe, expect, it } from 'vitest';
import type { OffboardData } from '../../src';
import { demoOrganisation } from '../../src/fixtures';
import { createInMemoryBackend } from '../../src/inMemory';
import { refusal } from '../../src/testing';
import { as, observer } from '../../src/testing/harness';

/**
 * What the in-memory backend says back, to the letter: which field a refusal names, which
 * details it carries, what a change's audit entry records. The conformance suite runs the rules;
 * these pin the words and fields a client reads.
 */

const ana = as('u-ana');
const carla = as('u-carla');
const backend = () => createInMemoryBackend({ data: demoOrganisation() });

describe('in-memory backend: refusals name the field and the record', () => {
  it('an id that is not an id is refused with VALIDATION_FAILED on the argument’s own name, whatever the method', async () => {
    const b = backend();
    const cases: [string, () => Promise<unknown>, string][] = [
      ['getUser', () => b.getUser(42 as never, observer), 'userId'],
      ['getOffboardingPlan', () => b.getOffboardingPlan(42 as never, {}, observer), 'userId'],
      ['getAccess', () => b.getAccess(42 as never, observer), 'userId'],
      ['deactivateLicense', () => b.deactivateLicense(42 as never, ana), 'userId'],
      ['deactivateUser', () => b.deactivateUser(42 as never, ana), 'userId'],
      ['assignLicense', () => b.assignLicense(42 as never, { country: 'ES' }, ana), 'userId'],
      ['reactivateUser', () => b.reactivateUser(42 as never, ana), 'userId'],
      ['deleteUser', () => b.deleteUser(42 as never, ana), 'userId'],
      ['takeTask', () => b.takeTask(42 as never, carla), 'taskId'],
      ['deactivatePhoneNumber', () => b.deactivatePhoneNumber(42 as never, ana), 'phoneNumberId'],
    ];
    for (const [method, call, field] of cases) {
      const error = await refusal(call(), 'VALIDATION_FAILED');
      expect([method, error.details.field]).toEqual([method, field]);
    }
  });

  it('R1: deleting a user is refused naming the user', async () => {
    const error = await refusal(backend().deleteUser('u-carla', ana), 'DELETION_NOT_SUPPORTED');
    expect(error.details).toEqual({ entity: 'user', id: 'u-carla' });
  });

  it('R12: access of an unknown user is NOT_FOUND naming it; a member asking is refused as admin-only access', async () => {
    const b = backend();
    const unknown = await refusal(b.getAccess('u-nobody', observer), 'NOT_FOUND');
    expect(unknown.details).toEqual({ entity: 'user', id: 'u-nobody' });
    const access = await refusal(b.getAccess('u-elena', carla), 'FORBIDDEN');
    expect(access.details).toEqual({ reason: 'admin-only', read: 'access' });
    const history = await refusal(b.listHistory({ userId: 'u-elena' }, carla), 'FORBIDDEN');
    expect(history.details).toEqual({ reason: 'admin-only', read: 'history' });
  });

  it('R13: an organisation the backend does not hold is NOT_FOUND naming it', async () => {
    const error = await refusal(backend().getSeatUsage({ organisationId: 'org-elsewhere', actorId: 'u-ana', kind: 'user' }), 'NOT_FOUND');
    expect(error.details).toEqual({ entity: 'organisation', id: 'org-elsewhere' });
  });

  it('R13: data holding one organisation twice is refused naming it', () => {
    const data = demoOrganisation();
    expect(() => createInMemoryBackend({ data: [data, data] })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', details: { field: 'data', id: 'org-demo' }, message: 'data holds organisation org-demo twice' }),
    );
  });

  it('R5: a reassignment that selects no contact (all excepted) is refused on input.contactIds and changes nothing', async () => {
    const b = backend();
    const before = b.snapshot();
    const owned = (await b.listContacts({ ownerId: 'u-marta', limit: 500 }, observer)).items.map((contact) => contact.id);
    const error = await refusal(b.reassignContacts({ fromOwnerId: 'u-marta', toUserIds: ['u-elena'], exceptContactIds: owned }, ana), 'VALIDATION_FAILED');
    expect([error.details, error.message]).toEqual([{ field: 'input.contactIds' }, 'input selects no contact to reassign']);
    expect(b.snapshot()).toEqual(before);
  });

  it('R11: deactivating a license and deactivating the user are different requests: one key cannot replay the other', async () => {
    const b = backend();
    await b.deactivateLicense('u-oscar', as('u-ana', { idempotencyKey: 'k-oscar' }));
    const error = await refusal(b.deactivateUser('u-oscar', as('u-ana', { idempotencyKey: 'k-oscar' })), 'IDEMPOTENCY_KEY_REUSED');
    expect(error.details).toEqual({ idempotencyKey: 'k-oscar' });
    expect((await b.getUser('u-oscar', observer)).status).toBe('active');
  });
});

/** A leaver whose open tasks were created out of their ids' order, and someone to hand them to. */
function handOver(): OffboardData {
  const data = demoOrganisation();
  const task = (id: string, state: 'created' | 'completed') => ({ id, title: id, assigneeId: 'u-karla', state, transferable: false, transferReason: null, version: 1 });
  return { ...data, tasks: [...data.tasks.filter((t) => t.assigneeId !== 'u-karla'), task('t-k9', 'created'), task('t-k10', 'created'), task('t-k2', 'created'), task('t-k1', 'completed')] };
}

describe('in-memory backend: what a change records', () => {
  it('R6 (R8 step 2): handing over every open task lists them by id in the result and the audit entry; completed ones stay', async () => {
    const b = createInMemoryBackend({ data: handOver() });
    const result = await b.transferTasks({ fromUserId: 'u-karla', toUserId: 'u-elena' }, ana);
    expect(result.taskIds).toEqual(['t-k10', 't-k2', 't-k9']);
    expect(result.audit.effects).toEqual({ tasksMoved: { fromUserId: 'u-karla', toUserId: 'u-elena', taskIds: ['t-k10', 't-k2', 't-k9'] } });
    const again = await refusal(b.transferTasks({ fromUserId: 'u-karla', toUserId: 'u-elena' }, ana), 'VALIDATION_FAILED');
    expect([again.details, again.message]).toEqual([{ field: 'input.taskIds' }, 'input selects no open task to transfer']);
  });

  it('R7: a reactivation’s audit entry records that sign-in is restored', async () => {
    const { audit } = await backend().reactivateUser('u-karla', ana);
    expect(audit).toMatchObject({ action: 'user.reactivated', actorId: 'u-ana', target: { type: 'user', id: 'u-karla' }, effects: { signInRestored: true } });
  });

  it('R2: only open tasks not yet transferable are marked (and counted); one already waiting keeps its version', async () => {
    const data = demoOrganisation();
    const task = (id: string, transferable: boolean) => ({ id, title: id, assigneeId: 'u-oscar', state: 'created' as const, transferable, transferReason: transferable ? ('User deactivated' as const) : null, version: 1 });
    const b = createInMemoryBackend({ data: { ...data, tasks: [...data.tasks.filter((t) => t.assigneeId !== 'u-oscar'), task('t-o1', true), task('t-o2', false)] } });
    const { audit } = await b.deactivateLicense('u-oscar', ana);
    expect(audit.effects.tasksMadeTransferable).toEqual(['t-o2']);
    expect(b.snapshot().tasks.filter((t) => t.assigneeId === 'u-oscar').map((t) => [t.id, t.transferable, t.version])).toEqual([
      ['t-o1', true, 1],
      ['t-o2', true, 2],
    ]);
  });

  it('R7: a new license takes a seat and gives back only the user’s tasks that were waiting to be taken', async () => {
    const data = demoOrganisation();
    const task = (id: string, transferable: boolean) => ({ id, title: id, assigneeId: 'u-julia', state: 'created' as const, transferable, transferReason: transferable ? ('User deactivated' as const) : null, version: 1 });
    const b = createInMemoryBackend({ data: { ...data, tasks: [...data.tasks, task('t-j1', true), task('t-j2', false)] } });
    const { audit } = await b.assignLicense('u-julia', { country: 'ES' }, ana);
    expect(audit.effects).toEqual({ licenseAssigned: { country: 'ES' }, seatUsed: true, tasksNoLongerTransferable: ['t-j1'] });
    expect(b.snapshot().tasks.filter((t) => t.assigneeId === 'u-julia').map((t) => [t.id, t.transferable, t.version])).toEqual([
      ['t-j1', false, 2],
      ['t-j2', false, 1],
    ]);
  });
});
