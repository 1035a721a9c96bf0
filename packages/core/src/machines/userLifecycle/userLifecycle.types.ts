import type { ScheduleChange, UserChange } from '../../adapter/OffboardAdapter';
import type { ScheduleScope } from '../../domain/schedules';
import type { DeactivationReason } from '../../domain/types';
import type { ReasonChoice, SetReasonEvent } from '../reason';
import type { ScheduleDraft, SetScheduleEvent } from '../schedule';
import type { ChangedEvent } from '../changes';
import type { CallerInput, CallerState } from '../shared';
import type { OffboardingPlan } from '../../rules/plan';

export type LifecycleAction =
  | { readonly type: 'deactivateLicense' }
  | { readonly type: 'deactivateUser' }
  | { readonly type: 'reactivateUser' }
  | { readonly type: 'assignLicense'; readonly country: string }
  /** R15: the form's draft is `context.schedule` until it is sent. */
  | { readonly type: 'scheduleDeactivation' };

/**
 * An action the user confirmed, with what makes its retries safe (R11): its key, the version it
 * saw, and the request's own data as sent (the reason, a schedule's instant), so a retry sends
 * exactly the same request.
 */
export type PendingLifecycleAction = (
  | Exclude<LifecycleAction, { readonly type: 'scheduleDeactivation' }>
  | { readonly type: 'scheduleDeactivation'; readonly scope: ScheduleScope; readonly at: string }
) & {
  readonly idempotencyKey: string;
  readonly expectedVersion: number;
  /** R14, for the deactivations and the schedule. */
  readonly reason?: DeactivationReason;
};

/** What must hold before the machine reads anything: R12 on the user's plan, or R9's admin standing. */
export type LifecycleGate = 'plan' | 'admin';

export interface UserLifecycleInput extends CallerInput {
  readonly userId: string;
  /** @default 'plan' */
  readonly gate?: LifecycleGate;
  /** R14: the organisation's policy `requireReason`, which the UI is configured with. @default false */
  readonly requireReason?: boolean;
  /** The clock a schedule must be after (R15), judged before sending. @default the system's */
  readonly now?: () => Date;
}

export interface UserLifecycleContext extends CallerState {
  readonly userId: string;
  readonly plan: OffboardingPlan | null;
  /** The action being confirmed, submitted or retried. */
  readonly pending: LifecycleAction | PendingLifecycleAction | null;
  readonly lastChange: UserChange | ScheduleChange | null;
  readonly requireReason: boolean;
  /** R14: the reason chosen in the open confirmation. */
  readonly reason: ReasonChoice;
  /** R15: the form of "Deactivate on a date…" while it is open. */
  readonly schedule: ScheduleDraft | null;
  readonly now: () => Date;
}

export type UserLifecycleEvent =
  | { readonly type: 'DEACTIVATE_LICENSE' }
  | { readonly type: 'DEACTIVATE_USER' }
  | { readonly type: 'REACTIVATE_USER' }
  | { readonly type: 'ASSIGN_LICENSE'; readonly country: string }
  | { readonly type: 'SCHEDULE_DEACTIVATION'; readonly scope: ScheduleScope }
  | SetScheduleEvent
  | SetReasonEvent
  | { readonly type: 'CONFIRM' }
  | { readonly type: 'CANCEL' }
  | { readonly type: 'RETRY' }
  | { readonly type: 'REFRESH' };

/** Emitted after every successful change (its one result), so a binding can refresh what it shows. */
export type UserLifecycleEmitted = ChangedEvent;
