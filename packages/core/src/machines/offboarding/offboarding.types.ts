import type { Caller, OffboardAdapter } from '../../adapter/OffboardAdapter';
import type { OffboardError } from '../../errors/OffboardError';
import type { OffboardingPlan, Scenario, StepId } from '../../rules/plan';

/** What performing each R8 step needs from the person walking the checklist. */
export type StepRequest =
  | { readonly step: 'reassign-contacts'; readonly toUserIds: readonly string[]; readonly contactIds?: readonly string[] }
  | { readonly step: 'transfer-tasks'; readonly toUserId: string }
  /** R4's way out: deactivate these numbers (by default every number that blocks). */
  | { readonly step: 'check-phone-numbers'; readonly phoneNumberIds?: readonly string[] }
  | { readonly step: 'deactivate-license' }
  | { readonly step: 'deactivate-user' };

/**
 * A step in flight. It is plain data: a host that keeps it (say in sessionStorage) and passes it
 * back as `resume` after a reload finishes the step exactly once, because the key is the same.
 */
export interface RunningStep {
  readonly request: StepRequest;
  readonly idempotencyKey: string;
  readonly expectedVersion: number;
}

export interface OffboardingInput {
  readonly adapter: OffboardAdapter;
  readonly caller: Caller;
  readonly userId: string;
  /** @default 'employee-departure' */
  readonly scenario?: Scenario;
  readonly resume?: RunningStep | null;
  /** @default newIdempotencyKey */
  readonly createKey?: () => string;
}

export interface OffboardingContext {
  readonly adapter: OffboardAdapter;
  readonly caller: Caller;
  readonly userId: string;
  readonly scenario: Scenario;
  readonly createKey: () => string;
  readonly plan: OffboardingPlan | null;
  readonly running: RunningStep | null;
  readonly error: OffboardError | null;
  /** Steps this actor completed in this session, in order. */
  readonly completed: readonly StepId[];
}

export type OffboardingEvent =
  | { readonly type: 'RUN_STEP'; readonly request: StepRequest }
  | { readonly type: 'RETRY' }
  | { readonly type: 'DISMISS' }
  | { readonly type: 'REFRESH' };

export type OffboardingEmitted = { readonly type: 'changed'; readonly step: StepId };
