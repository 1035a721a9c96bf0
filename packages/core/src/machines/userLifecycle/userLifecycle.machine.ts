import { assign, emit, fromPromise, setup } from 'xstate';
import type { Caller, OffboardAdapter, UserChange } from '../../adapter/OffboardAdapter';
import { hasActiveLicense } from '../../domain/types';
import { toOffboardError } from '../../errors/OffboardError';
import type { OffboardingPlan, PlanAction } from '../../rules/plan';
import { newIdempotencyKey } from '../idempotencyKey';
import type {
  LifecycleAction,
  PendingLifecycleAction,
  UserLifecycleContext,
  UserLifecycleEmitted,
  UserLifecycleEvent,
  UserLifecycleInput,
} from './userLifecycle.types';

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
    loadPlan: fromPromise<OffboardingPlan, { adapter: OffboardAdapter; caller: Caller; userId: string }>(({ input }) =>
      input.adapter.getOffboardingPlan(input.userId, {}, input.caller),
    ),
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
    /** Transport failures may pass on retry; a rule's refusal needs a fresh look first. */
    isRetryable: ({ context }) => context.error?.retryable === true,
  },
  actions: {
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
    adapter: input.adapter,
    caller: input.caller,
    userId: input.userId,
    createKey: input.createKey ?? newIdempotencyKey,
    plan: null,
    pending: null,
    error: null,
    lastChange: null,
  }),
  initial: 'loading',
  states: {
    loading: {
      invoke: {
        id: 'loadPlan',
        src: 'loadPlan',
        input: ({ context }) => ({ adapter: context.adapter, caller: context.caller, userId: context.userId }),
        onDone: { target: 'ready', actions: assign({ plan: ({ event }) => event.output, error: null }) },
        onError: { target: 'loadFailed', actions: assign({ error: ({ event }) => toOffboardError(event.error) }) },
      },
    },
    loadFailed: {
      on: { RETRY: 'loading' },
    },
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
            emit(({ event }) => ({ type: 'changed' as const, change: event.output })),
          ],
        },
        onError: { target: 'failed', actions: assign({ error: ({ event }) => toOffboardError(event.error) }) },
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
