import { assign, emit, fromPromise, setup } from 'xstate';
import type { Caller, OffboardAdapter } from '../../adapter/OffboardAdapter';
import { toOffboardError } from '../../errors/OffboardError';
import { text } from '../../i18n/text';
import type { OffboardingPlan } from '../../rules/plan';
import { planTeamDownsizing } from '../../rules/teamDownsizing';
import { deactivationArgs, initialReason, nextReason, reasonOf, reasonSatisfied } from '../reason';
import { callerContext, callerGateStates, errorOf, isRefused, loadCaller, type CallerPatch } from '../shared';
import type {
  DownsizingOutcome,
  TeamDownsizingContext,
  TeamDownsizingEmitted,
  TeamDownsizingEvent,
  TeamDownsizingInput,
} from './teamDownsizing.types';

/**
 * Deactivates each license the preview allows, one after another, each its own atomic change
 * with its own key. Users already done are not sent again; the rest report their own outcome.
 */
export async function runDownsizing(
  adapter: OffboardAdapter,
  context: Pick<TeamDownsizingContext, 'caller' | 'plans' | 'preview' | 'keys' | 'outcomes' | 'reason'>,
): Promise<Record<string, DownsizingOutcome>> {
  const outcomes: Record<string, DownsizingOutcome> = { ...context.outcomes };
  const reason = reasonOf(context.reason);
  for (const entry of context.preview?.entries ?? []) {
    if (outcomes[entry.userId]?.status === 'done') continue;
    if (entry.refusal) {
      outcomes[entry.userId] = { status: 'skipped', error: null };
      continue;
    }
    const plan = context.plans.find((candidate) => candidate.user.id === entry.userId)!;
    try {
      const change = await adapter.deactivateLicense(
        entry.userId,
        ...deactivationArgs(reason, { ...context.caller, idempotencyKey: context.keys[entry.userId]!, expectedVersion: plan.user.version }),
      );
      outcomes[entry.userId] = { status: 'done', change };
    } catch (thrown) {
      const error = toOffboardError(thrown);
      outcomes[entry.userId] = { status: error.retryable ? 'failed' : 'refused', error };
    }
  }
  return outcomes;
}

/**
 * Team downsizing (R8): one combined preview of several license deactivations (the batch's own
 * R4 included), one confirmation, then each license in turn. A transport failure leaves the
 * others done and offers a retry of the rest under the same keys.
 */
export const teamDownsizingMachine = setup({
  types: {} as {
    context: TeamDownsizingContext;
    input: TeamDownsizingInput;
    events: TeamDownsizingEvent;
    emitted: TeamDownsizingEmitted;
  },
  actors: {
    loadCaller,
    loadPlans: fromPromise<OffboardingPlan[], { adapter: OffboardAdapter; caller: Caller; userIds: readonly string[] }>(({ input }) =>
      Promise.all(input.userIds.map((userId) => input.adapter.getOffboardingPlan(userId, { scenario: 'team-downsizing' }, input.caller))),
    ),
    deactivateLicenses: fromPromise<Record<string, DownsizingOutcome>, { adapter: OffboardAdapter; context: TeamDownsizingContext }>(({ input }) =>
      runDownsizing(input.adapter, input.context),
    ),
  },
  guards: {
    /** Something to deactivate, and the reason the policy requires (R14). Only `previewing` asks, and it is entered with the preview. */
    hasAllowed: ({ context }) => context.preview!.allowed > 0 && reasonSatisfied(context.reason, context.requireReason),
    hasFailures: ({ context }) => Object.values(context.outcomes).some((outcome) => outcome.status === 'failed'),
    isRefused,
  },
  actions: {
    patchCaller: assign((_, patch: CallerPatch) => patch),
  },
}).createMachine({
  id: 'teamDownsizing',
  context: ({ input }) => ({
    // R9: only an admin (or a service) frees licenses; nobody else's batch reads a plan.
    ...callerContext(input, { standing: 'admin' }),
    userIds: input.userIds,
    plans: [],
    preview: null,
    keys: {},
    outcomes: {},
    requireReason: input.requireReason ?? false,
    reason: initialReason('team-downsizing'),
  }),
  initial: 'checking',
  states: {
    ...callerGateStates('loading'),
    loading: {
      invoke: {
        src: 'loadPlans',
        input: ({ context }) => context,
        onDone: {
          target: 'previewing',
          actions: assign({ plans: ({ event }) => event.output, preview: ({ event }) => planTeamDownsizing(event.output), error: null }),
        },
        onError: { target: 'loadFailed', actions: assign({ error: errorOf }) },
      },
    },
    previewing: {
      on: {
        CONFIRM: {
          guard: 'hasAllowed',
          target: 'running',
          actions: assign({ keys: ({ context }) => Object.fromEntries(context.userIds.map((userId) => [userId, context.createKey()])) }),
        },
        // Only before the run: every license of the batch, and every retry, carries the one reason confirmed.
        SET_REASON: { actions: assign({ reason: ({ context, event }) => nextReason(context.reason, event) }) },
        REFRESH: 'loading',
      },
    },
    running: {
      invoke: {
        src: 'deactivateLicenses',
        input: ({ context }) => ({ adapter: context.adapter, context }),
        onDone: {
          target: 'settled',
          actions: [
            emit(({ context, event }) => {
              // Only the licenses this run deactivated: those done before were announced then.
              const results = Object.entries(event.output).flatMap(([userId, outcome]) =>
                outcome.status === 'done' && context.outcomes[userId]?.status !== 'done' ? [outcome.change] : [],
              );
              return { type: 'changed' as const, results, announcement: text('downsizing.done', { count: results.length }) };
            }),
            assign({ outcomes: ({ event }) => event.output }),
          ],
        },
      },
    },
    settled: {
      always: [{ guard: 'hasFailures', target: 'partial' }, { target: 'done' }],
    },
    partial: {
      on: { RETRY: 'running' },
    },
    done: {
      on: { REFRESH: { target: 'loading', actions: assign({ keys: {}, outcomes: {} }) } },
    },
  },
});
