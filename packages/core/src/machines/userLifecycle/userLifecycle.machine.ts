import { assign, emit, fromPromise, setup } from 'xstate';
import type { Caller, OffboardAdapter, UserChange } from '../../adapter/OffboardAdapter';
import { hasActiveLicense } from '../../domain/types';
import type { OffboardingPlan, PlanAction } from '../../rules/plan';
import { callerContext, callerGateStates, errorOf, isRefused, isRetryable, loadCaller, planLoadingState, type CallerGate, type CallerPatch, type PlanRequest } from '../shared';
import type { LifecycleGate, LifecycleAction, PendingLifecycleAction, UserLifecycleContext, UserLifecycleEmitted, UserLifecycleEvent, UserLifecycleInput } from './userLifecycle.types';

/** Runs a confirmed action against the adapter; the key and version travel with it (R11). */
export function runLifecycleAction(adapter: OffboardAdapter, caller: Caller, userId: string, pending: PendingLifecycleAction): Promise<UserChange> {
  const context = { ...caller, idempotencyKey: pending.idempotencyKey, expectedVersion: pending.expectedVersion };
  switch (pending.type) {
    case 'deactivateLicense':
      return adapter.deactivateLicense(userId, context);
    case 'deactivateUser':
      return adapter.deactivateUser(userId, context);
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
    submitAction: fromPromise<UserChange, { adapter: OffboardAdapter; caller: Caller; userId: string; pending: PendingLifecycleAction }>(
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
    isRetryable,
    isRefused,
  },
  actions: {
    patchCaller: assign((_, patch: CallerPatch) => patch),
    keepPlan: assign((_, plan: OffboardingPlan) => ({ plan, error: null })),
    choose: assign({ pending: (_, action: LifecycleAction) => action, error: null }),
    seal: assign({
      pending: ({ context }) =>
        ({ ...context.pending!, idempotencyKey: context.createKey(), expectedVersion: context.plan!.user.version }) as PendingLifecycleAction,
    }),
    forget: assign({ pending: null, error: null }),
  },
}).createMachine({
  id: 'userLifecycle',
  context: ({ input }) => ({
    ...callerContext(input, lifecycleGate(input.gate ?? 'plan', input.userId)),
    userId: input.userId,
    plan: null,
    pending: null,
    lastChange: null,
  }),
  initial: 'checking',
  states: {
    ...callerGateStates('loading'),
    loading: planLoadingState,
    ready: {
      initial: 'routing',
      on: { REFRESH: 'loading' },
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
        CONFIRM: { target: 'submitting', actions: 'seal' },
        CANCEL: { target: 'ready', actions: 'forget' },
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
      },
    },
  },
});
