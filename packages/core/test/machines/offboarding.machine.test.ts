import { as, observer } from '../../src/testing/harness';
import { describe, expect, it } from 'vitest';
import { connectOffboarding, offboardingMachine, runStep, type OffboardingEmitted, type RunningStep } from '../../src/machines';
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
    expect(actor.getSnapshot().context.asking).toBeNull();
    expect(adapter.calls.deactivatePhoneNumber).toBeUndefined();

    actor.send({ type: 'ASK_STEP', request: { step: 'check-phone-numbers' } });
    actor.send({ type: 'CONFIRM' });
    // The request names every number that blocks, and no reason: R14's reason is a deactivation's (steps 4–5).
    expect(actor.getSnapshot().context.running?.request).toEqual({ step: 'check-phone-numbers', phoneNumberIds: ['pn-co-1', 'pn-co-2'] });
    await settled(actor, 'ready.inProgress');
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ step: 'check-phone-numbers', announcement: { key: 'checklist.stepDone', values: { number: 3, step: 'check-phone-numbers' } } });
    expect(changes[0]!.results.map((result) => result.audit.action)).toEqual(['phoneNumber.deactivated', 'phoneNumber.deactivated']);
    expect((await backend.listPhoneNumbers({ country: 'CO', status: 'active' }, observer)).total).toBe(0);
  });

  it('R4: step 3 confirmed for some of the numbers deactivates those only, and its request carries no reason (R14 is steps 4–5’s)', async () => {
    const { adapter, backend } = setup();
    const actor = start(adapter, 'u-diego', 'employee-departure');
    await settled(actor, 'ready.inProgress');
    actor.send({ type: 'ASK_STEP', request: { step: 'check-phone-numbers', phoneNumberIds: ['pn-co-2'] } });
    actor.send({ type: 'CONFIRM' });
    expect(actor.getSnapshot().context.running?.request).toEqual({ step: 'check-phone-numbers', phoneNumberIds: ['pn-co-2'] });
    await settled(actor, 'ready.inProgress');
    expect((await backend.listPhoneNumbers({ country: 'CO', status: 'active' }, observer)).items.map((phoneNumber) => phoneNumber.id)).toEqual(['pn-co-1']);
    expect(statuses(actor)[2]).toBe('pending');
  });

  it('R14: steps 4 and 5 carry the reason chosen in their confirmation to the adapter, the scenario’s by default', async () => {
    const { adapter } = setup();
    const actor = start(adapter, 'u-elena', 'employee-departure');
    const changes: OffboardingEmitted[] = [];
    actor.on('changed', (event) => changes.push(event));
    await settled(actor, 'ready.inProgress');
    actor.send({ type: 'ASK_STEP', request: { step: 'deactivate-license' } });
    actor.send({ type: 'CONFIRM' });
    expect(actor.getSnapshot().context.running?.request).toEqual({ step: 'deactivate-license', reason: { code: 'left-company' } });
    await settled(actor, 'ready.inProgress');
    actor.send({ type: 'ASK_STEP', request: { step: 'deactivate-user' } });
    actor.send({ type: 'SET_REASON', code: 'other', note: 'Moved abroad' });
    actor.send({ type: 'CONFIRM' });
    expect(actor.getSnapshot().context.running?.request).toEqual({ step: 'deactivate-user', reason: { code: 'other', note: 'Moved abroad' } });
    await settled(actor, 'ready.inProgress');
    expect(changes.map((change) => [change.step, change.results.map((result) => result.audit.reason)])).toEqual([
      ['deactivate-license', [{ code: 'left-company' }]],
      ['deactivate-user', [{ code: 'other', note: 'Moved abroad' }]],
    ]);
  });

  it('R14: the policy’s requireReason marks the reason required in a deactivation’s confirmation; it is off by default', async () => {
    const { adapter } = setup();
    for (const [requireReason, required] of [
      [true, true],
      [undefined, false],
    ] as const) {
      const actor = run(offboardingMachine, { adapter, caller: as('u-ana'), userId: 'u-elena', requireReason, createKey: countingKeys() });
      await settled(actor, 'ready.inProgress');
      actor.send({ type: 'ASK_STEP', request: { step: 'deactivate-license' } });
      const { confirmation } = connectOffboarding(actor.getSnapshot(), actor.send, { salespeople: undefined });
      expect(confirmation!.reason).toMatchObject({ required, legend: { key: required ? 'reason.legendRequired' : 'reason.legend' } });
      // The scenario's likely reason is chosen already, so the policy holds nothing back.
      expect(confirmation!.primary.state).toBe('ready');
      actor.stop();
    }
  });

  it('R14: under requireReason a deactivation is held until a reason is chosen, and then carries it; step 3 never waits for one', async () => {
    const { adapter } = setup();
    // An untyped host's empty scenario reads the default checklist but preselects no reason.
    const actor = run(offboardingMachine, { adapter, caller: as('u-ana'), userId: 'u-diego', scenario: '' as never, requireReason: true, createKey: countingKeys() });
    await settled(actor, 'ready.inProgress');
    expect(actor.getSnapshot().context.reason).toEqual({ code: null, note: '' });
    actor.send({ type: 'ASK_STEP', request: { step: 'check-phone-numbers' } });
    actor.send({ type: 'CONFIRM' });
    expect(actor.getSnapshot().value).toBe('running');
    await settled(actor, 'ready.inProgress');
    expect(adapter.calls.deactivatePhoneNumber).toBe(2);

    actor.send({ type: 'ASK_STEP', request: { step: 'deactivate-license' } });
    expect(connectOffboarding(actor.getSnapshot(), actor.send, { salespeople: undefined }).confirmation!.primary).toMatchObject({ state: 'held', held: { key: 'reason.hold' } });
    actor.send({ type: 'CONFIRM' });
    expect(actor.getSnapshot()).toMatchObject({ value: 'confirming', context: { running: null, asking: { step: 'deactivate-license' } } });
    actor.send({ type: 'SET_REASON', code: 'other' });
    actor.send({ type: 'CONFIRM' });
    expect(actor.getSnapshot().context.running?.request).toEqual({ step: 'deactivate-license', reason: { code: 'other' } });
    await settled(actor, 'ready.inProgress');
    expect(adapter.calls.deactivateLicense).toBe(1);
  });

  it('R5: step 1 with the contacts chosen in the host’s wizard moves those only, and stays pending for the rest', async () => {
    const { adapter, backend } = setup();
    const actor = start(adapter, 'u-diego', 'employee-departure');
    await settled(actor, 'ready.inProgress');
    const chosen = (await backend.listContacts({ ownerId: 'u-diego', limit: 3 }, observer)).items.map((contact) => contact.id);
    actor.send({ type: 'RUN_STEP', request: { step: 'reassign-contacts', toUserIds: ['u-oscar'], contactIds: chosen } });
    await settled(actor, 'ready.inProgress');
    expect(statuses(actor)[0]).toBe('pending');
    expect((await backend.listContacts({ ownerId: 'u-diego' }, observer)).total).toBe(40 - 3);
    const oscars = (await backend.listContacts({ ownerId: 'u-oscar', limit: 100 }, observer)).items.map((contact) => contact.id);
    expect(oscars).toEqual(expect.arrayContaining(chosen));
    expect(oscars).toHaveLength(12 + 3);
  });

  it('a request for a step the checklist does not have (an untyped host’s) is ignored, as a blocked one is', async () => {
    const { adapter } = setup();
    const actor = start(adapter, 'u-diego', 'employee-departure');
    await settled(actor, 'ready.inProgress');
    actor.send({ type: 'RUN_STEP', request: { step: 'delete-user' } as never });
    actor.send({ type: 'ASK_STEP', request: { step: 'delete-user' } as never });
    expect(actor.getSnapshot()).toMatchObject({ status: 'active', value: { ready: 'inProgress' }, context: { asking: null, running: null } });
  });

  it('runStep: step 3 deactivates the numbers its request names, and none when it names none', async () => {
    const { adapter, backend } = setup();
    const running: RunningStep = { request: { step: 'check-phone-numbers', phoneNumberIds: ['pn-co-2'] }, idempotencyKey: 'k-1', expectedVersion: 1 };
    expect((await runStep(adapter, as('u-ana'), 'u-diego', running)).map((result) => result.audit.target.id)).toEqual(['pn-co-2']);
    expect(await runStep(adapter, as('u-ana'), 'u-diego', { ...running, request: { step: 'check-phone-numbers' }, idempotencyKey: 'k-2' })).toEqual([]);
    expect(adapter.calls.deactivatePhoneNumber).toBe(1);
    expect((await backend.listPhoneNumbers({ country: 'CO', status: 'active' }, observer)).items.map((phoneNumber) => phoneNumber.id)).toEqual(['pn-co-1']);
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

  it('R11: a resumed step that fails before any plan is read shows its failure, and the retry finishes it under its key', async () => {
    const { adapter, backend } = setup();
    const { version } = await backend.getUser('u-diego', observer);
    const saved: RunningStep = { request: { step: 'reassign-contacts', toUserIds: ['u-carla'] }, idempotencyKey: 'saved-key', expectedVersion: version };
    // Applied, and the answer lost: the retry must be answered from the key, not applied again.
    adapter.failNext('reassignContacts', { when: 'after' });
    const resumed = start(adapter, 'u-diego', 'employee-departure', saved);
    await settled(resumed, 'failed');
    const sent: unknown[] = [];
    const view = connectOffboarding(resumed.getSnapshot(), (event) => sent.push(event), { salespeople: undefined });
    expect(view).toMatchObject({ phase: 'failed', steps: [], loadError: { code: 'NETWORK_ERROR' }, refusal: null });
    view.retryLoad();
    expect(sent).toEqual([{ type: 'RETRY' }]);
    resumed.send({ type: 'RETRY' });
    await settled(resumed, 'ready.inProgress');
    expect(statuses(resumed)[0]).toBe('done');
    expect((await backend.listAuditLog({ action: 'contacts.reassigned' }, observer)).total).toBe(1);
  });

  it('REFRESH in the checklist reads the plan again: a step someone else did meanwhile shows done; a confirmation is not interrupted', async () => {
    const { adapter, backend } = setup();
    const actor = start(adapter, 'u-diego', 'employee-departure');
    await settled(actor, 'ready.inProgress');
    await backend.transferTasks({ fromUserId: 'u-diego', toUserId: 'u-ana' }, as('u-bruno'));
    expect(statuses(actor)[1]).toBe('pending');
    actor.send({ type: 'REFRESH' });
    expect(actor.getSnapshot().value).toBe('loading');
    await settled(actor, 'ready.inProgress');
    expect(statuses(actor)).toEqual(['pending', 'done', 'pending', 'blocked', 'blocked']);
    expect(adapter.calls.getOffboardingPlan).toBe(2);

    // The React binding waits for a confirmation to end before it reloads (`can` says when).
    actor.send({ type: 'ASK_STEP', request: { step: 'check-phone-numbers' } });
    expect(actor.getSnapshot().can({ type: 'REFRESH' })).toBe(false);
    actor.send({ type: 'REFRESH' });
    expect(actor.getSnapshot()).toMatchObject({ value: 'confirming', context: { asking: { step: 'check-phone-numbers' } } });
    expect(adapter.calls.getOffboardingPlan).toBe(2);
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
    // Given up: nothing is left for a host that saves the step in flight to resume after a reload (R11).
    expect(actor.getSnapshot()).toMatchObject({ value: 'loading', context: { running: null, error: null } });
    await settled(actor, 'ready.inProgress');
    expect(statuses(actor)[0]).toBe('pending');
    expect(actor.getSnapshot().context.running).toBeNull();
  });
});
