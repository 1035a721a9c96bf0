import { as, observer } from '../../src/testing/harness';
import { describe, expect, it } from 'vitest';
import { createInMemoryBackend } from '../../src/inMemory';
import { demoOrganisation } from '../../src/fixtures';
import { withFaults, type FaultyAdapter } from '../../src/testing';
import { changeFeedback, connectUserLifecycle, userLifecycleMachine, type ChangedEvent, type UserLifecycleEvent } from '../../src/machines';
import { countingKeys, run, settled } from './helpers';

const NOW = new Date('2026-11-29T10:00:00.000Z');
/** The instant a date and time field name in the test's time zone, as the machine sends it. */
const local = (date: string, time: string) => new Date(`${date}T${time}`).toISOString();

/** The faulty adapter, recording every call's arguments: a retry must send exactly what the first attempt sent. */
function recorded(inner: FaultyAdapter) {
  const log: Record<string, unknown[][]> = {};
  const adapter = new Proxy(inner, {
    get(target, name: string) {
      const value = Reflect.get(target, name) as unknown;
      if (typeof value !== 'function' || name === 'failNext') return value;
      return (...args: unknown[]) => {
        (log[name] ??= []).push(structuredClone(args));
        return (value as (...inner: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { adapter, calls: (method: string) => log[method] ?? [] };
}

function start(userId: string, options: { requireReason?: boolean; policy?: { requireReason: boolean } } = {}) {
  const backend = createInMemoryBackend({ data: demoOrganisation(), clock: () => NOW, policy: options.policy ?? { requireReason: options.requireReason ?? false } });
  const { adapter, calls } = recorded(withFaults(backend));
  const actor = run(userLifecycleMachine, { adapter, caller: as('u-ana'), userId, createKey: countingKeys(), now: () => NOW, requireReason: options.requireReason });
  const user = demoOrganisation().users.find((candidate) => candidate.id === userId)!;
  // What the view sent, before the machine judged it: a locked or refused field sends nothing.
  const sent: UserLifecycleEvent[] = [];
  const view = () =>
    connectUserLifecycle(
      actor.getSnapshot(),
      (event: UserLifecycleEvent) => {
        sent.push(event);
        actor.send(event);
      },
      { user },
    );
  return { backend, adapter, calls, actor, view, sent };
}

/** Carla's deactivation scheduled in the form while another admin schedules it meanwhile: SCHEDULE_CONFLICT. */
async function scheduleConflict() {
  const started = start('u-carla');
  const { backend, actor, view } = started;
  await settled(actor, 'ready.licensed');
  view().items.find((item) => item.id === 'schedule-deactivation')!.select!();
  view().schedule!.date.set('2026-12-02');
  await backend.scheduleDeactivation('u-carla', { scope: 'user', at: '2026-12-05T09:00:00Z' }, { ...as('u-ana'), idempotencyKey: 'other-admin' });
  view().schedule!.confirmation.primary.press();
  await settled(actor, 'failed');
  return started;
}

describe('userLifecycleMachine: reasons (R14)', () => {
  it('R14: the reason chosen in the confirmation is sent with the deactivation and kept in its audit entry', async () => {
    const { backend, actor, view } = start('u-carla');
    await settled(actor, 'ready.licensed');
    view().items.find((item) => item.id === 'deactivate-user')!.select!();
    const reason = view().confirmation!.reason!;
    // The menu has no scenario: nothing is preselected, and the policy does not ask for one.
    expect(reason.options.map((option) => [option.code, option.checked])).toEqual([
      ['left-company', false],
      ['role-change', false],
      ['downsizing', false],
      ['other', false],
    ]);
    expect(view().confirmation!.primary.state).toBe('ready');
    reason.options[3]!.select();
    view().confirmation!.reason!.setNote('Contract\nended ');
    view().confirmation!.primary.press();
    await settled(actor, 'ready.inactive');
    const [entry] = (await backend.listAuditLog({ targetId: 'u-carla' }, observer)).items;
    // A line break is a control character the contract refuses: it is sent as a space.
    expect(entry).toMatchObject({ action: 'user.deactivated', reason: { code: 'other', note: 'Contract ended' } });
  });

  it('R14: under requireReason the confirm control is held, and CONFIRM refused, until a code is chosen', async () => {
    const { calls, actor, view } = start('u-carla', { requireReason: true });
    await settled(actor, 'ready.licensed');
    view().license!.deactivate!.press();
    expect(view().confirmation!.reason).toMatchObject({ required: true, legend: { key: 'reason.legendRequired' } });
    expect(view().confirmation!.primary).toMatchObject({ state: 'held', held: { key: 'reason.hold' } });
    view().confirmation!.primary.press();
    actor.send({ type: 'CONFIRM' });
    expect(actor.getSnapshot().value).toBe('confirming');
    expect(calls('deactivateLicense')).toHaveLength(0);
    view().confirmation!.reason!.options[0]!.select();
    expect(view().confirmation!.primary).toMatchObject({ state: 'ready', held: null });
    view().confirmation!.primary.press();
    await settled(actor, 'ready.unlicensed');
    expect(calls('deactivateLicense')).toHaveLength(1);
  });

  it('R14, R11: a retry after a lost answer sends the same reason under the same key; the reason is locked meanwhile', async () => {
    const { backend, adapter, calls, actor, view } = start('u-carla');
    await settled(actor, 'ready.licensed');
    view().license!.deactivate!.press();
    view().confirmation!.reason!.options[1]!.select();
    adapter.failNext('deactivateLicense', { when: 'after', code: 'NETWORK_ERROR' });
    view().confirmation!.primary.press();
    await settled(actor, 'failed');
    const failed = view().confirmation!;
    expect(failed.reason!.locked).toBe(true);
    failed.reason!.options[3]!.select();
    expect(actor.getSnapshot().context.reason.code).toBe('role-change');
    failed.primary.press();
    await settled(actor, 'ready.unlicensed');
    const sent = calls('deactivateLicense');
    expect(sent).toHaveLength(2);
    expect(sent[1]).toEqual(sent[0]);
    expect(sent[1]![1]).toEqual({ reason: { code: 'role-change' } });
    expect((await backend.listAuditLog({ targetId: 'u-carla' }, observer)).items.filter((entry) => entry.action === 'license.deactivated')).toHaveLength(1);
  });

  it('R14: after the backend refuses with REASON_REQUIRED, choosing a reason reopens the confirmation, sent anew under a new key', async () => {
    // The host did not tell the kit about its policy: the backend's refusal is the answer.
    const { calls, actor, view } = start('u-carla', { policy: { requireReason: true } });
    await settled(actor, 'ready.licensed');
    view().license!.deactivate!.press();
    view().confirmation!.primary.press();
    await settled(actor, 'failed');
    expect(view().confirmation).toMatchObject({ error: { code: 'REASON_REQUIRED' }, primary: { state: 'blocked' }, reason: { locked: false } });
    view().confirmation!.reason!.options[0]!.select();
    expect(actor.getSnapshot().value).toBe('confirming');
    view().confirmation!.primary.press();
    await settled(actor, 'ready.unlicensed');
    // The first request had no reason, so the context alone (the form adapters before R14 take); the second has one.
    const sent = calls('deactivateLicense');
    expect(sent.map((call) => (call.at(-1) as { idempotencyKey: string }).idempotencyKey)).toEqual(['key-1', 'key-2']);
    expect(sent.map((call) => call.length)).toEqual([2, 3]);
    expect(sent[1]![1]).toEqual({ reason: { code: 'left-company' } });
  });
});

describe('userLifecycleMachine: "Deactivate on a date…" (R15)', () => {
  it('R15: the menu item opens the form on the user; a date in the future, a time and a reason schedule it, in UTC', async () => {
    const { backend, actor, view } = start('u-carla');
    await settled(actor, 'ready.licensed');
    const item = view().items.find((candidate) => candidate.id === 'schedule-deactivation')!;
    expect(item).toMatchObject({ blockedBy: null, opensDialog: true, label: { key: 'menu.scheduleDeactivation' } });
    item.select!();
    const form = view().schedule!;
    expect(view().confirmation).toBeNull();
    expect(form.scope.options.map((option) => [option.value, option.checked, option.blockedBy])).toEqual([
      ['license', false, null],
      ['user', true, null],
    ]);
    expect(form.date).toMatchObject({ value: '', min: '2026-11-29' });
    expect(form.time.value).toBe('09:00');
    expect(form.confirmation.primary).toMatchObject({ state: 'held', held: { key: 'schedule.hold.incomplete' } });
    form.date.set('2026-12-01');
    expect(view().schedule!.when).toEqual({ key: 'schedule.when', values: { at: local('2026-12-01', '09:00') } });
    view().schedule!.time.set('17:30');
    view().schedule!.confirmation.reason!.options[0]!.select();
    const changes: ChangedEvent[] = [];
    actor.on('changed', (event) => changes.push(event));
    view().schedule!.confirmation.primary.press();
    await settled(actor, 'ready.licensed');
    // Announced and refreshed like any change: the schedule shows in plans.
    expect(changeFeedback(changes[0]!.results)).toEqual({
      touches: ['schedules', 'plans', 'auditLog'],
      announcement: { key: 'done.schedule.created', values: { at: local('2026-12-01', '17:30') } },
    });
    const plan = actor.getSnapshot().context.plan!;
    expect(plan.scheduled.user).toMatchObject({ scope: 'user', at: local('2026-12-01', '17:30'), reason: { code: 'left-company' }, status: 'pending' });
    expect((await backend.listAuditLog({ targetId: 'u-carla' }, observer)).items.map((entry) => entry.action)).toEqual(['schedule.created']);
    // Shown wherever the user appears, with its Cancel as a keyed action under the schedule's version.
    expect(view().scheduled).toEqual([
      expect.objectContaining({
        label: { key: 'schedule.pending.user', values: { at: local('2026-12-01', '17:30') } },
        reason: { key: 'schedule.pending.reason', values: { reason: 'left-company' } },
        cancel: { request: { kind: 'cancelSchedule', scheduleId: plan.scheduled.user!.id, expectedVersion: 1 }, options: expect.objectContaining({ part: 'cancel-schedule' }) },
      }),
    ]);
  });

  it('R15: an instant that is not in the future is refused before anything is sent', async () => {
    const { calls, actor, view } = start('u-carla');
    await settled(actor, 'ready.licensed');
    view().license!.schedule!.press();
    expect(view().schedule!.scope.options.find((option) => option.checked)!.value).toBe('license');
    view().schedule!.date.set('2026-11-28');
    expect(view().schedule!.confirmation.primary).toMatchObject({ state: 'held', held: { key: 'schedule.hold.past' } });
    actor.send({ type: 'CONFIRM' });
    view().schedule!.date.set('2026-02-31');
    expect(view().schedule!.confirmation.primary.held).toEqual({ key: 'schedule.hold.incomplete' });
    actor.send({ type: 'CONFIRM' });
    expect(actor.getSnapshot().value).toBe('confirming');
    expect(calls('scheduleDeactivation')).toHaveLength(0);
  });

  it('R15: SCHEDULE_CONFLICT from the backend is shown; changing the form reopens it for a new request', async () => {
    const { calls, actor, view } = await scheduleConflict();
    expect(view().schedule!.confirmation).toMatchObject({ error: { code: 'SCHEDULE_CONFLICT' }, primary: { state: 'blocked' } });
    expect(view().schedule!.locked).toBe(false);
    view().schedule!.scope.options[0]!.select();
    expect(actor.getSnapshot().value).toBe('confirming');
    view().schedule!.confirmation.primary.press();
    await settled(actor, 'ready.licensed');
    expect(calls('scheduleDeactivation').map((call) => (call[1] as { scope: string }).scope)).toEqual(['user', 'license']);
  });

  it('R15: cancelling the form closes it: nothing scheduled, the draft forgotten', async () => {
    const { calls, actor, view } = start('u-carla');
    await settled(actor, 'ready.licensed');
    view().items.find((item) => item.id === 'schedule-deactivation')!.select!();
    view().schedule!.date.set('2026-12-02');
    view().schedule!.confirmation.cancel();
    expect(actor.getSnapshot()).toMatchObject({ value: { ready: 'licensed' }, context: { pending: null, schedule: null } });
    expect(view()).toMatchObject({ phase: 'ready', schedule: null, confirmation: null });
    expect(calls('scheduleDeactivation')).toHaveLength(0);
    // Opened again, it starts from an empty date.
    view().license!.schedule!.press();
    expect(view().schedule).toMatchObject({ scope: { options: [{ value: 'license', checked: true }, { value: 'user', checked: false }] }, date: { value: '' } });
  });

  it('R15: closing the form after SCHEDULE_CONFLICT reloads the plan, which shows the other admin’s schedule, and forgets the draft', async () => {
    const { calls, actor, view } = await scheduleConflict();
    view().schedule!.confirmation.cancel();
    await settled(actor, 'ready.licensed');
    expect(actor.getSnapshot().context).toMatchObject({ pending: null, schedule: null, error: null });
    expect(view()).toMatchObject({ schedule: null, confirmation: null });
    expect(view().scheduled.map((schedule) => [schedule.schedule.scope, schedule.schedule.at])).toEqual([['user', '2026-12-05T09:00:00.000Z']]);
    expect(calls('getOffboardingPlan')).toHaveLength(2);
    expect(calls('scheduleDeactivation')).toHaveLength(1);
  });

  it('R15, R11: a lost answer is retried with the same instant and reason under the same key; the form is locked meanwhile', async () => {
    const { adapter, calls, actor, view, sent: viewSent } = start('u-carla');
    await settled(actor, 'ready.licensed');
    view().items.find((item) => item.id === 'schedule-deactivation')!.select!();
    view().schedule!.date.set('2026-12-03');
    adapter.failNext('scheduleDeactivation', { when: 'after', code: 'NETWORK_ERROR' });
    view().schedule!.confirmation.primary.press();
    await settled(actor, 'failed');
    expect(view().schedule!.locked).toBe(true);
    const before = viewSent.length;
    view().schedule!.date.set('2026-12-09');
    view().schedule!.time.set('18:00');
    view().schedule!.scope.options[0]!.select();
    expect(viewSent.slice(before)).toEqual([]);
    expect(view().schedule!.date.value).toBe('2026-12-03');
    // The machine refuses them too, whatever a binding sends.
    actor.send({ type: 'SET_SCHEDULE', date: '2026-12-09' });
    actor.send({ type: 'SET_REASON', code: 'other' });
    expect(actor.getSnapshot()).toMatchObject({ value: 'failed', context: { schedule: { date: '2026-12-03' }, reason: { code: null } } });
    view().schedule!.confirmation.primary.press();
    await settled(actor, 'ready.licensed');
    const sent = calls('scheduleDeactivation');
    expect(sent).toHaveLength(2);
    expect(sent[1]).toEqual(sent[0]);
    expect(actor.getSnapshot().context.plan!.scheduled.user).toMatchObject({ at: local('2026-12-03', '09:00') });
  });

  it('R15: with a schedule of each kind pending, the item is blocked by SCHEDULE_CONFLICT; a scope that cannot be scheduled is not opened', async () => {
    const { backend, actor, view } = start('u-carla');
    for (const scope of ['license', 'user'] as const) {
      await backend.scheduleDeactivation('u-carla', { scope, at: '2026-12-05T09:00:00Z' }, { ...as('u-ana'), idempotencyKey: scope });
    }
    await settled(actor, 'ready.licensed');
    expect(view().items.find((item) => item.id === 'schedule-deactivation')).toMatchObject({ blockedBy: { code: 'SCHEDULE_CONFLICT' }, select: null });
    expect(view().license!.schedule).toMatchObject({ state: 'blocked', blockedBy: { code: 'SCHEDULE_CONFLICT' } });
    actor.send({ type: 'SCHEDULE_DEACTIVATION', scope: 'user' });
    expect(actor.getSnapshot().value).toEqual({ ready: 'licensed' });
    expect(view().scheduled.map((schedule) => schedule.schedule.scope)).toEqual(['user', 'license']);
  });

  it('R15: a binding that does not render the form leaves the item out (offers.scheduleDeactivation: false)', async () => {
    const { actor } = start('u-carla');
    await settled(actor, 'ready.licensed');
    const user = demoOrganisation().users.find((candidate) => candidate.id === 'u-carla')!;
    const ids = (offers: { scheduleDeactivation?: boolean }) => connectUserLifecycle(actor.getSnapshot(), actor.send, { user, offers }).items.map((item) => item.id);
    expect(ids({})).toEqual(['manage-license', 'deactivate-user', 'schedule-deactivation']);
    expect(ids({ scheduleDeactivation: false })).toEqual(['manage-license', 'deactivate-user']);
  });

  it('R15: an unlicensed user can be scheduled only as a user (NO_LICENSE for the license)', async () => {
    const { actor, view, sent } = start('u-julia');
    await settled(actor, 'ready.unlicensed');
    expect(view().license!.schedule).toBeNull();
    view().items.find((item) => item.id === 'schedule-deactivation')!.select!();
    const [license, user] = view().schedule!.scope.options;
    expect(license).toMatchObject({ blockedBy: { code: 'NO_LICENSE' }, checked: false });
    expect(user!.checked).toBe(true);
    license!.select();
    expect(sent.filter((event) => event.type === 'SET_SCHEDULE')).toEqual([]);
    expect(view().schedule!.scope.options[0]!.checked).toBe(false);
    // The machine refuses it too, whatever a binding sends; the fields of the scope it may schedule still change.
    actor.send({ type: 'SET_SCHEDULE', scope: 'license' });
    expect(actor.getSnapshot().context.schedule?.scope).toBe('user');
    actor.send({ type: 'SET_SCHEDULE', date: '2026-12-01' });
    expect(actor.getSnapshot().context.schedule).toEqual({ scope: 'user', date: '2026-12-01', time: '09:00' });
  });

  it('R15: the form says what each scope would do if it ran now, in its own words', async () => {
    const { actor, view } = start('u-carla');
    await settled(actor, 'ready.licensed');
    view().items.find((item) => item.id === 'schedule-deactivation')!.select!();
    const form = view().schedule!;
    expect(form.scope.legend).toEqual({ key: 'schedule.scope' });
    expect(form.scope.options.map((option) => option.label)).toEqual([{ key: 'schedule.scope.license' }, { key: 'schedule.scope.user' }]);
    expect(form.date.label).toEqual({ key: 'schedule.date' });
    expect(form.time.label).toEqual({ key: 'schedule.time' });
    // The fields are in the viewer's time zone, said by its IANA name.
    expect(form.zone).toEqual({ key: 'schedule.zone', values: { zone: Intl.DateTimeFormat().resolvedOptions().timeZone } });
    expect(form.confirmation).toMatchObject({
      title: { key: 'confirm.scheduleDeactivation.title', values: { name: 'Carla Méndez' } },
      confirmLabel: { key: 'confirm.scheduleDeactivation.action' },
      tone: 'danger',
    });
    // On the user: what deactivating the user does now (sign-in ends too); on the license: the license's effects alone.
    const userEffects = form.confirmation.effects!.map((line) => line.key);
    expect(userEffects).toEqual(['contactsOrphaned', 'tasksMadeTransferable', 'salesBrainsLeft', 'seatsFreed', 'signInRevoked', 'sessionsEnded']);
    form.scope.options[0]!.select();
    expect(view().schedule!.confirmation.effects!.map((line) => line.key)).toEqual(['contactsOrphaned', 'tasksMadeTransferable', 'salesBrainsLeft', 'seatsFreed']);
  });

  it('R15: with the user’s deactivation already scheduled the form opens on the license, and its fields change', async () => {
    const { backend, actor, view } = start('u-carla');
    await backend.scheduleDeactivation('u-carla', { scope: 'user', at: '2026-12-05T09:00:00Z' }, { ...as('u-ana'), idempotencyKey: 'user' });
    await settled(actor, 'ready.licensed');
    view().items.find((item) => item.id === 'schedule-deactivation')!.select!();
    expect(view().schedule!.scope.options.map((option) => [option.value, option.checked, option.blockedBy?.code ?? null])).toEqual([
      ['license', true, null],
      ['user', false, 'SCHEDULE_CONFLICT'],
    ]);
    view().schedule!.date.set('2026-12-02');
    view().schedule!.time.set('08:15');
    expect(actor.getSnapshot().context.schedule).toEqual({ scope: 'license', date: '2026-12-02', time: '08:15' });
  });

  it('R15: a schedule’s fields sent while another action is confirmed change nothing', async () => {
    const { actor } = start('u-carla');
    await settled(actor, 'ready.licensed');
    actor.send({ type: 'DEACTIVATE_USER' });
    actor.send({ type: 'SET_SCHEDULE', date: '2026-12-01' });
    expect(actor.getSnapshot()).toMatchObject({ status: 'active', value: 'confirming', context: { pending: { type: 'deactivateUser' }, schedule: null, error: null } });
  });

  it('R15: without a clock given, the form judges the instant by the system’s', async () => {
    const backend = createInMemoryBackend({ data: demoOrganisation() });
    const actor = run(userLifecycleMachine, { adapter: backend, caller: as('u-ana'), userId: 'u-carla', createKey: countingKeys() });
    await settled(actor, 'ready.licensed');
    actor.send({ type: 'SCHEDULE_DEACTIVATION', scope: 'user' });
    const user = demoOrganisation().users.find((candidate) => candidate.id === 'u-carla')!;
    const form = () => connectUserLifecycle(actor.getSnapshot(), actor.send, { user }).schedule!;
    expect(form().date.min).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    actor.send({ type: 'SET_SCHEDULE', date: '2000-01-03' });
    expect(form().confirmation.primary.held).toEqual({ key: 'schedule.hold.past' });
    actor.send({ type: 'SET_SCHEDULE', date: '2999-01-03' });
    expect(form().confirmation.primary).toMatchObject({ state: 'ready', held: null });
  });
});
