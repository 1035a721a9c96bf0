import type { PhoneNumberChange, ScheduleChange, TaskChange } from '../../adapter/OffboardAdapter';
import type { Standing } from '../../rules/guards';
import type { ChangedEvent } from '../changes';
import type { CallerInput, CallerState } from '../shared';

/**
 * One change a person starts with one click and may retry: taking a task (R6), deactivating a
 * country's numbers (R4's way out), cancelling a scheduled deactivation (R15, under the version the
 * view showed). Each intent gets one idempotency key, reused by its retries.
 */
export type KeyedRequest =
  | { readonly kind: 'takeTask'; readonly taskId: string }
  | { readonly kind: 'deactivatePhoneNumbers'; readonly phoneNumberIds: readonly string[] }
  | { readonly kind: 'cancelSchedule'; readonly scheduleId: string; readonly expectedVersion: number };

export type KeyedResult = TaskChange | PhoneNumberChange | ScheduleChange;

export interface KeyedActionInput extends CallerInput {
  /** The standing the actions need: `salesperson` to take tasks (R6), `admin` to deactivate numbers (R9) or cancel schedules (R15). */
  readonly requires: Standing;
}

export interface KeyedActionContext extends CallerState {
  /** The intent being confirmed, in flight, or last tried, with its key once sent. */
  readonly request: KeyedRequest | null;
  readonly key: string | null;
  readonly results: readonly KeyedResult[];
}

/**
 * `START` sends at once; `ASK` first shows what it will do and waits for `CONFIRM` (or `CANCEL`).
 * `RETRY` resends the failed intent under its key; `CANCEL` leaves a confirmation or a failure.
 */
export type KeyedActionEvent =
  | { readonly type: 'START'; readonly request: KeyedRequest }
  | { readonly type: 'ASK'; readonly request: KeyedRequest }
  | { readonly type: 'CONFIRM' }
  | { readonly type: 'RETRY' }
  | { readonly type: 'CANCEL' };

export type KeyedActionEmitted = ChangedEvent;
