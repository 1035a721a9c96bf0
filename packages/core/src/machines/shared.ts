import { fromPromise, type DoneActorEvent } from 'xstate';
import { isService, type Caller } from '../adapter/context';
import type { OffboardAdapter } from '../adapter/OffboardAdapter';
import type { User } from '../domain/types';
import type { OffboardingPlan, Scenario } from '../rules/plan';
import { toOffboardError, type OffboardError } from '../errors/OffboardError';
import { standingRefusalOf, type Refusal, type Standing } from '../rules/guards';
import { readRefusalOf, type ReadRequest } from '../rules/readAccess';
import { DEFAULT_POLICY } from '../rules/readModel';
import { newIdempotencyKey } from './idempotencyKey';

/**
 * Pieces every machine shares: where the caller's own record comes from (the rules judge standing
 * and R12 from it), the states that judge it before anything else is read, how an error is kept,
 * which failures may be retried, and where idempotency keys come from.
 */

/** The caller's own user record; a service identity has none (it stands like an admin). */
export const loadCaller = fromPromise<User | undefined, { readonly adapter: OffboardAdapter; readonly caller: Caller }>(({ input }) =>
  isService(input.caller) ? Promise.resolve(undefined) : input.adapter.getUser(input.caller.actorId, input.caller),
);

/** What must hold before a machine reads anything: a standing (R6, R9), or a read R12 allows. */
export type CallerGate = { readonly standing: Standing } | { readonly read: ReadRequest };

/**
 * The gate's verdict for a caller, from their own record. The kit judges with the default policy:
 * a server that widens members' reads still gets the narrower UI.
 */
export function gateRefusal(gate: CallerGate, actor: User | undefined, caller: Caller): Refusal {
  return 'standing' in gate ? standingRefusalOf(actor, caller, gate.standing) : readRefusalOf(actor, caller, DEFAULT_POLICY, gate.read);
}

/** What every machine's context carries about its caller and its last failure. */
export interface CallerState {
  readonly adapter: OffboardAdapter;
  readonly caller: Caller;
  /** What the caller must be allowed before the machine reads anything. */
  readonly gate: CallerGate;
  /** Where idempotency keys come from; tests pass a deterministic one. */
  readonly createKey: () => string;
  /** The caller's record once loaded (`undefined` for a service, or before it is loaded). */
  readonly actor: User | undefined;
  /** Why the caller may not use this at all (R9 standing, R12 reading), judged before anything is read. */
  readonly refusal: Refusal;
  readonly error: OffboardError | null;
}

/** The input every machine takes besides its own. */
export interface CallerInput {
  readonly adapter: OffboardAdapter;
  readonly caller: Caller;
  /** @default newIdempotencyKey */
  readonly createKey?: () => string;
}

/** The caller's part of a machine's first context: nothing judged yet. */
export function callerContext(input: CallerInput, gate: CallerGate): CallerState {
  return { adapter: input.adapter, caller: input.caller, gate, createKey: input.createKey ?? newIdempotencyKey, actor: undefined, refusal: null, error: null };
}

/** An invoked actor's failure, as the one error type machines and views handle. */
export const errorOf = ({ event }: { event: { error: unknown } }): OffboardError => toOffboardError(event.error);

/** Transport failures may pass on retry; a rule's refusal needs a fresh look first (R11). */
export const isRetryable = ({ context }: { context: { readonly error: OffboardError | null } }): boolean => context.error?.retryable === true;

/** The caller's gate refused them: the machine stops before reading anything. */
export const isRefused = ({ context }: { context: { readonly refusal: Refusal } }): boolean => context.refusal !== null;

/** What the gate states change of the context: the caller judged, or the error of loading them. */
export type CallerPatch = Partial<Pick<CallerState, 'actor' | 'refusal' | 'error'>>;

/**
 * The states every machine starts with: `checking` loads the caller's own record, `judging`
 * applies the gate, `refused` ends there (its `refusal` says why, and nothing was read), and
 * `loadFailed` waits for a RETRY of the whole start. A machine goes on to `next`. Its `setup`
 * names the one action these states use, typed by its own context,
 * `patchCaller: assign((_, patch: CallerPatch) => patch)`, and the guard `isRefused`.
 */
export function callerGateStates<const TNext extends string>(next: TNext) {
  return {
    checking: {
      invoke: {
        id: 'loadCaller',
        src: 'loadCaller' as const,
        input: ({ context }: { context: CallerState }) => ({ adapter: context.adapter, caller: context.caller }),
        onDone: {
          target: 'judging',
          actions: {
            type: 'patchCaller' as const,
            params: ({ context, event }: { context: CallerState; event: DoneActorEvent<User | undefined> }): CallerPatch => ({
              actor: event.output,
              refusal: gateRefusal(context.gate, event.output, context.caller),
            }),
          },
        },
        onError: { target: 'loadFailed', actions: { type: 'patchCaller' as const, params: (args: { event: { error: unknown } }): CallerPatch => ({ error: errorOf(args) }) } },
      },
    },
    judging: { always: [{ guard: 'isRefused' as const, target: 'refused' }, { target: next }] },
    /** The caller may not use this at all; `refusal` says why, and nothing was read. */
    refused: {},
    loadFailed: { on: { RETRY: { target: 'checking', actions: { type: 'patchCaller' as const, params: (): CallerPatch => ({ error: null }) } } } },
  };
}

/** What a plan is read for: whose, and for which scenario (the plan's default when none). */
export interface PlanRequest {
  readonly adapter: OffboardAdapter;
  readonly caller: Caller;
  readonly userId: string;
  readonly scenario?: Scenario;
}

/**
 * Reading the plan (R8, for this caller): `ready` once it is here (a machine routes from the plan
 * inside its `ready`), `loadFailed` if not. The machine's `setup` names the actor `loadPlan`
 * (input `PlanRequest`) and the action `keepPlan: assign((_, plan: OffboardingPlan) => ({ plan, error: null }))`.
 */
export const planLoadingState = {
  invoke: {
    id: 'loadPlan',
    src: 'loadPlan' as const,
    input: ({ context }: { context: CallerState & Pick<PlanRequest, 'userId' | 'scenario'> }): PlanRequest => ({
      adapter: context.adapter,
      caller: context.caller,
      userId: context.userId,
      ...(context.scenario ? { scenario: context.scenario } : {}),
    }),
    onDone: { target: 'ready', actions: { type: 'keepPlan' as const, params: ({ event }: { event: DoneActorEvent<OffboardingPlan> }) => event.output } },
    onError: { target: 'loadFailed', actions: { type: 'patchCaller' as const, params: (args: { event: { error: unknown } }): CallerPatch => ({ error: errorOf(args) }) } },
  },
};
