import { describe, expect, it } from 'vitest';
import { OffboardError, forbidden, type User } from '../../src';
import { connectOffboarding, initialReason, offboardingMachine, type OffboardingContext, type OffboardingEvent } from '../../src/machines';
import { demoOrganisation } from '../../src/fixtures';
import { as } from '../../src/testing/harness';
import { callerOf, planOf, recorder, snapshotOf } from './connectHelpers';
import { setup } from './helpers';

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
    // Nothing is known yet: no user, no step, and no salespeople to load for a hand-over.
    expect(connect('checking', {}).view).toMatchObject({ phase: 'loading', user: null, steps: [], refusal: null, loadError: null, needsSalespeople: false });
    const { view, sent } = connect('loadFailed', { error: new OffboardError('SERVER_ERROR') });
    expect(view).toMatchObject({ phase: 'loadFailed', loadError: { code: 'SERVER_ERROR' }, refusal: null });
    view.retryLoad();
    expect(sent).toEqual([{ type: 'RETRY' }]);
  });

  it('R8: each step with its status, reason, words and control, taken from the plan', async () => {
    const plan = await planOf('u-diego');
    const { view } = connect({ ready: 'inProgress' }, { plan });
    expect(view.phase).toBe('ready');
    expect(view.user?.id).toBe('u-diego');
    expect(view.title).toEqual({ key: 'checklist.title', values: { name: 'Diego Rojas' } });
    expect(view.scenarioLabel).toEqual({ key: 'checklist.scenario', values: { scenario: 'employee-departure' } });
    expect(view.steps.map((step) => [step.id, step.status, step.attributes['data-state']])).toEqual([
      ['reassign-contacts', 'pending', 'pending'],
      ['transfer-tasks', 'pending', 'pending'],
      ['check-phone-numbers', 'pending', 'pending'],
      ['deactivate-license', 'blocked', 'blocked'],
      ['deactivate-user', 'blocked', 'blocked'],
    ]);
    const [contacts, tasks, numbers, license] = view.steps;
    expect(contacts).toMatchObject({
      numberLabel: { key: 'checklist.step', values: { number: 1 } },
      title: { key: 'steps.reassign-contacts' },
      statusLabel: { key: 'stepStatus.pending' },
      attributes: { 'data-part': 'checklist-step', 'data-state': 'pending' },
    });
    expect(contacts!.reason?.code).toBe('CONTACTS_TO_REASSIGN');
    // R4's numbers are step 3's alone, although steps 4 and 5 are blocked by the same rule.
    expect(view.steps.map((step) => step.phoneNumbers.map((phoneNumber) => phoneNumber.id))).toEqual([[], [], ['pn-co-1', 'pn-co-2'], [], []]);
    // Each button counts what it hands over or takes away: contacts, open tasks, numbers.
    expect(contacts!.action!.control('u-oscar')).toMatchObject({ label: { values: { count: 40 } }, attributes: { 'data-part': 'run-step', 'data-state': 'ready' } });
    expect(tasks!.action!.control('u-oscar').label).toEqual({ key: 'checklist.action.transfer-tasks', values: { count: 6 } });
    expect(numbers!.action).toMatchObject({ kind: 'take-away', candidates: null, choosesContacts: false });
    expect(numbers!.action!.control()).toMatchObject({
      label: { key: 'checklist.action.check-phone-numbers', values: { count: 2 } },
      attributes: { 'data-part': 'run-step', 'data-state': 'ready' },
    });
    // No schedule is pending for Diego: no step shows one.
    for (const step of view.steps) expect(step.schedule).toBeNull();
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

  it('step 1 offers the host’s wizard only when the host has one, and no other step does', async () => {
    const plan = await planOf('u-diego');
    const withWizard = connect({ ready: 'inProgress' }, { plan }, { salespeople, offersWizard: true }).view;
    expect(withWizard.steps.map((step) => step.action!.choosesContacts)).toEqual([true, false, false, false, false]);
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
    // R14: a reason belongs to a deactivation of a license or a user, not of numbers.
    expect(view.confirmation!.reason).toBeNull();
    view.confirmation!.primary.press();
    view.confirmation!.cancel();
    expect(sent).toEqual([{ type: 'CONFIRM' }, { type: 'CANCEL' }]);

    const elena = await planOf('u-elena');
    const user = connect('confirming', { plan: elena, userId: 'u-elena', asking: { step: 'deactivate-user' } }).view.confirmation!;
    expect(user.title).toEqual({ key: 'confirm.deactivateUser.title', values: { name: 'Elena Torres' } });
    expect(user.effects?.map((line) => line.key)).toContain('signInRevoked');
    // Spain has active numbers, but Elena's license is not its last: steps 4–5 list none.
    expect(user.phoneNumbers).toEqual([]);
  });

  it('R2/R14: step 4 confirms the license’s own effects and asks for the reason, as step 5 does', async () => {
    const elena = await planOf('u-elena');
    const license = connect('confirming', { plan: elena, userId: 'u-elena', asking: { step: 'deactivate-license' } }).view.confirmation!;
    expect(license).toMatchObject({
      step: 'deactivate-license',
      title: { key: 'confirm.deactivateLicense.title', values: { name: 'Elena Torres' } },
      confirmLabel: { key: 'confirm.deactivateLicense.action' },
      phoneNumbers: [],
    });
    expect(license.effects?.map((line) => line.key)).toContain('seatsFreed');
    expect(license.effects?.map((line) => line.key)).not.toContain('signInRevoked');

    for (const step of ['deactivate-license', 'deactivate-user'] as const) {
      const { view, sent } = connect('confirming', { plan: elena, userId: 'u-elena', asking: { step }, requireReason: true, reason: { code: 'role-change', note: '' } });
      const reason = view.confirmation!.reason!;
      expect(reason).toMatchObject({ required: true, legend: { key: 'reason.legendRequired' }, locked: false });
      expect(reason.options.find((option) => option.checked)?.code).toBe('role-change');
      reason.options.find((option) => option.code === 'other')!.select();
      expect(sent).toEqual([{ type: 'SET_REASON', code: 'other' }]);
    }
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
    // The failure is the step's, said on it alone: not on the others, and not as a failed load.
    expect(view.steps.map((step) => step.error?.code ?? null)).toEqual([null, 'NETWORK_ERROR', null, null, null]);
    expect(view).toMatchObject({ loadError: null, refusal: null });
    expect(view.steps[0]!.action!.control('u-oscar').held).toEqual({ key: 'checklist.hold.failed', values: { number: 2 } });
    expect(view.steps[1]!.action!.control('u-carla').held).toEqual({ key: 'checklist.hold.failed', values: { number: 2 } });
    view.steps[1]!.retry();
    view.steps[1]!.dismiss();
    expect(sent).toEqual([{ type: 'RETRY' }, { type: 'DISMISS' }]);

    // R11: the retry runs with the failure still in the context; the step is busy again and shows no error.
    const retrying = connect('running', { plan, running, error: new OffboardError('NETWORK_ERROR') }).view;
    expect(retrying.steps[1]).toMatchObject({ running: true, error: null });
  });

  it('says so when every step is done', async () => {
    const plan = await planOf('u-karla', { scenario: 'team-downsizing' });
    const { view } = connect({ ready: 'complete' }, { plan, userId: 'u-karla', completed: ['deactivate-license'] });
    expect(view).toMatchObject({ phase: 'complete', completeLabel: { key: 'checklist.complete' }, completed: ['deactivate-license'], needsSalespeople: false });
    // A done or not-applicable step has nothing left to press.
    expect(view.steps.map((step) => [step.status, step.action])).toEqual([
      ['not-applicable', null],
      ['not-applicable', null],
      ['done', null],
      ['done', null],
      ['not-applicable', null],
    ]);
  });

  it('R12: a member’s own checklist: each action refused as admin-only, step 3 included, without the numbers', async () => {
    const plan = await planOf('u-diego', { actorId: 'u-diego' });
    const { view, sent } = connect({ ready: 'inProgress' }, { plan }, { salespeople, offersWizard: true });
    expect(view.steps.map((step) => step.status)).toEqual(['blocked', 'blocked', 'blocked', 'blocked', 'blocked']);
    // The refusal is the member's standing, said on each button; it is no R4 block to point to step 3 for.
    // Step 3 included: its numbers are hidden from a member, so it could only "deactivate 0 numbers".
    for (const index of [0, 1, 2, 3, 4]) {
      expect(view.steps[index]!.action!.control('u-oscar')).toMatchObject({ state: 'blocked', blockedBy: { code: 'FORBIDDEN', details: { reason: 'not-admin' } } });
    }
    expect(view.steps[2]!.phoneNumbers).toEqual([]);
    view.steps[2]!.action!.control().press();
    expect(sent).toEqual([]);
    // Nothing can be handed over: no wizard, and no salespeople to load.
    expect(view.steps[0]!.action!.choosesContacts).toBe(false);
    expect(view.needsSalespeople).toBe(false);
  });

  it('R2: once the license is deactivated, steps 3–4 are done with nothing to press, and step 5’s button counts no numbers', async () => {
    const plan = await planOf('u-marta');
    const { view } = connect({ ready: 'inProgress' }, { plan, userId: 'u-marta' });
    expect(view.steps.map((step) => step.status)).toEqual(['pending', 'pending', 'done', 'done', 'pending']);
    expect(view.steps[2]!.action).toBeNull();
    expect(view.steps[3]!.action).toBeNull();
    expect(view.steps[4]!.action!.control()).toMatchObject({ state: 'ready', label: { key: 'checklist.action.deactivate-user', values: { count: 0 } } });
  });

  it('R8: a team downsizing hands nothing over, so no salespeople are loaded for it', async () => {
    const plan = await planOf('u-fernando', { scenario: 'team-downsizing' });
    const { view } = connect({ ready: 'inProgress' }, { plan, userId: 'u-fernando', scenario: 'team-downsizing' });
    expect(view.steps.map((step) => [step.status, step.action?.kind ?? null])).toEqual([
      ['not-applicable', null],
      ['not-applicable', null],
      ['done', null],
      ['pending', 'take-away'],
      ['not-applicable', null],
    ]);
    expect(view.needsSalespeople).toBe(false);
  });

  it('R15: steps 4 and 5 each show the pending schedule of their own scope; the other steps none', async () => {
    const { backend } = setup();
    const license = '2026-12-05T09:00:00.000Z';
    const user = '2026-12-20T09:00:00.000Z';
    await backend.scheduleDeactivation('u-carla', { scope: 'license', at: license }, { ...as('u-ana'), idempotencyKey: 'k-license' });
    await backend.scheduleDeactivation('u-carla', { scope: 'user', at: user }, { ...as('u-ana'), idempotencyKey: 'k-user' });
    const plan = await backend.getOffboardingPlan('u-carla', {}, as('u-ana'));
    const { view } = connect({ ready: 'inProgress' }, { plan, userId: 'u-carla' });
    expect(view.steps.map((step) => step.schedule?.label ?? null)).toEqual([
      null,
      null,
      null,
      { key: 'schedule.pending.license', values: { at: license } },
      { key: 'schedule.pending.user', values: { at: user } },
    ]);
    expect(view.steps[3]!.schedule!.cancel.request).toEqual({ kind: 'cancelSchedule', scheduleId: plan.scheduled.license!.id, expectedVersion: plan.scheduled.license!.version });
  });
});
