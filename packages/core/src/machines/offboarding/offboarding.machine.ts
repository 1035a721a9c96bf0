import { assign, emit, fromPromise, setup } from 'xstate';
import type { Caller, OffboardAdapter } from '../../adapter/OffboardAdapter';
import { text } from '../../i18n/text';
import { DEFAULT_SCENARIO, STEP_IDS, type OffboardingPlan } from '../../rules/plan';
import type { ChangeResult } from '../changes';
import { deactivatePhoneNumbers } from '../keyedAction/keyedAction.machine';
import { deactivationArgs, initialReason, nextReason, reasonOf, reasonSatisfied } from '../reason';
import { callerContext, callerGateStates, errorOf, isRefused, isRetryable, loadCaller, planLoadingState, type CallerPatch, type PlanRequest } from '../shared';
import type { OffboardingContext, OffboardingEmitted, OffboardingEvent, OffboardingInput, RunningStep, StepRequest } from './offboarding.types';

/**
 * Performs one R8 step and returns what it changed. Step 3 may deactivate several numbers: each
 * gets its own key derived from the step's, so a retry replays the ones already done and finishes
 * the rest.
 */
export async function runStep(adapter: OffboardAdapter, caller: Caller, userId: string, running: RunningStep): Promise<ChangeResult[]> {
  const { request, idempotencyKey, expectedVersion } = running;
  switch (request.step) {
    case 'reassign-contacts':
      return [
        await adapter.reassignContacts(
          { fromOwnerId: userId, toUserIds: request.toUserIds, ...(request.contactIds ? { contactIds: request.contactIds } : {}) },
          { ...caller, idempotencyKey },
        ),
      ];
    case 'transfer-tasks':
      return [await adapter.transferTasks({ fromUserId: userId, toUserId: request.toUserId }, { ...caller, idempotencyKey })];
    case 'check-phone-numbers':
      return deactivatePhoneNumbers(adapter, caller, request.phoneNumberIds ?? [], idempotencyKey);
    case 'deactivate-license':
      return [await adapter.deactivateLicense(userId, ...deactivationArgs(request.reason, { ...caller, idempotencyKey, expectedVersion }))];
    case 'deactivate-user':
      return [await adapter.deactivateUser(userId, ...deactivationArgs(request.reason, { ...caller, idempotencyKey, expectedVersion }))];
  }
}

/** Fills what a request leaves to the plan, so the running step is complete data to resume from. */
function completeRequest(request: StepRequest, plan: OffboardingPlan): StepRequest {
  if (request.step !== 'check-phone-numbers' || request.phoneNumberIds) return request;
  return { step: request.step, phoneNumberIds: plan.lastLicenseInCountry?.activePhoneNumbers.map((phoneNumber) => phoneNumber.id) ?? [] };
}

type DeactivationStep = Extract<StepRequest, { readonly step: 'deactivate-license' | 'deactivate-user' }>;
const isDeactivation = (request: StepRequest | null): request is DeactivationStep => request?.step === 'deactivate-license' || request?.step === 'deactivate-user';

/** The confirmed request: a deactivation step carries the reason chosen (R14). */
function confirmedRequest(context: OffboardingContext): StepRequest {
  const asking = context.asking!;
  if (!isDeactivation(asking)) return asking;
  const reason = reasonOf(context.reason);
  return reason ? { ...asking, reason } : asking;
}

/** A pending step's request becomes a running step: its key, and the version the plan saw. */
const runningStep = (context: OffboardingContext, request: StepRequest): RunningStep => ({
  request: completeRequest(request, context.plan!),
  idempotencyKey: context.createKey(),
  expectedVersion: context.plan!.user.version,
});

/**
 * The R8 checklist of one user for a scenario. The plan is recomputed after every step, so each
 * step's status and reason always come from the backend's rules; a failed step keeps its request
 * and key for a retry, and a reload resumes it from `input.resume`.
 */
export const offboardingMachine = setup({
  types: {} as {
    context: OffboardingContext;
    input: OffboardingInput;
    events: OffboardingEvent;
    emitted: OffboardingEmitted;
  },
  actors: {
    loadCaller,
    loadPlan: fromPromise<OffboardingPlan, PlanRequest>(({ input }) =>
      input.adapter.getOffboardingPlan(input.userId, { scenario: input.scenario ?? DEFAULT_SCENARIO }, input.caller),
    ),
    performStep: fromPromise<ChangeResult[], Pick<OffboardingContext, 'adapter' | 'caller' | 'userId'> & { running: RunningStep }>(({ input }) =>
      runStep(input.adapter, input.caller, input.userId, input.running),
    ),
  },
  guards: {
    isResuming: ({ context }) => context.running !== null,
    /** Only a pending step can be performed; blocked ones carry the rule's refusal instead. */
    isStepPending: ({ context }, params: { request: StepRequest }) =>
      context.plan?.steps.find((step) => step.id === params.request.step)?.status === 'pending',
    /** Every step of the scenario is done or not applicable. */
    isComplete: ({ context }) => context.plan !== null && context.plan.steps.every((step) => step.status === 'done' || step.status === 'not-applicable'),
    /** R14: a deactivation step waits for the reason the policy requires. */
    hasReason: ({ context }) => !isDeactivation(context.asking) || reasonSatisfied(context.reason, context.requireReason),
    isRetryable,
    isRefused,
  },
  actions: {
    patchCaller: assign((_, patch: CallerPatch) => patch),
    keepPlan: assign((_, plan: OffboardingPlan) => ({ plan, error: null })),
    run: assign(({ context }, request: StepRequest) => ({ running: runningStep(context, request), asking: null, error: null })),
  },
}).createMachine({
  id: 'offboarding',
  context: ({ input }) => {
    const scenario = input.scenario ?? DEFAULT_SCENARIO;
    return {
      ...callerContext(input, { read: { read: 'plan', userId: input.userId } }),
      userId: input.userId,
      scenario,
      plan: null,
      asking: null,
      requireReason: input.requireReason ?? false,
      reason: initialReason(scenario),
      running: input.resume ?? null,
      completed: [],
    };
  },
  initial: 'starting',
  states: {
    starting: {
      always: [{ guard: 'isResuming', target: 'running' }, { target: 'checking' }],
    },
    // R12: another user's checklist is admin-only; nothing is read for a caller refused it.
    ...callerGateStates('loading'),
    loading: planLoadingState,
    ready: {
      initial: 'routing',
      on: { REFRESH: 'loading' },
      states: {
        routing: {
          always: [{ guard: 'isComplete', target: 'complete' }, { target: 'inProgress' }],
        },
        inProgress: {
          on: {
            RUN_STEP: {
              guard: { type: 'isStepPending', params: ({ event }) => ({ request: event.request }) },
              target: '#offboarding.running',
              actions: { type: 'run', params: ({ event }) => event.request },
            },
            ASK_STEP: {
              guard: { type: 'isStepPending', params: ({ event }) => ({ request: event.request }) },
              target: '#offboarding.confirming',
              // Each confirmation starts from the scenario's likely reason (R14).
              actions: assign({ asking: ({ event }) => event.request, reason: ({ context }) => initialReason(context.scenario) }),
            },
          },
        },
        complete: {},
      },
    },
    /** A step that takes something away shows its effects; nothing runs until CONFIRM. */
    confirming: {
      on: {
        CONFIRM: { guard: 'hasReason', target: 'running', actions: { type: 'run', params: ({ context }) => confirmedRequest(context) } },
        CANCEL: { target: 'ready', actions: assign({ asking: null }) },
        SET_REASON: { actions: assign({ reason: ({ context, event }) => nextReason(context.reason, event) }) },
      },
    },
    running: {
      invoke: {
        src: 'performStep',
        input: ({ context }) => ({ ...context, running: context.running! }),
        onDone: {
          target: 'loading',
          actions: [
            emit(({ context, event }) => {
              const step = context.running!.request.step;
              return { type: 'changed' as const, step, results: event.output, announcement: text('checklist.stepDone', { number: STEP_IDS.indexOf(step) + 1, step }) };
            }),
            assign({ completed: ({ context }) => [...context.completed, context.running!.request.step], running: null, error: null }),
          ],
        },
        onError: { target: 'failed', actions: assign({ error: errorOf }) },
      },
    },
    failed: {
      on: {
        RETRY: { guard: 'isRetryable', target: 'running' },
        DISMISS: { target: 'loading', actions: assign({ running: null, error: null }) },
      },
    },
  },
});
