import { as, observer } from '../../src/testing/harness';
import { describe, expect, it } from 'vitest';
import { offboardingMachine, type OffboardingEmitted, type RunningStep } from '../../src/machines';
import { countingKeys, run, settled, setup } from './helpers';

const statuses = (actor: ReturnType<typeof start>) => actor.getSnapshot().context.plan!.steps.map((step) => step.status);
const start = (adapter: ReturnType<typeof setup>['adapter'], userId: string, scenario: 'employee-departure' | 'role-change', resume?: RunningStep) =>
  run(offboardingMachine, { adapter, caller: as('u-ana'), userId, scenario, resume, createKey: countingKeys(userId) });

describe('offboardingMachine', () => {
  it('R8: walks a whole employee departure, recomputing the checklist after every step', async () => {
    const { adapter, backend } = setup();
    const actor = start(adapter, 'u-diego', 'employee-departure');
    await settled(actor, 'ready.inProgress');
    expect(statuses(actor)).toEqual(['pending', 'pending', 'pending', 'blocked', 'blocked']);

    actor.send({ type: 'RUN_STEP', request: { step: 'deactivate-license' } });
    expect(actor.getSnapshot().value).toEqual({ ready: 'inProgress' });

    actor.send({ type: 'RUN_STEP', request: { step: 'reassign-contacts', toUserIds: ['u-carla', 'u-oscar'] } });
    await settled(actor, 'ready.inProgress');
    expect(statuses(actor)).toEqual(['done', 'pending', 'pending', 'blocked', 'blocked']);
    actor.send({ type: 'RUN_STEP', request: { step: 'transfer-tasks', toUserId: 'u-ana' } });
    await settled(actor, 'ready.inProgress');
    actor.send({ type: 'RUN_STEP', request: { step: 'check-phone-numbers' } });
    await settled(actor, 'ready.inProgress');
    expect(statuses(actor)).toEqual(['done', 'done', 'done', 'pending', 'pending']);
    actor.send({ type: 'RUN_STEP', request: { step: 'deactivate-license' } });
    await settled(actor, 'ready.inProgress');
    actor.send({ type: 'RUN_STEP', request: { step: 'deactivate-user' } });
    await settled(actor, 'ready.complete');
    expect(actor.getSnapshot().context.completed).toEqual(['reassign-contacts', 'transfer-tasks', 'check-phone-numbers', 'deactivate-license', 'deactivate-user']);

    const diego = await backend.getUser('u-diego', observer);
    expect(diego).toMatchObject({ status: 'inactive', license: { country: 'CO', status: 'inactive' } });
    expect((await backend.listContacts({ ownerId: 'u-diego' }, observer)).total).toBe(0);
    expect((await backend.listContacts({ ownerId: 'u-carla' }, observer)).total).toBe(25 + 20);
    expect((await backend.listContacts({ ownerId: 'u-oscar' }, observer)).total).toBe(12 + 20);
    expect((await backend.listTasks({ assigneeId: 'u-diego', state: 'created' }, observer)).total).toBe(0);
    expect((await backend.listTasks({ assigneeId: 'u-diego', state: 'completed' }, observer)).total).toBe(4);
    expect((await backend.listPhoneNumbers({ country: 'CO', status: 'active' }, observer)).total).toBe(0);
    expect(await backend.getAccess('u-diego', observer)).toMatchObject({ canSignIn: false, openSessions: 0 });
    expect((await backend.listHistory({ userId: 'u-diego' }, observer)).total).toBeGreaterThan(40);
    const log = (await backend.listAuditLog({ limit: 6 }, observer)).items.map((entry) => [entry.action, entry.target.id]).reverse();
    expect(log).toEqual([
      ['contacts.reassigned', 'u-diego'],
      ['tasks.transferred', 'u-diego'],
      ['phoneNumber.deactivated', 'pn-co-1'],
      ['phoneNumber.deactivated', 'pn-co-2'],
      ['license.deactivated', 'u-diego'],
      ['user.deactivated', 'u-diego'],
    ]);
  });

  it('R8: a step that takes something away waits for CONFIRM; CANCEL sends nothing; each step emits its results and "Step N done"', async () => {
    const { adapter, backend } = setup();
    const actor = start(adapter, 'u-diego', 'employee-departure');
    const changes: OffboardingEmitted[] = [];
    actor.on('changed', (event) => changes.push(event));
    await settled(actor, 'ready.inProgress');
    actor.send({ type: 'ASK_STEP', request: { step: 'deactivate-user' } });
    expect(actor.getSnapshot().value).toEqual({ ready: 'inProgress' });
    actor.send({ type: 'ASK_STEP', request: { step: 'check-phone-numbers' } });
    expect(actor.getSnapshot().value).toBe('confirming');
    expect(actor.getSnapshot().context.asking).toEqual({ step: 'check-phone-numbers' });
    actor.send({ type: 'CANCEL' });
    await settled(actor, 'ready.inProgress');
    expect(adapter.calls.deactivatePhoneNumber).toBeUndefined();

    actor.send({ type: 'ASK_STEP', request: { step: 'check-phone-numbers' } });
    actor.send({ type: 'CONFIRM' });
    expect(actor.getSnapshot().context.running).toMatchObject({ request: { step: 'check-phone-numbers', phoneNumberIds: ['pn-co-1', 'pn-co-2'] } });
    await settled(actor, 'ready.inProgress');
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ step: 'check-phone-numbers', announcement: { key: 'checklist.stepDone', values: { number: 3, step: 'check-phone-numbers' } } });
    expect(changes[0]!.results.map((result) => result.audit.action)).toEqual(['phoneNumber.deactivated', 'phoneNumber.deactivated']);
    expect((await backend.listPhoneNumbers({ country: 'CO', status: 'active' }, observer)).total).toBe(0);
  });

  it('R12: a member asking for another user’s checklist is refused in the first state; their own loads', async () => {
    const { adapter } = setup();
    const other = run(offboardingMachine, { adapter, caller: as('u-carla'), userId: 'u-diego' });
    await settled(other, 'refused');
    expect(other.getSnapshot().context.refusal).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'admin-only' } });
    expect(adapter.calls.getOffboardingPlan).toBeUndefined();
    const own = run(offboardingMachine, { adapter, caller: as('u-carla'), userId: 'u-carla' });
    await settled(own, 'ready.inProgress');
    expect(own.getSnapshot().context.scenario).toBe('employee-departure');
  });

  it('R8: a role change ends with the license freed and the user still signed in with reports', async () => {
    const { adapter, backend } = setup();
    const actor = start(adapter, 'u-elena', 'role-change');
    await settled(actor, 'ready.inProgress');
    actor.send({ type: 'RUN_STEP', request: { step: 'reassign-contacts', toUserIds: ['u-oscar'] } });
    await settled(actor, 'ready.inProgress');
    actor.send({ type: 'RUN_STEP', request: { step: 'transfer-tasks', toUserId: 'u-oscar' } });
    await settled(actor, 'ready.inProgress');
    actor.send({ type: 'RUN_STEP', request: { step: 'deactivate-user' } });
    expect(actor.getSnapshot().value).toEqual({ ready: 'inProgress' });
    actor.send({ type: 'RUN_STEP', request: { step: 'deactivate-license' } });
    await settled(actor, 'ready.complete');
    expect(statuses(actor)).toEqual(['done', 'done', 'done', 'done', 'not-applicable']);
    expect(await backend.getAccess('u-elena', observer)).toMatchObject({ canSignIn: true, reports: true, commercialFeatures: false });
    expect((await backend.listAuditLog({ targetId: 'u-elena' }, observer)).items.map((entry) => entry.action)).toEqual([
      'license.deactivated',
      'tasks.transferred',
      'contacts.reassigned',
    ]);
  });

  it('R11: a failed step keeps its request and key; the retry applies it once', async () => {
    const { adapter, backend } = setup();
    const actor = start(adapter, 'u-diego', 'employee-departure');
    await settled(actor, 'ready.inProgress');
    adapter.failNext('deactivatePhoneNumber', { when: 'after', times: 1 });
    actor.send({ type: 'RUN_STEP', request: { step: 'check-phone-numbers' } });
    await settled(actor, 'failed');
    const { running } = actor.getSnapshot().context;
    expect(running).toEqual({ request: { step: 'check-phone-numbers', phoneNumberIds: ['pn-co-1', 'pn-co-2'] }, idempotencyKey: 'u-diego-1', expectedVersion: 1 });
    actor.send({ type: 'RETRY' });
    await settled(actor, 'ready.inProgress');
    expect((await backend.listAuditLog({ action: 'phoneNumber.deactivated' }, observer)).total).toBe(2);
  });

  it('R11: a step in flight when the page reloaded resumes from its saved request and key, exactly once', async () => {
    const { adapter, backend } = setup();
    const first = start(adapter, 'u-diego', 'employee-departure');
    await settled(first, 'ready.inProgress');
    adapter.failNext('reassignContacts', { when: 'after' });
    first.send({ type: 'RUN_STEP', request: { step: 'reassign-contacts', toUserIds: ['u-carla'] } });
    await settled(first, 'failed');
    const saved = JSON.parse(JSON.stringify(first.getSnapshot().context.running)) as RunningStep;
    first.stop();

    const resumed = start(adapter, 'u-diego', 'employee-departure', saved);
    await settled(resumed, 'ready.inProgress');
    expect(statuses(resumed)[0]).toBe('done');
    expect((await backend.listAuditLog({ action: 'contacts.reassigned' }, observer)).total).toBe(1);
    expect(resumed.getSnapshot().context.completed).toEqual(['reassign-contacts']);
  });

  it('a refused step is typed and dismissed back to the recomputed checklist', async () => {
    const { adapter, backend } = setup();
    const actor = start(adapter, 'u-diego', 'employee-departure');
    await settled(actor, 'ready.inProgress');
    await backend.deactivateLicense('u-oscar', as('u-bruno'));
    actor.send({ type: 'RUN_STEP', request: { step: 'reassign-contacts', toUserIds: ['u-oscar'] } });
    await settled(actor, 'failed');
    expect(actor.getSnapshot().context.error?.code).toBe('INVALID_REASSIGN_TARGET');
    actor.send({ type: 'RETRY' });
    expect(actor.getSnapshot().value).toBe('failed');
    actor.send({ type: 'DISMISS' });
    await settled(actor, 'ready.inProgress');
    expect(statuses(actor)[0]).toBe('pending');
  });
});
