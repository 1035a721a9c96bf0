import { as, observer } from '../../src/testing/harness';
import { describe, expect, it } from 'vitest';
import { userLifecycleMachine, type UserLifecycleEmitted } from '../../src/machines';
import { DEMO_SCENARIOS } from '../../src/fixtures';
import { countingKeys, run, settled, setup } from './helpers';

const start = (adapter: ReturnType<typeof setup>['adapter'], userId: string, actorId = 'u-ana') =>
  run(userLifecycleMachine, { adapter, caller: as(actorId), userId, createKey: countingKeys() });

describe('userLifecycleMachine', () => {
  it('R2: licensed → confirm shows the plan’s effects → deactivated license, one audit entry, a "changed" emission', async () => {
    const { adapter, backend } = setup();
    const actor = start(adapter, 'u-carla');
    const changes: UserLifecycleEmitted[] = [];
    actor.on('changed', (event) => changes.push(event));
    await settled(actor, 'ready.licensed');
    actor.send({ type: 'DEACTIVATE_LICENSE' });
    const confirming = actor.getSnapshot();
    expect(confirming.value).toBe('confirming');
    expect(confirming.context.plan?.effects.deactivateLicense).toMatchObject({ contactsOrphaned: 25, tasksMadeTransferable: 2, seatsFreed: 1 });
    actor.send({ type: 'CONFIRM' });
    await settled(actor, 'ready.unlicensed');
    expect(changes).toHaveLength(1);
    expect(changes[0]!.results).toHaveLength(1);
    expect(changes[0]!.results[0]).toMatchObject({ user: { license: { status: 'inactive' } }, audit: { action: 'license.deactivated' } });
    expect((await backend.listAuditLog({ targetId: 'u-carla' }, observer)).items.map((entry) => entry.action)).toEqual(['license.deactivated']);
  });

  it('R3 then R7: deactivate the user, then reactivate and license them again', async () => {
    const { adapter, backend } = setup();
    const actor = start(adapter, 'u-carla');
    await settled(actor, 'ready.licensed');
    actor.send({ type: 'DEACTIVATE_USER' });
    actor.send({ type: 'CONFIRM' });
    await settled(actor, 'ready.inactive');
    actor.send({ type: 'REACTIVATE_USER' });
    actor.send({ type: 'CONFIRM' });
    await settled(actor, 'ready.unlicensed');
    actor.send({ type: 'ASSIGN_LICENSE', country: 'ES' });
    actor.send({ type: 'CONFIRM' });
    await settled(actor, 'ready.licensed');
    expect((await backend.listAuditLog({ targetId: 'u-carla' }, observer)).items.map((entry) => entry.action)).toEqual([
      'license.assigned',
      'user.reactivated',
      'user.deactivated',
    ]);
  });

  it('R4: the last license of a country with numbers is not offered for deactivation, nor its user', async () => {
    const { adapter } = setup();
    const actor = start(adapter, 'u-diego');
    await settled(actor, 'ready.licensed');
    actor.send({ type: 'DEACTIVATE_LICENSE' });
    actor.send({ type: 'DEACTIVATE_USER' });
    expect(actor.getSnapshot().value).toEqual({ ready: 'licensed' });
    expect(actor.getSnapshot().context.plan?.refusals.deactivateLicense?.code).toBe('LAST_LICENSE_IN_COUNTRY');
    expect(adapter.calls.deactivateLicense).toBeUndefined();
  });

  it('R7: with every seat in use a license is not offered (NO_SEATS_AVAILABLE)', async () => {
    const { adapter } = setup(DEMO_SCENARIOS['seats-exhausted'].data());
    const actor = start(adapter, 'u-julia');
    await settled(actor, 'ready.unlicensed');
    actor.send({ type: 'ASSIGN_LICENSE', country: 'ES' });
    expect(actor.getSnapshot().value).toEqual({ ready: 'unlicensed' });
    expect(actor.getSnapshot().context.plan?.refusals.assignLicense?.code).toBe('NO_SEATS_AVAILABLE');
  });

  it('R9: nobody is offered their own deactivation, and a member is offered nothing', async () => {
    const { adapter } = setup();
    const self = start(adapter, 'u-ana');
    await settled(self, 'ready.licensed');
    self.send({ type: 'DEACTIVATE_USER' });
    expect(self.getSnapshot().value).toEqual({ ready: 'licensed' });
    const own = start(adapter, 'u-carla', 'u-carla');
    await settled(own, 'ready.licensed');
    own.send({ type: 'DEACTIVATE_LICENSE' });
    expect(own.getSnapshot().value).toEqual({ ready: 'licensed' });
  });

  it('R12: a member may not even read another user’s plan: refused in the first state, FORBIDDEN (admin-only), nothing read', async () => {
    const { adapter } = setup();
    const member = start(adapter, 'u-elena', 'u-carla');
    await settled(member, 'refused');
    expect(member.getSnapshot().context.refusal).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'admin-only' }, retryable: false });
    expect(member.getSnapshot().context.actor?.id).toBe('u-carla');
    expect(adapter.calls.getUser).toBe(1);
    expect(adapter.calls.getOffboardingPlan).toBeUndefined();
  });

  it('R12: a member reads their own plan', async () => {
    const { adapter } = setup();
    const own = start(adapter, 'u-carla', 'u-carla');
    await settled(own, 'ready.licensed');
    expect(own.getSnapshot().context.refusal).toBeNull();
  });

  it('R9: with the admin gate a member is refused (not-admin) before the plan is read; a service passes without a record', async () => {
    const { adapter } = setup();
    const member = run(userLifecycleMachine, { adapter, caller: as('u-carla'), userId: 'u-carla', gate: 'admin' });
    await settled(member, 'refused');
    expect(member.getSnapshot().context.refusal).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'not-admin' } });
    expect(adapter.calls.getOffboardingPlan).toBeUndefined();

    const service = run(userLifecycleMachine, { adapter, caller: { ...as('svc-directory'), kind: 'service' }, userId: 'u-elena', gate: 'admin' });
    await settled(service, 'ready.licensed');
    expect(adapter.calls.getUser).toBe(1);
    expect(adapter.calls.getOffboardingPlan).toBe(1);
  });

  it('a failure to read the caller’s own record is typed, and the retry checks the caller again', async () => {
    const { adapter } = setup();
    adapter.failNext('getUser', { when: 'before' });
    const actor = start(adapter, 'u-carla');
    await settled(actor, 'loadFailed');
    expect(actor.getSnapshot().context.error?.code).toBe('NETWORK_ERROR');
    expect(adapter.calls.getOffboardingPlan).toBeUndefined();
    actor.send({ type: 'RETRY' });
    await settled(actor, 'ready.licensed');
    expect(adapter.calls.getUser).toBe(2);
  });

  it('R11: an answer lost after the change is retried under the same key and applied exactly once', async () => {
    const { adapter, backend } = setup();
    const actor = start(adapter, 'u-carla');
    await settled(actor, 'ready.licensed');
    adapter.failNext('deactivateLicense', { when: 'after' });
    actor.send({ type: 'DEACTIVATE_LICENSE' });
    actor.send({ type: 'CONFIRM' });
    await settled(actor, 'failed');
    expect(actor.getSnapshot().context.error?.code).toBe('NETWORK_ERROR');
    expect(actor.getSnapshot().context.pending).toMatchObject({ type: 'deactivateLicense', idempotencyKey: 'key-1' });
    actor.send({ type: 'RETRY' });
    await settled(actor, 'ready.unlicensed');
    expect(adapter.calls.deactivateLicense).toBe(2);
    expect((await backend.listAuditLog({ targetId: 'u-carla' }, observer)).total).toBe(1);
  });

  it('R11: a request that never arrived is retried and applied once', async () => {
    const { adapter, backend } = setup();
    const actor = start(adapter, 'u-karla');
    await settled(actor, 'ready.inactive');
    adapter.failNext('reactivateUser', { when: 'before', code: 'SERVER_ERROR' });
    actor.send({ type: 'REACTIVATE_USER' });
    actor.send({ type: 'CONFIRM' });
    await settled(actor, 'failed');
    actor.send({ type: 'RETRY' });
    await settled(actor, 'ready.unlicensed');
    expect((await backend.listAuditLog({ targetId: 'u-karla', action: 'user.reactivated' }, observer)).total).toBe(1);
  });

  it('R11: a stale version is a typed refusal: no retry, and cancelling reloads the latest plan', async () => {
    const { adapter, backend } = setup();
    const actor = start(adapter, 'u-carla');
    await settled(actor, 'ready.licensed');
    actor.send({ type: 'DEACTIVATE_USER' });
    await backend.deactivateLicense('u-carla', as('u-bruno'));
    actor.send({ type: 'CONFIRM' });
    await settled(actor, 'failed');
    expect(actor.getSnapshot().context.error?.code).toBe('VERSION_CONFLICT');
    actor.send({ type: 'RETRY' });
    expect(actor.getSnapshot().value).toBe('failed');
    actor.send({ type: 'CANCEL' });
    await settled(actor, 'ready.unlicensed');
    expect((await backend.getUser('u-carla', observer)).status).toBe('active');
    // The refused action is forgotten: nothing is left to confirm or retry.
    expect(actor.getSnapshot().context).toMatchObject({ pending: null, error: null });
    expect([adapter.calls.getOffboardingPlan, adapter.calls.deactivateUser]).toEqual([2, 1]);
  });

  it('R3: an unlicensed user is offered the user’s deactivation; confirmed, they are inactive', async () => {
    const { adapter, backend } = setup();
    const actor = start(adapter, 'u-julia');
    await settled(actor, 'ready.unlicensed');
    actor.send({ type: 'DEACTIVATE_USER' });
    expect(actor.getSnapshot()).toMatchObject({ value: 'confirming', context: { pending: { type: 'deactivateUser' } } });
    actor.send({ type: 'CONFIRM' });
    await settled(actor, 'ready.inactive');
    expect(adapter.calls.deactivateUser).toBe(1);
    expect((await backend.getUser('u-julia', observer)).status).toBe('inactive');
  });

  it('cancelling a confirmation goes back to the user’s actions: nothing sent, nothing read again, the action forgotten', async () => {
    const { adapter } = setup();
    const actor = start(adapter, 'u-carla');
    await settled(actor, 'ready.licensed');
    actor.send({ type: 'DEACTIVATE_LICENSE' });
    actor.send({ type: 'CANCEL' });
    expect(actor.getSnapshot()).toMatchObject({ value: { ready: 'licensed' }, context: { pending: null, schedule: null, error: null } });
    expect(adapter.calls.deactivateLicense).toBeUndefined();
    expect(adapter.calls.getOffboardingPlan).toBe(1);
    // Another action can be chosen at once.
    actor.send({ type: 'DEACTIVATE_USER' });
    expect(actor.getSnapshot()).toMatchObject({ value: 'confirming', context: { pending: { type: 'deactivateUser' } } });
  });

  it('REFRESH reads the plan again and routes by what it says now', async () => {
    const { adapter, backend } = setup();
    const actor = start(adapter, 'u-carla');
    await settled(actor, 'ready.licensed');
    // Another admin takes the license meanwhile.
    await backend.deactivateLicense('u-carla', as('u-bruno'));
    actor.send({ type: 'REFRESH' });
    await settled(actor, 'ready.unlicensed');
    expect(adapter.calls.getOffboardingPlan).toBe(2);
    expect(actor.getSnapshot().context.plan?.user.license?.status).toBe('inactive');
  });

  it('R11: after a lost answer the request is fixed: a reason sent to the machine itself is ignored, and the retry sends the first one', async () => {
    const { adapter } = setup();
    const actor = start(adapter, 'u-carla');
    await settled(actor, 'ready.licensed');
    actor.send({ type: 'DEACTIVATE_LICENSE' });
    actor.send({ type: 'SET_REASON', code: 'role-change' });
    adapter.failNext('deactivateLicense', { when: 'after' });
    actor.send({ type: 'CONFIRM' });
    await settled(actor, 'failed');
    actor.send({ type: 'SET_REASON', code: 'other' });
    actor.send({ type: 'SET_SCHEDULE', date: '2026-12-01' });
    expect(actor.getSnapshot()).toMatchObject({
      value: 'failed',
      context: { reason: { code: 'role-change' }, schedule: null, pending: { idempotencyKey: 'key-1', reason: { code: 'role-change' } } },
    });
    actor.send({ type: 'RETRY' });
    await settled(actor, 'ready.unlicensed');
    expect(adapter.calls.deactivateLicense).toBe(2);
  });

  it('a failed load is typed and retried', async () => {
    const { adapter } = setup();
    adapter.failNext('getOffboardingPlan', { when: 'before' });
    const actor = start(adapter, 'u-carla');
    await settled(actor, 'loadFailed');
    expect(actor.getSnapshot().context.error?.code).toBe('NETWORK_ERROR');
    actor.send({ type: 'RETRY' });
    await settled(actor, 'ready.licensed');
    // One read of the caller and one of the plan per attempt.
    expect([adapter.calls.getUser, adapter.calls.getOffboardingPlan]).toEqual([2, 2]);
  });
});
