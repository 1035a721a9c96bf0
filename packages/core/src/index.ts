// Domain
export {
  AUDIT_ACTIONS,
  DEACTIVATION_REASON_CODES,
  TRANSFER_REASON_USER_DEACTIVATED,
  hasActiveLicense,
  isSalesperson,
  type Access,
  type AuditAction,
  type AuditEntry,
  type AuditTargetType,
  type Contact,
  type CountryCode,
  type DeactivationReason,
  type DeactivationReasonCode,
  type Effects,
  type HistoryKind,
  type HistoryRecord,
  type License,
  type LicenseStatus,
  type OffboardData,
  type PhoneNumber,
  type PhoneNumberStatus,
  type Role,
  type SalesBrain,
  type SeatUsage,
  type Session,
  type Task,
  type TaskState,
  type TransferReason,
  type User,
  type UserStatus,
} from './domain/types';
export {
  SCHEDULER_ACTOR_ID,
  SCHEDULE_SCOPES,
  SCHEDULE_STATUSES,
  type RefusalRecord,
  type ScheduleScope,
  type ScheduleStatus,
  type ScheduledDeactivation,
} from './domain/schedules';

// Errors
export {
  ERROR_CODES,
  ERROR_MESSAGES,
  FORBIDDEN_MESSAGES,
  FORBIDDEN_REASONS,
  forbidden,
  LAST_LICENSE_IN_COUNTRY_MESSAGE,
  OffboardError,
  isErrorCode,
  isOffboardError,
  toOffboardError,
  type ErrorCode,
  type ErrorDetails,
  type ForbiddenReason,
} from './errors/OffboardError';

// Adapter interface
export type {
  Caller,
  CallerKind,
  ListAuditLogQuery,
  DeactivationArgs,
  DeactivationInput,
  ListContactsQuery,
  ListHistoryQuery,
  ListScheduledDeactivationsQuery,
  ListPhoneNumbersQuery,
  ListSalesBrainsQuery,
  ListTasksQuery,
  ListUsersQuery,
  MutationContext,
  MutationName,
  OffboardAdapter,
  Page,
  PageRequest,
  PhoneNumberChange,
  PlanQuery,
  ReadContext,
  ReassignContactsInput,
  ReassignContactsResult,
  ScheduleChange,
  ScheduleDeactivationInput,
  TaskChange,
  TransferTasksInput,
  TransferTasksResult,
  UserChange,
  UserStatusFilter,
} from './adapter/OffboardAdapter';
export { readAllPages } from './adapter/readAllPages';
export type { LifecycleBackend, ScheduleRef, ScheduleRunReport } from './adapter/LifecycleBackend';
export type { LifecycleEvent, LifecycleEventType, LifecycleListener } from './events/lifecycleEvent';
export {
  WEBHOOK_DELIVERY_STATUSES,
  type ListWebhookDeliveriesQuery,
  type ListWebhookEndpointsQuery,
  type RegisterWebhookEndpointInput,
  type RegisteredWebhookEndpoint,
  type WebhookDelivery,
  type WebhookDeliveryReport,
  type WebhookDeliveryStatus,
  type WebhookEndpoint,
  type WebhookOptions,
} from './webhooks/types';
export { isService } from './adapter/context';
// Fault injection, counted one way for the conformance suite and the MSW mocks (tests and stories only).
export { createFaultSchedule, type ArmedFault, type Armable, type FaultSchedule } from './testing/faultSchedule';

// REST contract
export {
  ROUTES,
  OPERATIONS,
  allowedMethods,
  contextSchemaOf,
  type HttpMethod,
  type OperationName,
  type Route,
} from './contract/routes';
export { ERROR_STATUS, PROBLEM_CONTENT_TYPE, fromProblem, toProblem, type Problem } from './contract/problems';
export { ETAG_HEADER, IDEMPOTENCY_KEY_HEADER, IF_MATCH_HEADER, formatETag } from './contract/headers';
export { encodeQuery } from './contract/queryString';
export { DEFAULT_MAX_BODY_BYTES, JSON_CONTENT_TYPE, joinUrl } from './contract/transport';
export { MAX_IDS_PER_REQUEST, MAX_PAGE_SIZE, MAX_REASON_NOTE_LENGTH, MAX_SPLIT_TARGETS } from './contract/schemas';
export { MAX_REPORTED_ISSUES } from './contract/validate';

// HTTP adapter (the server side of the contract is `@offboard/core/server`)
export { DEFAULT_TIMEOUT_MS, createHttpAdapter, type HttpAdapterOptions, type OutgoingCall } from './http/createHttpAdapter';

// Rules: what a view can judge from records it holds (the guards over a read model, which only a
// backend runs, are in `@offboard/core/backend`).
export { isTakeable, standingRefusalOf, takeTaskRefusalOf, targetRefusalOf, type Refusal, type Standing } from './rules/guards';
export { readAccessOf, readRefusalOf, type ReadAccess, type ReadRequest } from './rules/readAccess';
export {
  DEFAULT_SCENARIO,
  PLAN_REASON_CODES,
  SCENARIOS,
  SCENARIO_STEPS,
  STEP_IDS,
  STEP_STATUSES,
  type OffboardingPlan,
  type PlanAction,
  type PlanReasonCode,
  type PlanStep,
  type Reason,
  type ReasonCode,
  type Scenario,
  type StepId,
  type StepStatus,
} from './rules/plan';
export type { PendingSchedules } from './rules/pendingSchedules';
export { DEFAULT_POLICY, MEMBER_READS, type Awaitable, type MemberRead, type OffboardPolicy, type OffboardReadModel } from './rules/readModel';
export { splitEvenly } from './rules/splitEvenly';
export { planTeamDownsizing, type TeamDownsizingEntry, type TeamDownsizingPreview } from './rules/teamDownsizing';
export { EFFECT_KEYS, NO_EFFECTS, combineEffects, effectLines, type EffectKey, type EffectLine, type EffectPreview } from './rules/effects';

export { CHANGE_TOUCHES, RECORD_KINDS, type RecordKind } from './domain/changes';
