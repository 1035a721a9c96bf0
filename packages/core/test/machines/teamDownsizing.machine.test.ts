import { as, observer } from '../../src/testing/harness';
import { describe, expect, it } from 'vitest';
import { teamDownsizingMachine, type TeamDownsizingEmitted } from '../../src/machines';
import { countingKeys, run, settled, setup } from './helpers';

const start = (adapter: ReturnType<typeof setup>['adapter'], userIds: string[]) =>
  run(teamDownsizingMachine, { adapter, caller: as('u-ana'), userIds, createKey: countingKeys() });

describe('teamDownsizingMachine', () => {
  it('R8: frees the licenses of several users after one combined preview', async () => {
    const { adapter, backend } = setup();
    const seats = await backend.getSeatUsage(observer);
    const actor = start(adapter, ['u-fernando', 'u-gabriela', 'u-hugo']);
    const changes: TeamDownsizingEmitted[] = [];
    actor.on('changed', (event) => changes.push(event));
    await settled(actor, 'previewing');
    expect(actor.getSnapshot().context.preview).toMatchObject({ allowed: 3, effects: { seatsFreed: 3, contactsOrphaned: 42 } });
    actor.send({ type: 'CONFIRM' });
    await settled(actor, 'done');
    expect(Object.values(actor.getSnapshot().context.outcomes).map((outcome) => outcome.status)).toEqual(['done', 'done', 'done']);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.results.map((result) => result.audit.action)).toEqual(['license.deactivated', 'license.deactivated', 'license.deactivated']);
    expect(changes[0]!.announcement).toEqual({ key: 'downsizing.done', values: { count: 3 } });
    expect((await backend.getSeatUsage(observer)).used).toBe(seats.used - 3);
    for (const id of ['u-fernando', 'u-gabriela', 'u-hugo']) {
      expect(await backend.getAccess(id, observer)).toMatchObject({ canSignIn: true, commercialFeatures: false });
      expect((await backend.listSalesBrains({ memberId: id }, observer)).total).toBe(0);
    }
    expect((await backend.listSalesBrains({}, observer)).items.find((brain) => brain.id === 'sb-cdmx')?.memberIds).toEqual([]);
  });

  it('R4: the batch skips the user whose license would be the country’s last, and frees the others', async () => {
    const { adapter, backend } = setup();
    await backend.assignLicense('u-julia', { country: 'AR' }, as('u-ana'));
    const actor = start(adapter, ['u-ignacio', 'u-julia', 'u-hugo']);
    await settled(actor, 'previewing');
    actor.send({ type: 'CONFIRM' });
    await settled(actor, 'done');
    expect(actor.getSnapshot().context.outcomes).toMatchObject({
      'u-ignacio': { status: 'done', change: { user: { id: 'u-ignacio' } } },
      'u-julia': { status: 'skipped', error: null },
      'u-hugo': { status: 'done', change: { user: { id: 'u-hugo' } } },
    });
    expect((await backend.getUser('u-julia', observer)).license?.status).toBe('active');
  });

  it('R11: a transport failure leaves the others done; the retry finishes the rest exactly once', async () => {
    const { adapter, backend } = setup();
    const actor = start(adapter, ['u-fernando', 'u-gabriela']);
    const changes: TeamDownsizingEmitted[] = [];
    actor.on('changed', (event) => changes.push(event));
    await settled(actor, 'previewing');
    adapter.failNext('deactivateLicense', { when: 'after' });
    actor.send({ type: 'CONFIRM' });
    await settled(actor, 'partial');
    expect(actor.getSnapshot().context.outcomes['u-fernando']).toMatchObject({ status: 'failed' });
    expect(actor.getSnapshot().context.outcomes['u-gabriela']).toMatchObject({ status: 'done' });
    actor.send({ type: 'RETRY' });
    await settled(actor, 'done');
    // Each run says what it did: the retry announces the one license it finished, not the first again.
    expect(changes.map((change) => change.results.map((result) => ('user' in result ? result.user.id : null)))).toEqual([['u-gabriela'], ['u-fernando']]);
    expect((await backend.listAuditLog({ action: 'license.deactivated' }, observer)).items.map((entry) => entry.target.id).sort()).toEqual([
      'u-fernando',
      'u-gabriela',
      'u-marta',
    ]);
  });

  it('R11: the retry sends the lost request again under its first key, so the backend replays the change it applied', async () => {
    const { adapter, backend } = setup();
    const actor = start(adapter, ['u-fernando']);
    await settled(actor, 'previewing');
    adapter.failNext('deactivateLicense', { when: 'after' });
    actor.send({ type: 'CONFIRM' });
    await settled(actor, 'partial');
    const keys = actor.getSnapshot().context.keys;
    const [applied] = (await backend.listAuditLog({ targetId: 'u-fernando', action: 'license.deactivated' }, observer)).items;
    actor.send({ type: 'RETRY' });
    await settled(actor, 'done');
    expect(actor.getSnapshot().context.keys).toEqual(keys);
    // A fresh key would have met the version the lost attempt raised: VERSION_CONFLICT, reported as refused.
    expect(actor.getSnapshot().context.outcomes['u-fernando']).toMatchObject({ status: 'done', change: { audit: applied } });
    expect((await backend.listAuditLog({ targetId: 'u-fernando', action: 'license.deactivated' }, observer)).total).toBe(1);
  });

  it('R9: a member is refused in the first state, before any plan is read', async () => {
    const { adapter } = setup();
    const actor = run(teamDownsizingMachine, { adapter, caller: as('u-carla'), userIds: ['u-fernando'] });
    await settled(actor, 'refused');
    expect(actor.getSnapshot().context.refusal).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'not-admin' } });
    expect(adapter.calls.getUser).toBe(1);
    expect(adapter.calls.getOffboardingPlan).toBeUndefined();
  });

  it('R11: a refusal at run time (someone else changed the user) is reported, not retried', async () => {
    const { adapter, backend } = setup();
    const actor = start(adapter, ['u-fernando']);
    await settled(actor, 'previewing');
    await backend.deactivateLicense('u-fernando', as('u-bruno'));
    actor.send({ type: 'CONFIRM' });
    await settled(actor, 'done');
    expect(actor.getSnapshot().context.outcomes['u-fernando']).toMatchObject({ status: 'refused', error: { code: 'VERSION_CONFLICT' } });
  });
});
