import type { Caller, OffboardAdapter } from '../../adapter/OffboardAdapter';
import type { OffboardError } from '../../errors/OffboardError';
import type { OffboardingPlan } from '../../rules/plan';
import type { TeamDownsizingPreview } from '../../rules/teamDownsizing';

export interface TeamDownsizingInput {
  readonly adapter: OffboardAdapter;
  readonly caller: Caller;
  /** Whose licenses to deactivate, in this order. */
  readonly userIds: readonly string[];
  /** @default newIdempotencyKey */
  readonly createKey?: () => string;
}

/** `skipped`: the preview refused it; `refused`: the backend did; `failed`: the request did not get through. */
export type DownsizingOutcome =
  | { readonly status: 'done' }
  | { readonly status: 'skipped' | 'refused' | 'failed'; readonly error: OffboardError | null };

export interface TeamDownsizingContext {
  readonly adapter: OffboardAdapter;
  readonly caller: Caller;
  readonly userIds: readonly string[];
  readonly createKey: () => string;
  readonly plans: readonly OffboardingPlan[];
  readonly preview: TeamDownsizingPreview | null;
  /** One key per user, made at confirmation and kept for every retry (R11). */
  readonly keys: Readonly<Record<string, string>>;
  readonly outcomes: Readonly<Record<string, DownsizingOutcome>>;
  readonly error: OffboardError | null;
}

export type TeamDownsizingEvent = { readonly type: 'CONFIRM' } | { readonly type: 'RETRY' } | { readonly type: 'REFRESH' };

export type TeamDownsizingEmitted = { readonly type: 'changed'; readonly userIds: readonly string[] };
