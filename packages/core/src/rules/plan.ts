import { isService, type Caller } from '../adapter/context';
import { hasActiveLicense, isSalesperson, type SeatUsage, type User } from '../domain/types';
import { OffboardError, type ErrorCode, type ErrorDetails } from '../errors/OffboardError';
import {
  assignLicenseRefusal,
  deactivateLicenseRefusal,
  deactivateUserRefusal,
  lastLicenseBlockingNumbers,
  lastLicenseRefusal,
  reactivateUserRefusal,
  standingRefusal,
  type Refusal,
} from './guards';
import { pendingSchedulesFor, type PendingSchedules } from './pendingSchedules';
import { readRefusalOf } from './readAccess';
import { NO_EFFECTS, type EffectPreview } from './effects';
import type { OffboardReadModel } from './readModel';

export const SCENARIOS = ['employee-departure', 'role-change', 'team-downsizing'] as const;
export type Scenario = (typeof SCENARIOS)[number];
/** The scenario a plan is computed for when none is named: an employee leaving walks every step. */
export const DEFAULT_SCENARIO: Scenario = 'employee-departure';

/** R8: the article's five steps, in its order. */
export const STEP_IDS = [
  'reassign-contacts',
  'transfer-tasks',
  'check-phone-numbers',
  'deactivate-license',
  'deactivate-user',
] as const;
export type StepId = (typeof STEP_IDS)[number];
export const STEP_STATUSES = ['done', 'pending', 'blocked', 'not-applicable'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

/** R8 scenarios: departure walks every step, role change keeps access, downsizing only frees seats. */
export const SCENARIO_STEPS: Record<Scenario, readonly StepId[]> = {
  'employee-departure': STEP_IDS,
  'role-change': ['reassign-contacts', 'transfer-tasks', 'check-phone-numbers', 'deactivate-license'],
  'team-downsizing': ['check-phone-numbers', 'deactivate-license'],
};

/** Why a step is pending, blocked or skipped, beyond the error codes a refusal carries. */
export const PLAN_REASON_CODES = [
  'CONTACTS_TO_REASSIGN',
  'OPEN_TASKS',
  'TASKS_AWAITING_TAKER',
  'NO_ELIGIBLE_TARGET',
  'NO_CONTACTS',
  'NOT_IN_SCENARIO',
  'AFTER_STEP',
] as const;
export type PlanReasonCode = (typeof PLAN_REASON_CODES)[number];
export type ReasonCode = ErrorCode | PlanReasonCode;

/** A reason as data, so it crosses HTTP and a UI translates it by `code`. */
export interface Reason {
  readonly code: ReasonCode;
  readonly message: string;
  readonly details: ErrorDetails;
}

const PLAN_REASON_MESSAGES: Record<PlanReasonCode, string> = {
  CONTACTS_TO_REASSIGN: 'Contacts still belong to this user.',
  OPEN_TASKS: 'This user has open tasks.',
  TASKS_AWAITING_TAKER: 'Open tasks are waiting for a salesperson to take them.',
  NO_ELIGIBLE_TARGET: 'There is no other active salesperson to receive them.',
  NO_CONTACTS: 'This user owns no contacts.',
  NOT_IN_SCENARIO: 'Not part of this scenario.',
  AFTER_STEP: 'An earlier step must be done first.',
};

export function planReason(code: PlanReasonCode, details: ErrorDetails = {}): Reason {
  return { code, message: PLAN_REASON_MESSAGES[code], details };
}

export function refusalReason(error: OffboardError): Reason {
  return { code: error.code, message: error.message, details: error.details };
}

export interface PlanStep {
  readonly id: StepId;
  /** 1–5, the article's order. */
  readonly number: number;
  readonly status: StepStatus;
  readonly reason: Reason | null;
}

export type PlanAction = 'deactivateLicense' | 'assignLicense' | 'deactivateUser' | 'reactivateUser' | 'reassignContacts' | 'transferTasks';

export interface OffboardingPlan {
  readonly scenario: Scenario;
  readonly actorId: string;
  readonly user: User;
  /** Contacts the user owns (R5: to reassign). */
  readonly contacts: number;
  /** Tasks in state `created` assigned to the user, and how many of them are transferable. */
  readonly openTasks: number;
  readonly transferableTasks: number;
  readonly salesBrains: readonly { readonly id: string; readonly name: string }[];
  /** R4 for the user's active license; `null` without one. The numbers are left out for a caller who may not read them (R12). */
  readonly lastLicenseInCountry: {
    readonly country: string;
    readonly licensesInCountry: number;
    readonly activePhoneNumbers: readonly { readonly id: string; readonly number: string }[];
    readonly blocks: boolean;
  } | null;
  /** `null` when the caller may not read the organisation's seats (R12: a member's own plan). */
  readonly seats: SeatUsage | null;
  /** Salespeople other than this user, who could receive contacts and tasks. */
  readonly eligibleTargets: number;
  /** `null` when the actor may do it now, else why not. */
  readonly refusals: Readonly<Record<PlanAction, Reason | null>>;
  /** What each action would do (R2, R3, R5, R7, R8 step 2); `null` where the action does not apply to this user. */
  readonly effects: Readonly<Record<PlanAction, EffectPreview | null>>;
  readonly steps: readonly PlanStep[];
  /** R15: the deactivations scheduled for this user and still pending, by scope (admin-only, R12). */
  readonly scheduled: PendingSchedules;
}

const asReason = (refusal: Refusal): Reason | null => (refusal ? refusalReason(refusal) : null);

/** R4's reason as a caller who may not read the numbers sees it: that it blocks, not which numbers. */
function withoutNumbers(reason: Reason | null, seesNumbers: boolean): Reason | null {
  if (!reason || seesNumbers) return reason;
  const { phoneNumbers: _hidden, ...details } = reason.details;
  return { ...reason, details };
}

/** R2's effects, which R3 includes when the user still holds an active license. */
function licenseEffects(user: User, contacts: number, tasksMadeTransferable: number, salesBrains: EffectPreview['salesBrainsLeft']): EffectPreview {
  if (!hasActiveLicense(user)) return NO_EFFECTS;
  return {
    ...NO_EFFECTS,
    // R5: contacts stay put and become orphaned once their owner is no longer a salesperson.
    contactsOrphaned: isSalesperson(user) ? contacts : 0,
    tasksMadeTransferable,
    salesBrainsLeft: salesBrains,
    seatsFreed: 1,
  };
}

/**
 * R8: the offboarding plan of a user as seen by a caller, computed without changing anything.
 * Each step is `done` when its goal holds, `blocked` when the guard of its action refuses (with
 * that refusal as the reason), `pending` otherwise, and `not-applicable` outside the scenario.
 * Who may read it (R12) is the backend's to check first.
 */
export async function planOffboarding(
  model: OffboardReadModel,
  userId: string,
  caller: Caller,
  scenario: Scenario = DEFAULT_SCENARIO,
): Promise<OffboardingPlan> {
  const user = await model.findUser(userId);
  if (!user) throw new OffboardError('NOT_FOUND', { entity: 'user', id: userId });
  // R12: a member reading their own plan learns nothing of the organisation's seats and numbers.
  const actor = isService(caller) ? undefined : await model.findUser(caller.actorId);
  const sees = (read: 'seats' | 'phone-numbers') => readRefusalOf(actor, caller, model.policy, { read }) === null;
  const [seesSeats, seesNumbers] = [sees('seats'), sees('phone-numbers')];

  const [contacts, { open: openTasks, transferable: transferableTasks }, salespeople, blockingNumbers, brains, actorOnUser, seats] =
    await Promise.all([
      model.contactCount(userId),
      model.openTaskCount(userId),
      model.salespersonCount(),
      lastLicenseBlockingNumbers(model, user),
      model.salesBrainsOf(userId),
      standingRefusal(model, caller, 'admin').then(asReason),
      model.seatUsage(),
    ]);
  const eligibleTargets = salespeople - (isSalesperson(user) ? 1 : 0);
  const salesBrains = brains.map(({ id, name }) => ({ id, name }));

  const [deactivateLicense, assignLicense, deactivateUser, reactivateUser] = await Promise.all([
    deactivateLicenseRefusal(model, caller, userId).then(asReason),
    assignLicenseRefusal(model, caller, userId).then(asReason),
    deactivateUserRefusal(model, caller, userId).then(asReason),
    reactivateUserRefusal(model, caller, userId).then(asReason),
  ]);
  const refusals: Record<PlanAction, Reason | null> = {
    deactivateLicense,
    assignLicense,
    deactivateUser,
    reactivateUser,
    reassignContacts:
      actorOnUser ?? (contacts === 0 ? planReason('NO_CONTACTS') : eligibleTargets === 0 ? planReason('NO_ELIGIBLE_TARGET') : null),
    transferTasks:
      actorOnUser ?? (openTasks === 0 ? planReason('OPEN_TASKS', { tasks: 0 }) : eligibleTargets === 0 ? planReason('NO_ELIGIBLE_TARGET') : null),
  };

  const license = licenseEffects(user, contacts, openTasks - transferableTasks, salesBrains);
  const active = user.status === 'active';
  const effects: Record<PlanAction, EffectPreview | null> = {
    deactivateLicense: hasActiveLicense(user) ? license : null,
    deactivateUser: active ? { ...license, signInRevoked: true, sessionsEnded: await model.openSessionCount(userId) } : null,
    // R7: sign-in comes back, a license does not.
    reactivateUser: active ? null : { ...NO_EFFECTS, signInRestored: true, licenseNotRestored: user.license !== null },
    // R7: a seat is taken, and the user's own waiting tasks are theirs again.
    assignLicense:
      active && !hasActiveLicense(user)
        ? { ...NO_EFFECTS, tasksNoLongerTransferable: transferableTasks, seatsAfter: seesSeats ? { used: seats.used + 1, total: seats.total } : null }
        : null,
    reassignContacts: contacts > 0 ? { ...NO_EFFECTS, contactsMoved: contacts } : null,
    transferTasks: openTasks > 0 ? { ...NO_EFFECTS, tasksMoved: openTasks } : null,
  };

  const inScenario = new Set(SCENARIO_STEPS[scenario]);
  const step = (id: StepId, status: StepStatus, reason: Reason | null = null): PlanStep =>
    inScenario.has(id)
      ? { id, number: STEP_IDS.indexOf(id) + 1, status, reason }
      : { id, number: STEP_IDS.indexOf(id) + 1, status: 'not-applicable', reason: planReason('NOT_IN_SCENARIO') };
  const actionStep = (id: StepId, done: boolean, refusal: Reason | null, pending: Reason | null): PlanStep =>
    done ? step(id, 'done') : refusal ? step(id, 'blocked', refusal) : step(id, 'pending', pending);
  const noLicense = user.license === null;
  const neverLicensed = refusalReason(new OffboardError('NO_LICENSE', { id: userId }));
  const lastLicense = withoutNumbers(asReason(await lastLicenseRefusal(model, user)), seesNumbers);

  const steps: PlanStep[] = [
    actionStep('reassign-contacts', contacts === 0, refusals.reassignContacts, planReason('CONTACTS_TO_REASSIGN', { contacts })),
    actionStep(
      'transfer-tasks',
      openTasks === 0,
      refusals.transferTasks,
      transferableTasks === openTasks
        ? planReason('TASKS_AWAITING_TAKER', { tasks: openTasks })
        : planReason('OPEN_TASKS', { tasks: openTasks, transferable: transferableTasks }),
    ),
    noLicense
      ? step('check-phone-numbers', 'not-applicable', neverLicensed)
      : blockingNumbers.length > 0
        ? // Deactivating the numbers is an admin's change as much as the steps around it (R9).
          actionStep('check-phone-numbers', false, actorOnUser, lastLicense)
        : step('check-phone-numbers', 'done'),
    noLicense
      ? step('deactivate-license', 'not-applicable', neverLicensed)
      : actionStep('deactivate-license', !hasActiveLicense(user), refusals.deactivateLicense, null),
    actionStep('deactivate-user', user.status === 'inactive', refusals.deactivateUser, null),
  ];

  return {
    scenario,
    actorId: caller.actorId,
    user,
    contacts,
    openTasks,
    transferableTasks,
    salesBrains,
    lastLicenseInCountry:
      user.license && hasActiveLicense(user)
        ? {
            country: user.license.country,
            licensesInCountry: await model.activeLicenseCount(user.license.country),
            activePhoneNumbers: seesNumbers ? (await model.activePhoneNumbers(user.license.country)).map(({ id, number }) => ({ id, number })) : [],
            blocks: blockingNumbers.length > 0,
          }
        : null,
    seats: seesSeats ? seats : null,
    eligibleTargets,
    refusals,
    effects,
    steps,
    scheduled: await pendingSchedulesFor(model, caller, userId),
  };
}
