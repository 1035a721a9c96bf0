import { describe, expect, it } from 'vitest';
import { NO_EFFECTS, isSalesperson, type OffboardData, type Task } from '../../src';
import { createInMemoryBackend } from '../../src/inMemory';
import { demoOrganisation, withUserDeactivated } from '../../src/fixtures';
import { PLAN_REASON_CODES, planReason, type Scenario } from '../../src/rules/plan';
import { as } from '../../src/testing';

/**
 * R8's plan for the users the demo organisation holds for each case, read by an admin unless a
 * test says otherwise. Expected figures are counted from the organisation's data, not copied
 * from a plan.
 */
const demo = demoOrganisation();
const openSessions = (userId: string) => demo.sessions.filter((session) => session.userId === userId && session.endedAt === null).length;
const openTasksOf = (data: OffboardData, userId: string) => data.tasks.filter((task) => task.assigneeId === userId && task.state === 'created');
const salespeople = demo.users.filter(isSalesperson).length;

const planOf = (userId: string, options: { data?: OffboardData; scenario?: Scenario; actorId?: string; memberReads?: ('seats' | 'phone-numbers')[] } = {}) =>
  createInMemoryBackend({ data: options.data ?? demoOrganisation(), policy: { memberReads: options.memberReads ?? [] } }).getOffboardingPlan(
    userId,
    { scenario: options.scenario ?? 'employee-departure' },
    as(options.actorId ?? 'u-ana'),
  );

describe('planOffboarding (R8)', () => {
  it('R8, R2, R3: a member with no license, contacts or tasks: steps 1–2 done, nothing to move, and deactivating them only ends sign-in', async () => {
    const plan = await planOf('u-julia');
    expect(plan.refusals.reassignContacts).toMatchObject({ code: 'NO_CONTACTS', details: {} });
    expect(plan.refusals.transferTasks).toMatchObject({ code: 'OPEN_TASKS', details: { tasks: 0 } });
    expect(plan.effects.reassignContacts).toBeNull();
    expect(plan.effects.transferTasks).toBeNull();
    expect(plan.effects.deactivateLicense).toBeNull();
    // No license: no seat freed, no task handed over, no Sales Brain left.
    expect(plan.effects.deactivateUser).toEqual({ ...NO_EFFECTS, signInRevoked: true, sessionsEnded: openSessions('u-julia') });
    expect(plan.eligibleTargets).toBe(salespeople);
    expect(plan.steps.slice(0, 4)).toMatchObject([
      { id: 'reassign-contacts', status: 'done', reason: null },
      { id: 'transfer-tasks', status: 'done', reason: null },
      { id: 'check-phone-numbers', number: 3, status: 'not-applicable', reason: { code: 'NO_LICENSE', details: { id: 'u-julia' } } },
      { id: 'deactivate-license', number: 4, status: 'not-applicable', reason: { code: 'NO_LICENSE', details: { id: 'u-julia' } } },
    ]);
  });

  it('R8, R5, R6: a former salesperson whose open tasks all wait for a taker; their license is gone, so is R4', async () => {
    const plan = await planOf('u-marta');
    const waiting = openTasksOf(demo, 'u-marta');
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting.every((task) => task.transferable)).toBe(true);
    expect(plan.steps[1]).toMatchObject({ id: 'transfer-tasks', status: 'pending', reason: { code: 'TASKS_AWAITING_TAKER', details: { tasks: waiting.length } } });
    expect(plan.lastLicenseInCountry).toBeNull();
    // Her contacts are orphaned already and her seat was freed with her license.
    expect(plan.effects.deactivateUser).toEqual({ ...NO_EFFECTS, signInRevoked: true, sessionsEnded: openSessions('u-marta') });
    expect(plan.effects.reassignContacts).toEqual({ ...NO_EFFECTS, contactsMoved: plan.contacts });
    expect(plan.effects.transferTasks).toEqual({ ...NO_EFFECTS, tasksMoved: waiting.length });
  });

  it('R7: reactivating an inactive user restores sign-in, and says the license does not come back only to one who had a license', async () => {
    const plan = await planOf('u-karla');
    expect(plan.effects.reactivateUser).toEqual({ ...NO_EFFECTS, signInRestored: true, licenseNotRestored: true });
    expect(plan.effects.deactivateUser).toBeNull();
    const neverLicensed = await planOf('u-julia', { data: withUserDeactivated(demoOrganisation(), 'u-julia') });
    expect(neverLicensed.effects.reactivateUser).toEqual({ ...NO_EFFECTS, signInRestored: true, licenseNotRestored: false });
  });

  it('R8, R5: a salesperson’s eligible targets are the other salespeople; R4 blocks only the last license of a country with numbers', async () => {
    const carla = await planOf('u-carla');
    expect(carla.eligibleTargets).toBe(salespeople - 1);
    expect(carla.lastLicenseInCountry).toMatchObject({ country: 'ES', blocks: false });
    expect((await planOf('u-diego')).lastLicenseInCountry).toMatchObject({ country: 'CO', licensesInCountry: 1, blocks: true });
  });

  it('R2: deactivating a license makes transferable only the open tasks that are not transferable already', async () => {
    const data = demoOrganisation();
    const [first] = openTasksOf(data, 'u-carla');
    const tasks = data.tasks.map((task): Task => (task.id === first!.id ? { ...task, transferable: true, transferReason: 'User deactivated' } : task));
    const plan = await planOf('u-carla', { data: { ...data, tasks } });
    const open = openTasksOf(data, 'u-carla').length;
    expect(plan).toMatchObject({ openTasks: open, transferableTasks: 1 });
    expect(plan.effects.deactivateLicense?.tasksMadeTransferable).toBe(open - 1);
  });

  it('R8, R5: with no other salesperson, contacts and tasks have nowhere to go: steps 1 and 2 are blocked by NO_ELIGIBLE_TARGET', async () => {
    const data = demoOrganisation();
    const alone = { ...data, users: data.users.map((user) => (user.id === 'u-diego' ? user : { ...user, license: user.license && { ...user.license, status: 'inactive' as const } })) };
    const plan = await planOf('u-diego', { data: alone });
    expect(plan.eligibleTargets).toBe(0);
    expect(plan.refusals.reassignContacts).toMatchObject({ code: 'NO_ELIGIBLE_TARGET' });
    expect(plan.refusals.transferTasks).toMatchObject({ code: 'NO_ELIGIBLE_TARGET' });
    expect(plan.steps.slice(0, 2).map((step) => [step.status, step.reason?.code])).toEqual([
      ['blocked', 'NO_ELIGIBLE_TARGET'],
      ['blocked', 'NO_ELIGIBLE_TARGET'],
    ]);
  });

  it('R8: outside the scenario a step keeps its number and says it is not part of it', async () => {
    const plan = await planOf('u-fernando', { scenario: 'team-downsizing' });
    expect(plan.steps.map((step) => [step.number, step.id])).toEqual([
      [1, 'reassign-contacts'],
      [2, 'transfer-tasks'],
      [3, 'check-phone-numbers'],
      [4, 'deactivate-license'],
      [5, 'deactivate-user'],
    ]);
    for (const index of [0, 1, 4]) expect(plan.steps[index]).toMatchObject({ status: 'not-applicable', reason: { code: 'NOT_IN_SCENARIO' } });
  });

  it('R12: a member’s own plan shows the seats or the numbers only where the policy widens that read', async () => {
    const hidden = await planOf('u-carla', { actorId: 'u-carla' });
    expect(hidden.seats).toBeNull();
    expect(hidden.lastLicenseInCountry?.activePhoneNumbers).toEqual([]);
    const seats = await planOf('u-carla', { actorId: 'u-carla', memberReads: ['seats'] });
    expect(seats.seats).toEqual({ total: demo.seats.total, used: salespeople, available: demo.seats.total - salespeople });
    expect(seats.lastLicenseInCountry?.activePhoneNumbers).toEqual([]);
    const numbers = await planOf('u-carla', { actorId: 'u-carla', memberReads: ['phone-numbers'] });
    expect(numbers.seats).toBeNull();
    expect(numbers.lastLicenseInCountry?.activePhoneNumbers).toEqual(
      demo.phoneNumbers.filter((phoneNumber) => phoneNumber.country === 'ES' && phoneNumber.status === 'active').map(({ id, number }) => ({ id, number })),
    );
  });

  it('R8: every plan reason has a message of its own, for a client that does not translate codes', () => {
    const messages = PLAN_REASON_CODES.map((code) => planReason(code).message);
    for (const message of messages) expect(message.trim()).not.toBe('');
    expect(new Set(messages).size).toBe(PLAN_REASON_CODES.length);
  });
});
