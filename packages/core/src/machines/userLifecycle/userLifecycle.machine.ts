import { assign, emit, fromPromise, setup } from 'xstate';
import type { Caller, OffboardAdapter, ScheduleChange, UserChange } from '../../adapter/OffboardAdapter';
import type { ScheduleScope } from '../../domain/schedules';
import { hasActiveLicense } from '../../domain/types';
import type { OffboardingPlan, PlanAction } from '../../rules/plan';
import { deactivationArgs, initialReason, nextReason, reasonOf, reasonSatisfied } from '../reason';
import { DEFAULT_SCHEDULE_TIME, nextSchedule, scheduleHold, scheduleInstant, scheduleRefusals } from '../schedule';
import { callerContext, callerGateStates, errorOf, isRefused, isRetryable, loadCaller, planLoadingState, type CallerGate, type CallerPatch, type PlanRequest } from '../shared';
import type { SetReasonEvent } from '../reason';
import type { SetScheduleEvent } from '../schedule';
import type { LifecycleGate, LifecycleAction, PendingLifecycleAction, UserLifecycleContext, UserLifecycleEmitted, UserLifecycleEvent, UserLifecycleInput } from './userLifecycle.types';

/** R14: the actions that take something away carry a reason; assigning and activating do not. */
export const takesReason = (action: LifecycleAction | PendingLifecycleAction | null): boolean =>
  action !== null && (action.type === 'deactivateLicense' || action.type === 'deactivateUser' || action.type === 'scheduleDeactivation');

/** Runs a confirmed action against the adapter; the key, the version and the reason travel with it (R11, R14). */
export function runLifecycleAction(adapter: OffboardAdapter, caller: Caller, userId: string, pending: PendingLifecycleAction): Promise<UserChange | ScheduleChange> {
  const context = { ...caller, idempotencyKey: pending.idempotencyKey, expectedVersion: pending.expectedVersion };
  switch (pending.type) {
    case 'deactivateLicense':
      return adapter.deactivateLicense(userId, ...deactivationArgs(pending.reason, context));
    case 'deactivateUser':
      return adapter.deactivateUser(userId, ...deactivationArgs(pending.reason, context));
    case 'scheduleDeactivation':
      return adapter.scheduleDeactivation(userId, { scope: pending.scope, at: pending.at, ...(pending.reason ? { reason: pending.reason } : {}) }, context);
    case 'reactivateUser':
      return adapter.reactivateUser(userId, context);
    case 'assignLicense':
      return adapter.assignLicense(userId, { country: pending.country }, context);
  }
}

/**
 * What the caller must be allowed before the machine reads anything: `plan` asks R12 (another
 * user's plan is admin-only), `admin` asks R9's standing (a menu of changes offers a non-admin
 * nothing). The UI never asks what it would be refused.
 */
export function lifecycleGate(gate: LifecycleGate, userId: string): CallerGate {
  return gate === 'admin' ? { standing: 'admin' } : { read: { read: 'plan', userId } };
}

/**
 * One user's lifecycle: licensed ⇄ unlicensed ⇄ inactive. Every action goes through a confirm
 * step that shows the plan's effects, then a submit with a typed failure and a retry that reuses
 * the same idempotency key. The guards read the refusals the core's rules computed for this
 * actor, so the machine never offers what the backend would refuse.
 */
export const userLifecycleMachine = setup({
  types: {} as {
    context: UserLifecycleContext;
    input: UserLifecycleInput;
    events: UserLifecycleEvent;
    emitted: UserLifecycleEmitted;
  },
  actors: {
    loadCaller,
    loadPlan: fromPromise<OffboardingPlan, PlanRequest>(({ input }) => input.adapter.getOffboardingPlan(input.userId, {}, input.caller)),
    submitAction: fromPromise<UserChange | ScheduleChange, { adapter: OffboardAdapter; caller: Caller; userId: string; pending: PendingLifecycleAction }>(
      ({ input }) => runLifecycleAction(input.adapter, input.caller, input.userId, input.pending),
    ),
  },
  guards: {
    /** R3: an inactive user can only be reactivated (R7). */
    isInactive: ({ context }) => context.plan?.user.status === 'inactive',
    /** R2 applies only to a user holding an active license. */
    holdsActiveLicense: ({ context }) => context.plan !== null && hasActiveLicense(context.plan.user),
    /** R2–R9 as the core judged them for this actor: no refusal, the action is offered. */
    isAllowed: ({ context }, params: { action: PlanAction }) => context.plan !== null && context.plan.refusals[params.action] === null,
    /** R15, judged now as the backend would: the standing, a license to take, no pending one of the scope. */
    canSchedule: ({ context }, params: { scope: ScheduleScope }) => context.plan !== null && scheduleRefusals(context.plan)[params.scope] === null,
    /** What the confirmation lacks is refused before anything is sent: a reason the policy requires (R14), a future instant (R15). */
    isComplete: ({ context }) =>
      (!takesReason(context.pending) || reasonSatisfied(context.reason, context.requireReason)) &&
      (context.schedule === null || scheduleHold(context.schedule, context.now()) === null),
    /** After a refusal the request may change: a new confirmation is a new request. */
    isRefusal: ({ context }) => context.error !== null && !context.error.retryable,
    isRetryable,
    isRefused,
  },
  actions: {
    patchCaller: assign((_, patch: CallerPatch) => patch),
    keepPlan: assign((_, plan: OffboardingPlan) => ({ plan, error: null })),
    choose: assign((_, action: LifecycleAction) => ({ pending: action, reason: initialReason(), schedule: null, error: null })),
    openSchedule: assign((_, scope: ScheduleScope) => ({
      pending: { type: 'scheduleDeactivation' } as const,
      reason: initialReason(),
      schedule: { scope, date: '', time: DEFAULT_SCHEDULE_TIME },
      error: null,
    })),
    setReason: assign(({ context }, event: SetReasonEvent) => ({ reason: nextReason(context.reason, event), error: null })),
    setSchedule: assign(({ context }, event: SetScheduleEvent) => ({ schedule: context.schedule && nextSchedule(context.schedule, event), error: null })),
    seal: assign({
      pending: ({ context }): PendingLifecycleAction => {
        const reason = takesReason(context.pending) ? reasonOf(context.reason) : undefined;
        const sealed = { idempotencyKey: context.createKey(), expectedVersion: context.plan!.user.version, ...(reason ? { reason } : {}) };
        const pending = context.pending as LifecycleAction;
        return pending.type === 'scheduleDeactivation'
          ? { type: pending.type, scope: context.schedule!.scope, at: scheduleInstant(context.schedule!)!.toISOString(), ...sealed }
          : { ...pending, ...sealed };
      },
    }),
    forget: assign({ pending: null, schedule: null, error: null }),
  },
}).createMachine({
  id: 'userLifecycle',
  context: ({ input }) => ({
    ...callerContext(input, lifecycleGate(input.gate ?? 'plan', input.userId)),
    userId: input.userId,
    plan: null,
    pending: null,
    lastChange: null,
    requireReason: input.requireReason ?? false,
    reason: initialReason(),
    schedule: null,
    now: input.now ?? (() => new Date()),
  }),
  initial: 'checking',
  states: {
    ...callerGateStates('loading'),
    loading: planLoadingState,
    ready: {
      initial: 'routing',
      on: {
        REFRESH: 'loading',
        // R15, from any ready state: an inactive user is refused by the guard (ALREADY_INACTIVE), as the backend would.
        SCHEDULE_DEACTIVATION: {
          guard: { type: 'canSchedule', params: ({ event }) => ({ scope: event.scope }) },
          target: 'confirming',
          actions: { type: 'openSchedule', params: ({ event }) => event.scope },
        },
      },
      states: {
        routing: {
          always: [{ guard: 'isInactive', target: 'inactive' }, { guard: 'holdsActiveLicense', target: 'licensed' }, { target: 'unlicensed' }],
        },
        licensed: {
          on: {
            DEACTIVATE_LICENSE: {
              guard: { type: 'isAllowed', params: { action: 'deactivateLicense' } },
              target: '#userLifecycle.confirming',
              actions: { type: 'choose', params: { type: 'deactivateLicense' } },
            },
            DEACTIVATE_USER: {
              guard: { type: 'isAllowed', params: { action: 'deactivateUser' } },
              target: '#userLifecycle.confirming',
              actions: { type: 'choose', params: { type: 'deactivateUser' } },
            },
          },
        },
        unlicensed: {
          on: {
            ASSIGN_LICENSE: {
              guard: { type: 'isAllowed', params: { action: 'assignLicense' } },
              target: '#userLifecycle.confirming',
              actions: { type: 'choose', params: ({ event }) => ({ type: 'assignLicense', country: event.country }) },
            },
            DEACTIVATE_USER: {
              guard: { type: 'isAllowed', params: { action: 'deactivateUser' } },
              target: '#userLifecycle.confirming',
              actions: { type: 'choose', params: { type: 'deactivateUser' } },
            },
          },
        },
        inactive: {
          on: {
            REACTIVATE_USER: {
              guard: { type: 'isAllowed', params: { action: 'reactivateUser' } },
              target: '#userLifecycle.confirming',
              actions: { type: 'choose', params: { type: 'reactivateUser' } },
            },
          },
        },
      },
    },
    confirming: {
      on: {
        CONFIRM: { guard: 'isComplete', target: 'submitting', actions: 'seal' },
        CANCEL: { target: 'ready', actions: 'forget' },
        SET_REASON: { actions: { type: 'setReason', params: ({ event }) => event } },
        SET_SCHEDULE: {
          guard: { type: 'canSchedule', params: ({ context, event }) => ({ scope: event.scope ?? context.schedule?.scope ?? 'user' }) },
          actions: { type: 'setSchedule', params: ({ event }) => event },
        },
      },
    },
    submitting: {
      invoke: {
        id: 'submitAction',
        src: 'submitAction',
        input: ({ context }) => ({
          adapter: context.adapter,
          caller: context.caller,
          userId: context.userId,
          pending: context.pending as PendingLifecycleAction,
        }),
        onDone: {
          target: 'loading',
          actions: [
            assign({ lastChange: ({ event }) => event.output, pending: null, error: null }),
            emit(({ event }) => ({ type: 'changed' as const, results: [event.output] })),
          ],
        },
        onError: { target: 'failed', actions: assign({ error: errorOf }) },
      },
    },
    failed: {
      on: {
        RETRY: { guard: 'isRetryable', target: 'submitting' },
        CANCEL: { target: 'loading', actions: 'forget' },
        // A refused request (REASON_REQUIRED, SCHEDULE_CONFLICT, a past instant) is fixed and confirmed anew, under a new key.
        SET_REASON: { guard: 'isRefusal', target: 'confirming', actions: { type: 'setReason', params: ({ event }) => event } },
        SET_SCHEDULE: { guard: 'isRefusal', target: 'confirming', actions: { type: 'setSchedule', params: ({ event }) => event } },
      },
    },
  },
});
