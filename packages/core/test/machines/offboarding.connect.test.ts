import { describe, expect, it } from 'vitest';
import { OffboardError, forbidden, type User } from '../../src';
import { connectOffboarding, initialReason, offboardingMachine, type OffboardingContext, type OffboardingEvent } from '../../src/machines';
import { demoOrganisation } from '../../src/fixtures';
import { callerOf, planOf, recorder, snapshotOf } from './connectHelpers';

const salespeople: User[] = demoOrganisation().users.filter((user) => user.status === 'active' && user.license?.status === 'active');

function connect(value: unknown, context: Partial<OffboardingContext>, options: { salespeople?: User[] | undefined; offersWizard?: boolean } = { salespeople }) {
  const full: OffboardingContext = {
    ...callerOf('u-ana', { read: { read: 'plan', userId: 'u-diego' } }),
    userId: 'u-diego',
    scenario: 'employee-departure',
    plan: null,
    asking: null,
    requireReason: false,
    reason: initialReason('employee-departure'),
    running: null,
    completed: [],
    ...context,
  };
  const { sent, send } = recorder<OffboardingEvent>();
  const view = connectOffboarding(snapshotOf(offboardingMachine, value, full), send, { salespeople: options.salespeople, offersWizard: options.offersWizard ?? false });
  return { view, sent };
}

describe('connectOffboarding', () => {
  it('R12: a caller refused another user’s checklist sees the refusal, and no step', () => {
    const refusal = forbidden('admin-only', { id: 'u-carla' });
    const { view } = connect('refused', { refusal });
    expect(view).toMatchObject({ phase: 'refused', refusal, steps: [], title: null, confirmation: null });
  });

  it('loading, then a failed load with its retry', () => {
    expect(connect('checking', {}).view).toMatchObject({ phase: 'loading', steps: [], refusal: null, loadError: null });
    const { view, sent } = connect('loadFailed', { error: new OffboardError('SERVER_ERROR') });
    expect(view).toMatchObject({ phase: 'loadFailed', loadError: { code: 'SERVER_ERROR' }, refusal: null });
    view.retryLoad();
    expect(sent).toEqual([{ type: 'RETRY' }]);
  });

  it('R8: each step with its status, reason, words and control, taken from the plan', async () => {
    const plan = await planOf('u-diego');
    const { view } = connect({ ready: 'inProgress' }, { plan });
    expect(view.title).toEqual({ key: 'checklist.title', values: { name: 'Diego Rojas' } });
    expect(view.scenarioLabel).toEqual({ key: 'checklist.scenario', values: { scenario: 'employee-departure' } });
    expect(view.steps.map((step) => [step.id, step.status, step.attributes['data-state']])).toEqual([
      ['reassign-contacts', 'pending', 'pending'],
      ['transfer-tasks', 'pending', 'pending'],
      ['check-phone-numbers', 'pending', 'pending'],
      ['deactivate-license', 'blocked', 'blocked'],
      ['deactivate-user', 'blocked', 'blocked'],
    ]);
    const [contacts, , numbers, license] = view.steps;
    expect(contacts!.reason?.code).toBe('CONTACTS_TO_REASSIGN');
    expect(numbers!.phoneNumbers.map((phoneNumber) => phoneNumber.id)).toEqual(['pn-co-1', 'pn-co-2']);
    // A blocked step says why on its button, not beside it; R4's refusal is step 3's, shown there
    // with the numbers, and the steps it holds back point to step 3 rather than repeat it.
    expect(license!.reason).toBeNull();
    expect(numbers!.reason?.code).toBe('LAST_LICENSE_IN_COUNTRY');
    for (const held of view.steps.slice(3)) {
      expect(held.action!.control()).toMatchObject({ state: 'blocked', blockedBy: { code: 'AFTER_STEP', details: { step: 'check-phone-numbers', number: 3 } } });
    }
    expect(license!.action!.control().label).toMatchObject({ key: 'checklist.action.deactivate-license' });
    expect(view.completeLabel).toBeNull();
    expect(view.needsSalespeople).toBe(true);
  });

  it('R5: a hand-over offers only the core’s candidates, gives to the one the user chose, and is held until then or while they load', async () => {
    const plan = await planOf('u-diego');
    const { view, sent } = connect({ ready: 'inProgress' }, { plan });
    const action = view.steps[0]!.action!;
    expect(action.kind).toBe('hand-over');
    expect(action.candidates!.map((user) => user.id)).not.toContain('u-diego');
    // Nobody is chosen for the user: no choice, or one that is not a candidate (Diego himself, someone gone), holds the button.
    for (const choice of [undefined, null, 'u-diego', 'u-karla', 'u-nobody']) {
      expect(action.control(choice)).toMatchObject({ state: 'held', held: { key: 'checklist.hold.chooseSalesperson' } });
      action.control(choice).press();
    }
    expect(sent).toEqual([]);
    expect(action.control('u-oscar')).toMatchObject({ state: 'ready', label: { key: 'checklist.action.reassign-contacts', values: { count: 40 } } });
    action.control('u-oscar').press();
    view.steps[1]!.action!.control('u-carla').press();
    expect(sent).toEqual([
      { type: 'RUN_STEP', request: { step: 'reassign-contacts', toUserIds: ['u-oscar'] } },
      { type: 'RUN_STEP', request: { step: 'transfer-tasks', toUserId: 'u-carla' } },
    ]);

    const loading = connect({ ready: 'inProgress' }, { plan }, { salespeople: undefined }).view.steps[0]!.action!;
    expect(loading.candidates).toBeNull();
    expect(loading.control('u-oscar')).toMatchObject({ state: 'held', held: { key: 'checklist.hold.loadingSalespeople' } });
  });

  it('R4: once step 3 is done, a step still blocked by the last license says the rule itself', async () => {
    const plan = await planOf('u-diego');
    const done = { ...plan, steps: plan.steps.map((step) => (step.id === 'check-phone-numbers' ? { ...step, status: 'done' as const, reason: null } : step)) };
    const { view } = connect({ ready: 'inProgress' }, { plan: done });
    expect(view.steps[3]!.action!.control().blockedBy).toMatchObject({ code: 'LAST_LICENSE_IN_COUNTRY' });
  });

  it('step 1 offers the host’s wizard only when the host has one', async () => {
    const plan = await planOf('u-diego');
    expect(connect({ ready: 'inProgress' }, { plan }, { salespeople, offersWizard: true }).view.steps[0]!.action!.choosesContacts).toBe(true);
    expect(connect({ ready: 'inProgress' }, { plan }).view.steps[0]!.action!.choosesContacts).toBe(false);
  });

  it('steps 3–5 ask first: the confirmation lists the numbers of R4’s way out, or the plan’s effects', async () => {
    const plan = await planOf('u-diego');
    const asked = connect({ ready: 'inProgress' }, { plan });
    asked.view.steps[2]!.action!.control().press();
    expect(asked.sent).toEqual([{ type: 'ASK_STEP', request: { step: 'check-phone-numbers' } }]);

    const { view, sent } = connect('confirming', { plan, asking: { step: 'check-phone-numbers' } });
    expect(view.phase).toBe('confirming');
    expect(view.confirmation).toMatchObject({
      step: 'check-phone-numbers',
      title: { key: 'confirm.phoneNumbers.title', values: { count: 2, country: 'CO' } },
      effects: null,
      tone: 'danger',
    });
    expect(view.confirmation!.phoneNumbers.map((phoneNumber) => phoneNumber.id)).toEqual(['pn-co-1', 'pn-co-2']);
    view.confirmation!.primary.press();
    view.confirmation!.cancel();
    expect(sent).toEqual([{ type: 'CONFIRM' }, { type: 'CANCEL' }]);

    const elena = await planOf('u-elena');
    const user = connect('confirming', { plan: elena, userId: 'u-elena', asking: { step: 'deactivate-user' } }).view.confirmation!;
    expect(user.title).toEqual({ key: 'confirm.deactivateUser.title', values: { name: 'Elena Torres' } });
    expect(user.effects?.map((line) => line.key)).toContain('signInRevoked');
  });

  it('one step at a time: the running step is busy, the others held saying which step they wait for; a failure holds them too', async () => {
    const plan = await planOf('u-diego');
    const running = { request: { step: 'transfer-tasks', toUserId: 'u-carla' } as const, idempotencyKey: 'k', expectedVersion: 1 };
    const busy = connect('running', { plan, running }).view;
    expect(busy.steps[1]).toMatchObject({ running: true, error: null, attributes: { 'data-state': 'running' } });
    expect(busy.steps[1]!.action!.control('u-carla').state).toBe('busy');
    expect(busy.steps[0]!.action!.control('u-oscar')).toMatchObject({ state: 'held', held: { key: 'checklist.hold.running', values: { number: 2 } } });

    const { view, sent } = connect('failed', { plan, running, error: new OffboardError('NETWORK_ERROR') });
    expect(view.steps[1]).toMatchObject({ running: false, error: { code: 'NETWORK_ERROR' } });
    expect(view.steps[0]!.action!.control('u-oscar').held).toEqual({ key: 'checklist.hold.failed', values: { number: 2 } });
    expect(view.steps[1]!.action!.control('u-carla').held).toEqual({ key: 'checklist.hold.failed', values: { number: 2 } });
    view.steps[1]!.retry();
    view.steps[1]!.dismiss();
    expect(sent).toEqual([{ type: 'RETRY' }, { type: 'DISMISS' }]);
  });

  it('says so when every step is done', async () => {
    const plan = await planOf('u-karla', { scenario: 'team-downsizing' });
    const { view } = connect({ ready: 'complete' }, { plan, userId: 'u-karla', completed: ['deactivate-license'] });
    expect(view).toMatchObject({ phase: 'complete', completeLabel: { key: 'checklist.complete' }, completed: ['deactivate-license'], needsSalespeople: false });
  });
});
