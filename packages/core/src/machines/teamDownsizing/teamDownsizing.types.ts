import type { UserChange } from '../../adapter/OffboardAdapter';
import type { OffboardError } from '../../errors/OffboardError';
import type { OffboardingPlan } from '../../rules/plan';
import type { TeamDownsizingPreview } from '../../rules/teamDownsizing';
import type { ChangedEvent } from '../changes';
import type { ReasonChoice, SetReasonEvent } from '../reason';
import type { CallerInput, CallerState } from '../shared';

export interface TeamDownsizingInput extends CallerInput {
  /** Whose licenses to deactivate, in this order. */
  readonly userIds: readonly string[];
  /** R14: the organisation's policy `requireReason`, which the UI is configured with. @default false */
  readonly requireReason?: boolean;
}

/** `skipped`: the preview refused it; `refused`: the backend did; `failed`: the request did not get through. */
export type DownsizingOutcome =
  | { readonly status: 'done'; readonly change: UserChange }
  | { readonly status: 'skipped' | 'refused' | 'failed'; readonly error: OffboardError | null };

export interface TeamDownsizingContext extends CallerState {
  readonly userIds: readonly string[];
  readonly plans: readonly OffboardingPlan[];
  readonly preview: TeamDownsizingPreview | null;
  /** One key per user, made at confirmation and kept for every retry (R11). */
  readonly keys: Readonly<Record<string, string>>;
  readonly outcomes: Readonly<Record<string, DownsizingOutcome>>;
  readonly requireReason: boolean;
  /** R14: one reason for the whole batch, `downsizing` preselected; fixed once confirmed, so retries send it again. */
  readonly reason: ReasonChoice;
}

export type TeamDownsizingEvent = { readonly type: 'CONFIRM' } | { readonly type: 'RETRY' } | { readonly type: 'REFRESH' } | SetReasonEvent;

/** After each run: the licenses it deactivated, and "N licenses were deactivated". */
export type TeamDownsizingEmitted = ChangedEvent;
