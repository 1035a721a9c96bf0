import type { ErrorCode, ErrorDetails } from '../errors/OffboardError';
import type { DeactivationReason } from './types';

/** R15: what a scheduled deactivation takes away when it runs: the license (R2) or the user (R3). */
export const SCHEDULE_SCOPES = ['license', 'user'] as const;
export type ScheduleScope = (typeof SCHEDULE_SCOPES)[number];

/**
 * R15: `pending` until it comes due or is cancelled; `completed` once its deactivation happened
 * (run when due, or done by hand before); `failed` when a rule refused it when it came due.
 */
export const SCHEDULE_STATUSES = ['pending', 'completed', 'failed', 'cancelled'] as const;
export type ScheduleStatus = (typeof SCHEDULE_STATUSES)[number];

/** A refusal as data, kept where it was met (a failed schedule, its audit entry). */
export interface RefusalRecord {
  readonly code: ErrorCode;
  readonly message: string;
  readonly details: ErrorDetails;
}

/** R15: a license or user deactivation an admin asked for at a future instant. */
export interface ScheduledDeactivation {
  readonly id: string;
  readonly userId: string;
  readonly scope: ScheduleScope;
  /** When it runs: an ISO 8601 instant in UTC. */
  readonly at: string;
  /** R14: given to the deactivation when it runs. */
  readonly reason: DeactivationReason | null;
  readonly status: ScheduleStatus;
  /** The admin (or service) who scheduled it. */
  readonly createdBy: string;
  readonly createdAt: string;
  /** How it ended, `null` while pending; `error` is the refusal a failed schedule met. */
  readonly outcome: { readonly at: string; readonly error?: RefusalRecord } | null;
  /** Increments on every change of the schedule (R11 `expectedVersion` of a cancellation). */
  readonly version: number;
}

/**
 * R15: who performs a schedule when it comes due: a service identity of the backend, which meets
 * every guard a service meets (R4, R9's last admin, already inactive…). The creator's standing is
 * judged when the schedule is made, not when it runs, so a schedule outlives its creator's own
 * departure, which offboarding makes common.
 */
export const SCHEDULER_ACTOR_ID = 'offboard-scheduler';
