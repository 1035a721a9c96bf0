import { assign, emit, fromPromise, setup } from 'xstate';
import type { Caller, OffboardAdapter, PhoneNumberChange } from '../../adapter/OffboardAdapter';
import { callerContext, callerGateStates, errorOf, isRefused, isRetryable, loadCaller, type CallerPatch } from '../shared';
import type { KeyedActionContext, KeyedActionEmitted, KeyedActionEvent, KeyedActionInput, KeyedRequest, KeyedResult } from './keyedAction.types';

/**
 * R4's way out: each number under its own key derived from the intent's, so a retry replays the
 * ones already done and finishes the rest.
 */
export async function deactivatePhoneNumbers(adapter: OffboardAdapter, caller: Caller, phoneNumberIds: readonly string[], key: string): Promise<PhoneNumberChange[]> {
  const changes: PhoneNumberChange[] = [];
  for (const id of phoneNumberIds) changes.push(await adapter.deactivatePhoneNumber(id, { ...caller, idempotencyKey: `${key}.${id}` }));
  return changes;
}

/** Performs one keyed intent (R11: the key is the intent's, whatever the attempt). */
export async function performKeyed(adapter: OffboardAdapter, caller: Caller, request: KeyedRequest, key: string): Promise<KeyedResult[]> {
  if (request.kind === 'takeTask') return [await adapter.takeTask(request.taskId, { ...caller, idempotencyKey: key })];
  if (request.kind === 'cancelSchedule')
    return [await adapter.cancelScheduledDeactivation(request.scheduleId, { ...caller, idempotencyKey: key, expectedVersion: request.expectedVersion })];
  return deactivatePhoneNumbers(adapter, caller, request.phoneNumberIds, key);
}

/**
 * A one-shot change started by a click: the caller's standing first (a member sees why the
 * button does nothing, R6/R9, and nothing is sent), then START → running → done, or ASK →
 * confirming → CONFIRM → running for a change that shows its effects first; a failure keeps the
 * intent for a retry under the same key. A new START or ASK is a new intent with a new key.
 */
export const keyedActionMachine = setup({
  types: {} as { context: KeyedActionContext; input: KeyedActionInput; events: KeyedActionEvent; emitted: KeyedActionEmitted },
  actors: {
    loadCaller,
    perform: fromPromise<KeyedResult[], { adapter: OffboardAdapter; caller: Caller; request: KeyedRequest; key: string }>(({ input }) =>
      performKeyed(input.adapter, input.caller, input.request, input.key),
    ),
  },
  guards: { isRetryable, isRefused },
  actions: {
    patchCaller: assign((_, patch: CallerPatch) => patch),
    consider: assign((_, request: KeyedRequest) => ({ request, key: null, error: null })),
    begin: assign(({ context }) => ({ key: context.createKey(), error: null })),
    forget: assign({ error: null, request: null, key: null }),
  },
}).createMachine({
  id: 'keyedAction',
  context: ({ input }) => ({ ...callerContext(input, { standing: input.requires }), request: null, key: null, results: [] }),
  initial: 'checking',
  states: {
    ...callerGateStates('idle'),
    idle: {
      on: {
        START: { target: 'running', actions: [{ type: 'consider', params: ({ event }) => event.request }, 'begin'] },
        ASK: { target: 'confirming', actions: { type: 'consider', params: ({ event }) => event.request } },
      },
    },
    /** What the intent will do is on screen; nothing is sent until CONFIRM. */
    confirming: {
      on: {
        CONFIRM: { target: 'running', actions: 'begin' },
        CANCEL: { target: 'idle', actions: 'forget' },
      },
    },
    running: {
      invoke: {
        src: 'perform',
        input: ({ context }) => ({ adapter: context.adapter, caller: context.caller, request: context.request!, key: context.key! }),
        onDone: {
          target: 'idle',
          actions: [
            assign({ results: ({ event }) => event.output, request: null, key: null }),
            emit(({ event }) => ({ type: 'changed' as const, results: event.output })),
          ],
        },
        onError: { target: 'failed', actions: assign({ error: errorOf }) },
      },
    },
    failed: {
      on: {
        RETRY: { guard: 'isRetryable', target: 'running' },
        START: { target: 'running', actions: [{ type: 'consider', params: ({ event }) => event.request }, 'begin'] },
        ASK: { target: 'confirming', actions: { type: 'consider', params: ({ event }) => event.request } },
        CANCEL: { target: 'idle', actions: 'forget' },
      },
    },
  },
});
