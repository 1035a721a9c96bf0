import { describe, expect, it } from 'vitest';
import { connectOffboarding, initialReason, offboardingMachine, type OffboardingContext } from '../../src/machines';
import { demoOrganisation } from '../../src/fixtures';
import { callerOf, planOf, recorder, snapshotOf } from './connectHelpers';

/** Diego holds Colombia's last license, with its two numbers, and is an admin here. */
const diegoAdmin = () => {
  const data = demoOrganisation();
  return { ...data, users: data.users.map((user) => (user.id === 'u-diego' ? { ...user, role: 'admin' as const } : user)) };
};

describe('connectOffboarding: why a blocked step is blocked', () => {
  it('R4, R9: only R4’s block points to step 3; a step blocked for another reason while step 3 is pending says its own', async () => {
    const plan = await planOf('u-diego', { data: diegoAdmin, actorId: 'u-diego' });
    const context: OffboardingContext = {
      ...callerOf('u-diego', { read: { read: 'plan', userId: 'u-diego' } }),
      userId: 'u-diego',
      scenario: 'employee-departure',
      plan,
      asking: null,
      requireReason: false,
      reason: initialReason('employee-departure'),
      running: null,
      completed: [],
    };
    const { send } = recorder();
    const view = connectOffboarding(snapshotOf(offboardingMachine, { ready: 'inProgress' }, context), send, { salespeople: undefined });
    // R4's numbers are pending in step 3, but steps 4 and 5 are held by R9 (no admin deactivates
    // themselves), which deactivating the numbers would not lift: they say so, not "after step 3".
    expect(view.steps.map((step) => [step.id, step.status, step.action?.control(null).blockedBy?.code ?? null])).toEqual([
      ['reassign-contacts', 'pending', null],
      ['transfer-tasks', 'pending', null],
      ['check-phone-numbers', 'pending', null],
      ['deactivate-license', 'blocked', 'CANNOT_DEACTIVATE_SELF'],
      ['deactivate-user', 'blocked', 'CANNOT_DEACTIVATE_SELF'],
    ]);
  });
});
