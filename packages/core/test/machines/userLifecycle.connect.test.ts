import { describe, expect, it } from 'vitest';
import { OffboardError, forbidden, type User } from '../../src';
import { connectUserLifecycle, initialReason, userLifecycleMachine, type UserLifecycleContext, type UserLifecycleEvent } from '../../src/machines';
import { DEMO_SCENARIOS, demoOrganisation } from '../../src/fixtures';
import { callerOf, planOf, recorder, snapshotOf } from './connectHelpers';

const userOf = (id: string): User => demoOrganisation().users.find((user) => user.id === id)!;

function lifecycle(value: unknown, context: Partial<UserLifecycleContext> & { userId: string }) {
  const full: UserLifecycleContext = {
    ...callerOf('u-ana', { standing: 'admin' }),
    plan: null,
    pending: null,
    lastChange: null,
    requireReason: false,
    reason: initialReason(),
    schedule: null,
    now: () => new Date('2026-11-29T10:00:00.000Z'),
    ...context,
  };
  return snapshotOf(userLifecycleMachine, value, full);
}

function connect(value: unknown, context: Partial<UserLifecycleContext> & { userId: string }, offers = { reassignContacts: true, startOffboarding: true }) {
  const { sent, send } = recorder<UserLifecycleEvent>();
  const view = connectUserLifecycle(lifecycle(value, context), send, { user: userOf(context.userId), offers });
  return { view, sent };
}

describe('connectUserLifecycle', () => {
  it('while the caller and the plan load there are no items yet, and the menu says it is loading', () => {
    const { view } = connect('checking', { userId: 'u-elena' });
    expect(view).toMatchObject({ phase: 'loading', settled: false, items: [], license: null, confirmation: null, refusal: null });
    expect(view.attributes).toEqual({ 'data-part': 'menu', 'data-state': 'loading' });
    expect(view.user.id).toBe('u-elena');
    expect(view.triggerLabel).toEqual({ key: 'menu.trigger', values: { name: 'Elena Torres' } });
  });

  it('R9: a member refused in the first state sees every item blocked by that refusal, none selectable', () => {
    const refusal = forbidden('not-admin', { id: 'u-carla' });
    const { view } = connect('refused', { userId: 'u-elena', refusal });
    expect(view.phase).toBe('refused');
    expect(view.settled).toBe(true);
    expect(view.refusal).toBe(refusal);
    expect(view.items.map((item) => item.id)).toEqual(['manage-license', 'reassign-contacts', 'start-offboarding', 'deactivate-user']);
    for (const item of view.items) {
      expect(item).toMatchObject({ blockedBy: refusal, select: null, opensDialog: false });
      expect(item.attributes).toMatchObject({ 'data-part': 'menu-item', 'data-state': 'blocked' });
    }
    expect(view.attributes['data-state']).toBe('refused');
  });

  it('R4: the plan blocks "Deactivate user" with the rule, and the license view carries the way out', async () => {
    const plan = await planOf('u-diego');
    const { view, sent } = connect({ ready: 'licensed' }, { userId: 'u-diego', plan });
    const deactivate = view.items.find((item) => item.id === 'deactivate-user')!;
    expect(deactivate.blockedBy?.code).toBe('LAST_LICENSE_IN_COUNTRY');
    expect(deactivate.select).toBeNull();
    expect(deactivate.separated).toBe(true);
    expect(view.items.find((item) => item.id === 'manage-license')).toMatchObject({ blockedBy: null, opensDialog: true, select: null });
    expect(view.license?.deactivate).toMatchObject({ state: 'blocked', blockedBy: { code: 'LAST_LICENSE_IN_COUNTRY' }, label: { key: 'license.deactivate' } });
    view.license!.deactivate!.press();
    expect(sent).toEqual([]);
    expect(view.license?.lastLicense).toEqual({ country: 'CO', phoneNumbers: [expect.objectContaining({ id: 'pn-co-1' }), expect.objectContaining({ id: 'pn-co-2' })] });
    expect(view.license?.assign).toBeNull();
  });

  it('an allowed item sends its event; the items the host opens are left out without a handler', async () => {
    const plan = await planOf('u-elena');
    const { view, sent } = connect({ ready: 'licensed' }, { userId: 'u-elena', plan }, { reassignContacts: false, startOffboarding: false });
    expect(view.items.map((item) => item.id)).toEqual(['manage-license', 'deactivate-user', 'schedule-deactivation']);
    const deactivate = view.items[1]!;
    expect(deactivate).toMatchObject({ blockedBy: null, opensDialog: true, label: { key: 'menu.deactivateUser' } });
    deactivate.select!();
    expect(sent).toEqual([{ type: 'DEACTIVATE_USER' }]);
  });

  it('R3/R7: an inactive user is offered "Activate user" instead', async () => {
    const plan = await planOf('u-karla');
    const { view, sent } = connect({ ready: 'inactive' }, { userId: 'u-karla', plan });
    expect(view.items.at(-1)).toMatchObject({ id: 'activate-user', label: { key: 'menu.activateUser' } });
    view.items.at(-1)!.select!();
    expect(sent).toEqual([{ type: 'REACTIVATE_USER' }]);
  });

  it('R3: the confirmation says everything in Texts, lists the plan’s effects, and confirms', async () => {
    const plan = await planOf('u-elena');
    const { view, sent } = connect('confirming', { userId: 'u-elena', plan, pending: { type: 'deactivateUser' } });
    const confirmation = view.confirmation!;
    expect(confirmation.title).toEqual({ key: 'confirm.deactivateUser.title', values: { name: 'Elena Torres' } });
    expect(confirmation.tone).toBe('danger');
    expect(confirmation.effects?.map((line) => line.key)).toEqual(['contactsOrphaned', 'tasksMadeTransferable', 'salesBrainsLeft', 'seatsFreed', 'signInRevoked', 'sessionsEnded']);
    expect(confirmation.primary).toMatchObject({ label: { key: 'confirm.deactivateUser.action' }, state: 'ready', attributes: { 'data-part': 'confirm', 'data-state': 'danger' } });
    expect(confirmation.cancelLabel).toEqual({ key: 'common.cancel' });
    confirmation.primary.press();
    confirmation.cancel();
    expect(sent).toEqual([{ type: 'CONFIRM' }, { type: 'CANCEL' }]);
  });

  it('R11: busy while submitting (nothing to press); a transport failure offers the retry in its place; a refusal does not', async () => {
    const plan = await planOf('u-elena');
    const pending = { type: 'deactivateUser', idempotencyKey: 'k', expectedVersion: 1 } as const;
    const busy = connect('submitting', { userId: 'u-elena', plan, pending });
    expect(busy.view.confirmation).toMatchObject({ busy: true, error: null, primary: { label: { key: 'common.working' }, state: 'busy' } });
    busy.view.confirmation!.primary.press();
    expect(busy.sent).toEqual([]);

    const lost = connect('failed', { userId: 'u-elena', plan, pending, error: new OffboardError('NETWORK_ERROR') });
    expect(lost.view.confirmation).toMatchObject({ primary: { label: { key: 'common.retry' }, state: 'ready' }, cancelLabel: { key: 'common.close' } });
    lost.view.confirmation!.primary.press();
    expect(lost.sent).toEqual([{ type: 'RETRY' }]);

    const stale = connect('failed', { userId: 'u-elena', plan, pending, error: new OffboardError('VERSION_CONFLICT') });
    expect(stale.view.confirmation?.primary.state).toBe('blocked');
    stale.view.confirmation!.primary.press();
    expect(stale.sent).toEqual([]);
  });

  it('R7: assigning waits for a country, says why, then sends it; its confirmation names the country and the seat it uses', async () => {
    const plan = await planOf('u-julia');
    const { view, sent } = connect({ ready: 'unlicensed' }, { userId: 'u-julia', plan });
    expect(view.license?.deactivate).toBeNull();
    expect(view.license!.assign!(null, true)).toMatchObject({ state: 'held', held: { key: 'license.hold.loading' } });
    expect(view.license!.assign!(null, false).held).toEqual({ key: 'license.hold.none' });
    view.license!.assign!('ES', false).press();
    expect(sent).toEqual([{ type: 'ASSIGN_LICENSE', country: 'ES' }]);
    const confirming = connect('confirming', { userId: 'u-julia', plan, pending: { type: 'assignLicense', country: 'ES' } }).view.confirmation!;
    expect(confirming.description).toMatchObject({ key: 'confirm.assignLicense.description', values: { country: 'ES' } });
    expect(confirming.effects?.map((line) => line.key)).toContain('seatUsed');
    expect(confirming.tone).toBe('default');
  });

  it('R7: with every seat in use assigning is blocked by NO_SEATS_AVAILABLE', async () => {
    const plan = await planOf('u-julia', { data: DEMO_SCENARIOS['seats-exhausted'].data });
    const { view } = connect({ ready: 'unlicensed' }, { userId: 'u-julia', plan });
    expect(view.license!.assign!('ES', false)).toMatchObject({ state: 'blocked', blockedBy: { code: 'NO_SEATS_AVAILABLE' } });
  });

  it('a failed load: a transport failure offers a retry; a refusal to load is the answer for every item', () => {
    const lost = connect('loadFailed', { userId: 'u-elena', error: new OffboardError('NETWORK_ERROR') });
    expect(lost.view).toMatchObject({ phase: 'loadFailed', settled: false, items: [], loadError: { code: 'NETWORK_ERROR' } });
    lost.view.retryLoad();
    expect(lost.sent).toEqual([{ type: 'RETRY' }]);

    const gone = connect('loadFailed', { userId: 'u-elena', error: forbidden('actor-inactive', { id: 'u-ana' }) });
    expect(gone.view.settled).toBe(true);
    expect(gone.view.loadError).toBeNull();
    expect(gone.view.items.every((item) => item.blockedBy?.code === 'FORBIDDEN')).toBe(true);
  });
});
