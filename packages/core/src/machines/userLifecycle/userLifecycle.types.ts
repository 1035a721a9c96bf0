import type { Caller, OffboardAdapter, UserChange } from '../../adapter/OffboardAdapter';
import type { OffboardError } from '../../errors/OffboardError';
import type { OffboardingPlan } from '../../rules/plan';

export type LifecycleAction =
  | { readonly type: 'deactivateLicense' }
  | { readonly type: 'deactivateUser' }
  | { readonly type: 'reactivateUser' }
  | { readonly type: 'assignLicense'; readonly country: string };

/** An action the user confirmed, with what makes its retries safe (R11). */
export type PendingLifecycleAction = LifecycleAction & {
  readonly idempotencyKey: string;
  readonly expectedVersion: number;
};

export interface UserLifecycleInput {
  readonly adapter: OffboardAdapter;
  /** Who acts: whose plan and permissions the machine follows. */
  readonly caller: Caller;
  readonly userId: string;
  /** Where idempotency keys come from; tests pass a deterministic one. @default newIdempotencyKey */
  readonly createKey?: () => string;
}

export interface UserLifecycleContext {
  readonly adapter: OffboardAdapter;
  /** Who acts: whose plan and permissions the machine follows. */
  readonly caller: Caller;
  readonly userId: string;
  readonly createKey: () => string;
  readonly plan: OffboardingPlan | null;
  /** The action being confirmed, submitted or retried. */
  readonly pending: LifecycleAction | PendingLifecycleAction | null;
  readonly error: OffboardError | null;
  readonly lastChange: UserChange | null;
}

export type UserLifecycleEvent =
  | { readonly type: 'DEACTIVATE_LICENSE' }
  | { readonly type: 'DEACTIVATE_USER' }
  | { readonly type: 'REACTIVATE_USER' }
  | { readonly type: 'ASSIGN_LICENSE'; readonly country: string }
  | { readonly type: 'CONFIRM' }
  | { readonly type: 'CANCEL' }
  | { readonly type: 'RETRY' }
  | { readonly type: 'REFRESH' };

/** Emitted after every successful change, so a binding can refresh what it shows. */
export type UserLifecycleEmitted = { readonly type: 'changed'; readonly change: UserChange };
