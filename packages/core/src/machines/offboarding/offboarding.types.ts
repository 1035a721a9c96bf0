import type { DeactivationReason } from '../../domain/types';
import type { ChangedEvent } from '../changes';
import type { ReasonChoice, SetReasonEvent } from '../reason';
import type { CallerInput, CallerState } from '../shared';
import type { OffboardingPlan, Scenario, StepId } from '../../rules/plan';

/** What performing each R8 step needs from the person walking the checklist. */
export type StepRequest =
  | { readonly step: 'reassign-contacts'; readonly toUserIds: readonly string[]; readonly contactIds?: readonly string[] }
  | { readonly step: 'transfer-tasks'; readonly toUserId: string }
  /** R4's way out: deactivate these numbers (by default every number that blocks). */
  | { readonly step: 'check-phone-numbers'; readonly phoneNumberIds?: readonly string[] }
  /** R14: the reason is part of the request, so a resumed or retried step sends the one it was confirmed with. */
  | { readonly step: 'deactivate-license'; readonly reason?: DeactivationReason }
  | { readonly step: 'deactivate-user'; readonly reason?: DeactivationReason };

/**
 * A step in flight. It is plain data: a host that keeps it (say in sessionStorage) and passes it
 * back as `resume` after a reload finishes the step exactly once, because the key is the same.
 */
export interface RunningStep {
  readonly request: StepRequest;
  readonly idempotencyKey: string;
  readonly expectedVersion: number;
}

export interface OffboardingInput extends CallerInput {
  readonly userId: string;
  /** @default DEFAULT_SCENARIO ('employee-departure') */
  readonly scenario?: Scenario;
  readonly resume?: RunningStep | null;
  /** R14: the organisation's policy `requireReason`, which the UI is configured with. @default false */
  readonly requireReason?: boolean;
}

export interface OffboardingContext extends CallerState {
  readonly userId: string;
  readonly scenario: Scenario;
  readonly plan: OffboardingPlan | null;
  /** The step whose effects are on screen, waiting for CONFIRM. */
  readonly asking: StepRequest | null;
  readonly requireReason: boolean;
  /** R14: the reason chosen in a deactivation step's confirmation; the scenario preselects its likely code. */
  readonly reason: ReasonChoice;
  readonly running: RunningStep | null;
  /** Steps this actor completed in this session, in order. */
  readonly completed: readonly StepId[];
}

/**
 * `RUN_STEP` performs a pending step at once; `ASK_STEP` shows what it will do first and waits for
 * `CONFIRM` or `CANCEL` (the steps that take something away). `RETRY` resends a failed step under
 * its key; `DISMISS` gives it up.
 */
export type OffboardingEvent =
  | { readonly type: 'RUN_STEP'; readonly request: StepRequest }
  | { readonly type: 'ASK_STEP'; readonly request: StepRequest }
  | { readonly type: 'CONFIRM' }
  | { readonly type: 'CANCEL' }
  | SetReasonEvent
  | { readonly type: 'RETRY' }
  | { readonly type: 'DISMISS' }
  | { readonly type: 'REFRESH' };

/** After each step: its results and "Step N done: …". */
export type OffboardingEmitted = ChangedEvent & { readonly step: StepId };
