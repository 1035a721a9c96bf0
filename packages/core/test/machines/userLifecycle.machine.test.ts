import { as, observer } from '../../src/testing/harness';
import { describe, expect, it } from 'vitest';
import { userLifecycleMachine, type UserLifecycleEmitted } from '../../src';
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
    expect(confirming.context.plan?.effects.deactivateLicense).toMatchObject({ contactsOrphaned: 25, tasksMadeTransferable: 2, seatFreed: true });
    actor.send({ type: 'CONFIRM' });
    await settled(actor, 'ready.unlicensed');
    expect(changes).toHaveLength(1);
    expect(changes[0]!.change.user.license?.status).toBe('inactive');
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

  it('R12: a member may not even read another user’s plan: the machine stops at loadFailed, FORBIDDEN (admin-only)', async () => {
    const { adapter } = setup();
    const member = start(adapter, 'u-elena', 'u-carla');
    await settled(member, 'loadFailed');
    expect(member.getSnapshot().context.error).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'admin-only' }, retryable: false });
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
  });

  it('a failed load is typed and retried', async () => {
    const { adapter } = setup();
    adapter.failNext('getOffboardingPlan', { when: 'before' });
    const actor = start(adapter, 'u-carla');
    await settled(actor, 'loadFailed');
    expect(actor.getSnapshot().context.error?.code).toBe('NETWORK_ERROR');
    actor.send({ type: 'RETRY' });
    await settled(actor, 'ready.licensed');
  });
});
