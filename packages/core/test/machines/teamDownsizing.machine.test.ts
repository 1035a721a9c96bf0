import { as, observer } from '../../src/testing/harness';
import { describe, expect, it, vi } from 'vitest';
import { demoOrganisation } from '../../src/fixtures';
import type { MutationContext } from '../../src';
import { connectTeamDownsizing, initialReason, runDownsizing, teamDownsizingMachine, type TeamDownsizingEmitted } from '../../src/machines';
import { countingKeys, run, settled, setup } from './helpers';

const start = (adapter: ReturnType<typeof setup>['adapter'], userIds: string[], options: { requireReason?: boolean } = {}) =>
  run(teamDownsizingMachine, { adapter, caller: as('u-ana'), userIds, createKey: countingKeys(), ...options });

describe('teamDownsizingMachine', () => {
  it('R8: frees the licenses of several users after one combined preview', async () => {
    const { adapter, backend } = setup();
    const seats = await backend.getSeatUsage(observer);
    const actor = start(adapter, ['u-fernando', 'u-gabriela', 'u-hugo']);
    const changes: TeamDownsizingEmitted[] = [];
    actor.on('changed', (event) => changes.push(event));
    await settled(actor, 'previewing');
    expect(actor.getSnapshot().context.plans.map((plan) => [plan.user.id, plan.scenario])).toEqual([
      ['u-fernando', 'team-downsizing'],
      ['u-gabriela', 'team-downsizing'],
      ['u-hugo', 'team-downsizing'],
    ]);
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
    const deactivateLicense = vi.spyOn(adapter, 'deactivateLicense');
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
    // The retry sends only the license that did not get through, under the key of its first attempt.
    expect(deactivateLicense.mock.calls.map((args) => [args[0], (args.at(-1) as MutationContext).idempotencyKey])).toEqual([
      ['u-fernando', 'key-1'],
      ['u-gabriela', 'key-2'],
      ['u-fernando', 'key-1'],
    ]);
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
    expect(actor.getSnapshot().context.plans).toEqual([]);
    expect(actor.getSnapshot().context.preview).toBeNull();
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

  it('R4: a batch whose every license the preview refuses cannot be confirmed: nothing is sent and no key is made', async () => {
    const { adapter } = setup();
    const actor = start(adapter, ['u-diego']);
    await settled(actor, 'previewing');
    expect(actor.getSnapshot().context.preview?.allowed).toBe(0);
    actor.send({ type: 'CONFIRM' });
    expect(actor.getSnapshot().value).toBe('previewing');
    expect(actor.getSnapshot().context.keys).toEqual({});
    expect(adapter.calls.deactivateLicense).toBeUndefined();
  });

  it('R8: each license is sent under the version of its own user, as its plan read it', async () => {
    const data = demoOrganisation();
    // Hugo's record changed before the batch was opened: his version is no longer Fernando's.
    const { adapter } = setup({ ...data, users: data.users.map((user) => (user.id === 'u-hugo' ? { ...user, version: 4 } : user)) });
    const deactivateLicense = vi.spyOn(adapter, 'deactivateLicense');
    const actor = start(adapter, ['u-fernando', 'u-hugo']);
    await settled(actor, 'previewing');
    actor.send({ type: 'CONFIRM' });
    await settled(actor, 'done');
    expect(deactivateLicense.mock.calls.map((args) => [args[0], (args.at(-1) as MutationContext).expectedVersion])).toEqual([
      ['u-fernando', 1],
      ['u-hugo', 4],
    ]);
    expect(Object.values(actor.getSnapshot().context.outcomes).map((outcome) => outcome.status)).toEqual(['done', 'done']);
  });

  it('R14: the reason is optional unless the policy requires it', async () => {
    const { adapter } = setup();
    const optional = start(adapter, ['u-fernando']);
    const required = start(adapter, ['u-fernando'], { requireReason: true });
    await settled(optional, 'previewing');
    await settled(required, 'previewing');
    const view = (actor: typeof optional) => connectTeamDownsizing(actor.getSnapshot(), () => {}, { close: () => {} });
    expect(view(optional).confirmation?.reason).toMatchObject({ required: false, legend: { key: 'reason.legend' } });
    expect(view(required).confirmation?.reason).toMatchObject({ required: true, legend: { key: 'reason.legendRequired' } });
  });

  it('R14: the batch starts with the reason `downsizing`, and every license is sent and audited with it', async () => {
    const { adapter } = setup();
    const deactivateLicense = vi.spyOn(adapter, 'deactivateLicense');
    const actor = start(adapter, ['u-fernando', 'u-gabriela']);
    await settled(actor, 'previewing');
    const reason = connectTeamDownsizing(actor.getSnapshot(), () => {}, { close: () => {} }).confirmation!.reason!;
    expect(reason.options.filter((option) => option.checked).map((option) => option.code)).toEqual(['downsizing']);
    actor.send({ type: 'CONFIRM' });
    await settled(actor, 'done');
    expect(deactivateLicense.mock.calls.map((args) => [args[0], args.length === 3 ? args[1] : null])).toEqual([
      ['u-fernando', { reason: { code: 'downsizing' } }],
      ['u-gabriela', { reason: { code: 'downsizing' } }],
    ]);
    expect(Object.values(actor.getSnapshot().context.outcomes).map((outcome) => 'change' in outcome && outcome.change.audit.reason)).toEqual([
      { code: 'downsizing' },
      { code: 'downsizing' },
    ]);
  });

  it('R14: the reason chosen in the preview is the one every license of the batch carries', async () => {
    const { adapter } = setup();
    const deactivateLicense = vi.spyOn(adapter, 'deactivateLicense');
    const actor = start(adapter, ['u-fernando', 'u-gabriela']);
    await settled(actor, 'previewing');
    const view = () => connectTeamDownsizing(actor.getSnapshot(), actor.send, { close: () => {} });
    view().confirmation!.reason!.options.find((option) => option.code === 'other')!.select();
    view().confirmation!.reason!.setNote('Team merged into EMEA');
    const reason = view().confirmation!.reason!;
    expect(reason.options.filter((option) => option.checked).map((option) => option.code)).toEqual(['other']);
    expect(reason.note).toBe('Team merged into EMEA');
    view().confirmation!.primary.press();
    await settled(actor, 'done');
    expect(deactivateLicense.mock.calls.map((args) => [args[0], args.length === 3 ? args[1] : null])).toEqual([
      ['u-fernando', { reason: { code: 'other', note: 'Team merged into EMEA' } }],
      ['u-gabriela', { reason: { code: 'other', note: 'Team merged into EMEA' } }],
    ]);
  });

  it('a transport failure reading the plans: the load failed with that error, and RETRY reads them again', async () => {
    const { adapter } = setup();
    const actor = start(adapter, ['u-fernando', 'u-gabriela']);
    adapter.failNext('getOffboardingPlan', { when: 'before' });
    await settled(actor, 'loadFailed');
    expect(actor.getSnapshot().context).toMatchObject({ error: { code: 'NETWORK_ERROR' }, plans: [], preview: null });
    const view = connectTeamDownsizing(actor.getSnapshot(), actor.send, { close: () => {} });
    expect(view).toMatchObject({ phase: 'loadFailed', loadError: { code: 'NETWORK_ERROR' }, confirmation: null });
    view.retryLoad();
    await settled(actor, 'previewing');
    expect(actor.getSnapshot().context).toMatchObject({ error: null, preview: { allowed: 2 } });
    expect(actor.getSnapshot().context.plans.map((plan) => plan.user.id)).toEqual(['u-fernando', 'u-gabriela']);
  });

  it('REFRESH in the preview reads the plans again: a license someone else deactivated meanwhile is no longer offered', async () => {
    const { adapter, backend } = setup();
    const actor = start(adapter, ['u-fernando', 'u-gabriela']);
    await settled(actor, 'previewing');
    expect(actor.getSnapshot().context.preview?.allowed).toBe(2);
    await backend.deactivateLicense('u-fernando', as('u-bruno'));
    actor.send({ type: 'REFRESH' });
    expect(actor.getSnapshot().value).toBe('loading');
    await settled(actor, 'previewing');
    const { preview } = actor.getSnapshot().context;
    expect(preview?.allowed).toBe(1);
    expect(preview?.entries.map((entry) => [entry.userId, entry.refusal?.code ?? null])).toEqual([
      ['u-fernando', 'NO_LICENSE'],
      ['u-gabriela', null],
    ]);
  });

  it('R11: after a refusal at run time, REFRESH forgets the run and reads fresh plans; the new confirmation sends under new keys', async () => {
    const { adapter, backend } = setup();
    const deactivateLicense = vi.spyOn(adapter, 'deactivateLicense');
    const actor = start(adapter, ['u-fernando', 'u-gabriela']);
    await settled(actor, 'previewing');
    // Someone else takes Fernando's license away and gives it back: his record is newer than the plan.
    await backend.deactivateLicense('u-fernando', as('u-bruno'));
    await backend.assignLicense('u-fernando', { country: 'MX' }, as('u-bruno'));
    actor.send({ type: 'CONFIRM' });
    await settled(actor, 'done');
    expect(actor.getSnapshot().context.outcomes).toMatchObject({ 'u-fernando': { status: 'refused' }, 'u-gabriela': { status: 'done' } });
    actor.send({ type: 'REFRESH' });
    expect(actor.getSnapshot().value).toBe('loading');
    await settled(actor, 'previewing');
    expect(actor.getSnapshot().context).toMatchObject({ keys: {}, outcomes: {} });
    const view = connectTeamDownsizing(actor.getSnapshot(), actor.send, { close: () => {} });
    expect(view.entries.map((entry) => [entry.userId, entry.state, entry.outcome])).toEqual([
      ['u-fernando', 'allowed', null],
      ['u-gabriela', 'refused', null],
    ]);
    view.confirmation!.primary.press();
    await settled(actor, 'done');
    expect(actor.getSnapshot().context.outcomes).toMatchObject({ 'u-fernando': { status: 'done' }, 'u-gabriela': { status: 'skipped' } });
    expect(deactivateLicense.mock.calls.map((args) => [args[0], (args.at(-1) as MutationContext).idempotencyKey])).toEqual([
      ['u-fernando', 'key-1'],
      ['u-gabriela', 'key-2'],
      ['u-fernando', 'key-3'],
    ]);
  });

  it('runDownsizing before any preview sends nothing and returns the outcomes it was given', async () => {
    const { adapter } = setup();
    const outcomes = { 'u-fernando': { status: 'skipped', error: null } } as const;
    const result = await runDownsizing(adapter, { caller: as('u-ana'), plans: [], preview: null, keys: {}, outcomes, reason: initialReason('team-downsizing') });
    expect(result).toEqual(outcomes);
    expect(adapter.calls.deactivateLicense).toBeUndefined();
  });
});
