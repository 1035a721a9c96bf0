import type { UserChange } from '../../adapter/OffboardAdapter';
import type { ChangedEvent } from '../changes';
import type { CallerInput, CallerState } from '../shared';
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

/** What must hold before the machine reads anything: R12 on the user's plan, or R9's admin standing. */
export type LifecycleGate = 'plan' | 'admin';

export interface UserLifecycleInput extends CallerInput {
  readonly userId: string;
  /** @default 'plan' */
  readonly gate?: LifecycleGate;
}

export interface UserLifecycleContext extends CallerState {
  readonly userId: string;
  readonly plan: OffboardingPlan | null;
  /** The action being confirmed, submitted or retried. */
  readonly pending: LifecycleAction | PendingLifecycleAction | null;
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

/** Emitted after every successful change (its one result), so a binding can refresh what it shows. */
export type UserLifecycleEmitted = ChangedEvent;
