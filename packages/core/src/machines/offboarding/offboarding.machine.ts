import { assign, emit, fromPromise, setup } from 'xstate';
import type { Caller, OffboardAdapter } from '../../adapter/OffboardAdapter';
import { toOffboardError } from '../../errors/OffboardError';
import type { OffboardingPlan } from '../../rules/plan';
import { newIdempotencyKey } from '../idempotencyKey';
import type { OffboardingContext, OffboardingEmitted, OffboardingEvent, OffboardingInput, RunningStep, StepRequest } from './offboarding.types';

/**
 * Performs one R8 step. Step 3 may deactivate several numbers: each gets its own key derived
 * from the step's, so a retry replays the ones already done and finishes the rest.
 */
export async function runStep(adapter: OffboardAdapter, caller: Caller, userId: string, running: RunningStep): Promise<void> {
  const { request, idempotencyKey, expectedVersion } = running;
  switch (request.step) {
    case 'reassign-contacts':
      await adapter.reassignContacts(
        { fromOwnerId: userId, toUserIds: request.toUserIds, ...(request.contactIds ? { contactIds: request.contactIds } : {}) },
        { ...caller, idempotencyKey },
      );
      return;
    case 'transfer-tasks':
      await adapter.transferTasks({ fromUserId: userId, toUserId: request.toUserId }, { ...caller, idempotencyKey });
      return;
    case 'check-phone-numbers': {
      for (const id of request.phoneNumberIds ?? []) await adapter.deactivatePhoneNumber(id, { ...caller, idempotencyKey: `${idempotencyKey}.${id}` });
      return;
    }
    case 'deactivate-license':
      await adapter.deactivateLicense(userId, { ...caller, idempotencyKey, expectedVersion });
      return;
    case 'deactivate-user':
      await adapter.deactivateUser(userId, { ...caller, idempotencyKey, expectedVersion });
      return;
  }
}

/** Fills what a request leaves to the plan, so the running step is complete data to resume from. */
function completeRequest(request: StepRequest, plan: OffboardingPlan): StepRequest {
  if (request.step !== 'check-phone-numbers' || request.phoneNumberIds) return request;
  return { step: request.step, phoneNumberIds: plan.lastLicenseInCountry?.activePhoneNumbers.map((phoneNumber) => phoneNumber.id) ?? [] };
}

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
    loadPlan: fromPromise<OffboardingPlan, Pick<OffboardingContext, 'adapter' | 'caller' | 'userId' | 'scenario'>>(({ input }) =>
      input.adapter.getOffboardingPlan(input.userId, { scenario: input.scenario }, input.caller),
    ),
    performStep: fromPromise<void, Pick<OffboardingContext, 'adapter' | 'caller' | 'userId'> & { running: RunningStep }>(({ input }) =>
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
    isRetryable: ({ context }) => context.error?.retryable === true,
  },
}).createMachine({
  id: 'offboarding',
  context: ({ input }) => ({
    adapter: input.adapter,
    caller: input.caller,
    userId: input.userId,
    scenario: input.scenario ?? 'employee-departure',
    createKey: input.createKey ?? newIdempotencyKey,
    plan: null,
    running: input.resume ?? null,
    error: null,
    completed: [],
  }),
  initial: 'starting',
  states: {
    starting: {
      always: [{ guard: 'isResuming', target: 'running' }, { target: 'loading' }],
    },
    loading: {
      invoke: {
        src: 'loadPlan',
        input: ({ context }) => context,
        onDone: { target: 'ready', actions: assign({ plan: ({ event }) => event.output }) },
        onError: { target: 'loadFailed', actions: assign({ error: ({ event }) => toOffboardError(event.error) }) },
      },
    },
    loadFailed: {
      on: { RETRY: { target: 'loading', actions: assign({ error: null }) } },
    },
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
              actions: assign({
                running: ({ context, event }) => ({
                  request: completeRequest(event.request, context.plan!),
                  idempotencyKey: context.createKey(),
                  expectedVersion: context.plan!.user.version,
                }),
                error: null,
              }),
            },
          },
        },
        complete: {},
      },
    },
    running: {
      invoke: {
        src: 'performStep',
        input: ({ context }) => ({ ...context, running: context.running! }),
        onDone: {
          target: 'loading',
          actions: [
            emit(({ context }) => ({ type: 'changed' as const, step: context.running!.request.step })),
            assign({ completed: ({ context }) => [...context.completed, context.running!.request.step], running: null, error: null }),
          ],
        },
        onError: { target: 'failed', actions: assign({ error: ({ event }) => toOffboardError(event.error) }) },
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
