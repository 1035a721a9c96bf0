import { describe, expect, it } from 'vitest';
import { OffboardError, forbidden, type User } from '../../src';
import { refusalReason } from '../../src/rules/plan';
import { connectUserLifecycle, initialReason, lifecycleWords, takesReason, userLifecycleMachine, type UserLifecycleContext, type UserLifecycleEvent } from '../../src/machines';
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

type Offers = NonNullable<Parameters<typeof connectUserLifecycle>[2]['offers']>;

function connect(value: unknown, context: Partial<UserLifecycleContext> & { userId: string }, offers: Offers = { reassignContacts: true, startOffboarding: true }) {
  const { sent, send } = recorder<UserLifecycleEvent>();
  const view = connectUserLifecycle(lifecycle(value, context), send, { user: userOf(context.userId), offers });
  return { view, sent };
}

describe('connectUserLifecycle', () => {
  it('while the caller and the plan load there are no items yet, and the menu says it is loading', () => {
    const { view } = connect('checking', { userId: 'u-elena' });
    expect(view).toMatchObject({ phase: 'loading', settled: false, items: [], license: null, confirmation: null, schedule: null, scheduled: [], refusal: null });
    expect(view.attributes).toEqual({ 'data-part': 'menu', 'data-state': 'loading' });
    expect(view.user.id).toBe('u-elena');
    expect(view.triggerLabel).toEqual({ key: 'menu.trigger', values: { name: 'Elena Torres' } });
  });

  it('the phase a host renders by: ready with the plan, confirming, submitting and failed around a change', async () => {
    const plan = await planOf('u-elena');
    const pending = { type: 'deactivateUser', idempotencyKey: 'k', expectedVersion: 1 } as const;
    expect(connect({ ready: 'licensed' }, { userId: 'u-elena', plan }).view.phase).toBe('ready');
    expect(connect('confirming', { userId: 'u-elena', plan, pending: { type: 'deactivateUser' } }).view.phase).toBe('confirming');
    expect(connect('submitting', { userId: 'u-elena', plan, pending }).view.phase).toBe('submitting');
    expect(connect('failed', { userId: 'u-elena', plan, pending, error: new OffboardError('NETWORK_ERROR') }).view.phase).toBe('failed');
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
    expect(view.items.at(-1)).toMatchObject({ id: 'activate-user', label: { key: 'menu.activateUser' }, blockedBy: null, opensDialog: true, separated: true });
    view.items.at(-1)!.select!();
    expect(sent).toEqual([{ type: 'REACTIVATE_USER' }]);
  });

  it('R3: the confirmation says everything in Texts, lists the plan’s effects, and confirms', async () => {
    const plan = await planOf('u-elena');
    const { view, sent } = connect('confirming', { userId: 'u-elena', plan, pending: { type: 'deactivateUser' } });
    const confirmation = view.confirmation!;
    expect(confirmation.title).toEqual({ key: 'confirm.deactivateUser.title', values: { name: 'Elena Torres' } });
    // Only an assignment names a country: the other descriptions carry the name alone.
    expect(confirmation.description).toStrictEqual({ key: 'confirm.deactivateUser.description', values: { name: 'Elena Torres' } });
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

    // The retry is under way: the failure it retries is not said again while it runs (the machine keeps it in context).
    const retrying = connect('submitting', { userId: 'u-elena', plan, pending, error: new OffboardError('NETWORK_ERROR') });
    expect(retrying.view.confirmation).toMatchObject({ busy: true, error: null, primary: { state: 'busy' } });

    const stale = connect('failed', { userId: 'u-elena', plan, pending, error: new OffboardError('VERSION_CONFLICT') });
    expect(stale.view.confirmation?.primary.state).toBe('blocked');
    stale.view.confirmation!.primary.press();
    expect(stale.sent).toEqual([]);
  });

  it('R7: assigning waits for a country, says why, then sends it; its confirmation names the country and the seat it uses', async () => {
    const plan = await planOf('u-julia');
    const { view, sent } = connect({ ready: 'unlicensed' }, { userId: 'u-julia', plan });
    expect(view.license).toMatchObject({ status: 'none', country: null, deactivate: null, schedule: null, lastLicense: null });
    expect(view.license!.assign!('ES', false)).toMatchObject({ state: 'ready', label: { key: 'license.assign' }, attributes: { 'data-part': 'assign-license', 'data-state': 'ready' } });
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

  it('the menu of a licensed user: each item’s words, which ones open a dialog, and the access actions set apart', async () => {
    const plan = await planOf('u-elena');
    const { view, sent } = connect({ ready: 'licensed' }, { userId: 'u-elena', plan }, { reassignContacts: true, startOffboarding: true, showHistory: true });
    expect(view.attributes).toEqual({ 'data-part': 'menu', 'data-state': 'ready' });
    expect(view.items.map((item) => [item.id, item.label.key, item.opensDialog, item.separated])).toEqual([
      ['manage-license', 'menu.manageLicense', true, false],
      ['reassign-contacts', 'menu.reassignContacts', false, false],
      ['start-offboarding', 'menu.startOffboarding', false, false],
      ['show-history', 'users.history', false, false],
      ['deactivate-user', 'menu.deactivateUser', true, true],
      ['schedule-deactivation', 'menu.scheduleDeactivation', true, false],
    ]);
    for (const item of view.items) expect(item.attributes).toEqual({ 'data-part': 'menu-item', 'data-state': 'ready', 'data-action': item.id });
    // The host opens these itself: the core has nothing to send for them.
    for (const id of ['manage-license', 'reassign-contacts', 'start-offboarding', 'show-history']) {
      expect(view.items.find((item) => item.id === id)).toMatchObject({ blockedBy: null, select: null });
    }
    expect(sent).toEqual([]);
  });

  it('R5: "Reassign contacts" is blocked by the plan’s refusal when the user owns no contacts', async () => {
    const plan = await planOf('u-julia');
    const { view } = connect({ ready: 'unlicensed' }, { userId: 'u-julia', plan });
    expect(view.items.find((item) => item.id === 'reassign-contacts')).toMatchObject({
      blockedBy: { code: 'NO_CONTACTS' },
      select: null,
      opensDialog: false,
      attributes: { 'data-state': 'blocked' },
    });
  });

  it('R7: "Activate user" is blocked, and sends nothing, when the adapter’s plan refuses the reactivation', async () => {
    const read = await planOf('u-karla');
    // A host's own backend may refuse what the in-memory one allows an admin: the view shows its refusal.
    const refusal = refusalReason(forbidden('not-admin', { id: 'u-ana' }));
    const plan = { ...read, refusals: { ...read.refusals, reactivateUser: refusal } };
    const { view, sent } = connect({ ready: 'inactive' }, { userId: 'u-karla', plan });
    const activate = view.items.at(-1)!;
    expect(activate).toMatchObject({ id: 'activate-user', blockedBy: refusal, select: null, opensDialog: false });
    expect(sent).toEqual([]);
  });

  it('R9: a caller refused before any plan, looking at an inactive user, sees "Activate user" blocked by that refusal', () => {
    const refusal = forbidden('not-admin', { id: 'u-carla' });
    const { view } = connect('refused', { userId: 'u-karla', refusal });
    expect(view.items.map((item) => item.id)).toEqual(['manage-license', 'reassign-contacts', 'start-offboarding', 'activate-user']);
    expect(view.items.at(-1)).toMatchObject({ blockedBy: refusal, select: null, opensDialog: false, separated: true });
    expect(view.license).toBeNull();
    expect(view.scheduled).toEqual([]);
  });

  it('R2, R15: the license dialog of a licensed user: its country, and its deactivate and schedule controls', async () => {
    const plan = await planOf('u-elena');
    const { view, sent } = connect({ ready: 'licensed' }, { userId: 'u-elena', plan });
    const license = view.license!;
    expect(license).toMatchObject({ status: 'active', country: 'ES', seats: plan.seats, assign: null });
    // R4's way out is shown only beside R4's refusal: Elena's is not the last license in Spain.
    expect(plan.lastLicenseInCountry).not.toBeNull();
    expect(license.lastLicense).toBeNull();
    expect(license.deactivate).toMatchObject({ state: 'ready', label: { key: 'license.deactivate' }, attributes: { 'data-part': 'deactivate-license', 'data-state': 'ready' } });
    expect(license.schedule).toMatchObject({ state: 'ready', label: { key: 'license.schedule' }, attributes: { 'data-part': 'schedule-deactivation', 'data-state': 'ready' } });
    license.deactivate!.press();
    license.schedule!.press();
    expect(sent).toEqual([{ type: 'DEACTIVATE_LICENSE' }, { type: 'SCHEDULE_DEACTIVATION', scope: 'license' }]);
  });

  it('R7: the license dialog of a user whose license was deactivated keeps its previous country', async () => {
    const plan = await planOf('u-marta');
    const { view } = connect({ ready: 'unlicensed' }, { userId: 'u-marta', plan });
    expect(view.license).toMatchObject({ status: 'inactive', country: 'MX', deactivate: null, schedule: null });
  });

  it('a failed change is the confirmation’s failure, not the menu’s: no load error, and the items keep their own refusals', async () => {
    const plan = await planOf('u-elena');
    const pending = { type: 'deactivateUser', idempotencyKey: 'k', expectedVersion: 1 } as const;
    const lost = connect('failed', { userId: 'u-elena', plan, pending, error: new OffboardError('NETWORK_ERROR') }).view;
    expect(lost).toMatchObject({ phase: 'failed', loadError: null, refusal: null, confirmation: { error: { code: 'NETWORK_ERROR' } } });
    const stale = connect('failed', { userId: 'u-elena', plan, pending, error: new OffboardError('VERSION_CONFLICT') }).view;
    expect(stale).toMatchObject({ loadError: null, refusal: null });
    expect(stale.items.find((item) => item.id === 'deactivate-user')).toMatchObject({ blockedBy: null, attributes: { 'data-state': 'ready' } });
  });

  it('R14: the deactivations ask for a reason; activating and assigning a license do not', async () => {
    const elena = await planOf('u-elena');
    const deactivate = connect('confirming', { userId: 'u-elena', plan: elena, pending: { type: 'deactivateLicense' }, requireReason: true }).view.confirmation!;
    expect(deactivate.reason).toMatchObject({ required: true });
    const karla = await planOf('u-karla');
    const activate = connect('confirming', { userId: 'u-karla', plan: karla, pending: { type: 'reactivateUser' }, requireReason: true }).view.confirmation!;
    expect(activate).toMatchObject({ reason: null, primary: { state: 'ready', held: null } });
    const julia = await planOf('u-julia');
    const assign = connect('confirming', { userId: 'u-julia', plan: julia, pending: { type: 'assignLicense', country: 'ES' }, requireReason: true }).view.confirmation!;
    expect(assign).toMatchObject({ reason: null, primary: { state: 'ready', held: null } });
    expect(takesReason(null)).toBe(false);
  });

  it('a confirmation of an action that does not apply to the user lists no effects', async () => {
    const plan = await planOf('u-julia');
    expect(plan.effects.deactivateLicense).toBeNull();
    expect(lifecycleWords(plan, { type: 'deactivateLicense' }).effects).toEqual([]);
  });
});
