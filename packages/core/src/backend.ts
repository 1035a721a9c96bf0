/**
 * `@offboard/core/backend`: what a backend needs besides the interface, so that every backend
 * (the in-memory one, PostgreSQL, a host's own in JavaScript) runs the very same rules: the
 * guards over a read model, the R8 plan, R12's read authorisation, the contract's input schemas
 * and its one way to refuse bad input, the check of an organisation's data, the request
 * fingerprint idempotency keys compare, and the pieces of R15 and R16 (events, webhooks, the
 * lifecycle worker). No UI needs any of it.
 */
export {
  assignLicenseRefusal,
  deactivateLicenseRefusal,
  deactivatePhoneNumberRefusal,
  deactivateUserRefusal,
  isEligibleReassignTarget,
  isLastActiveAdmin,
  isLastLicenseInCountry,
  lastLicenseBlockingNumbers,
  lastLicenseRefusal,
  reactivateUserRefusal,
  reassignContactsRefusal,
  reassignTargetRefusal,
  selfRefusal,
  standingRefusal,
  takeTaskRefusal,
  transferTasksRefusal,
  versionRefusal,
} from './rules/guards';
export { cancelScheduleRefusal, reasonRefusal, scheduleDeactivationRefusal, schedulesSettledBy } from './rules/scheduling';
export { planOffboarding } from './rules/plan';
export { authorizeRead, readUser, visibleUser } from './rules/readAccess';
export {
  AssignLicenseInputSchema,
  BulkMutationContextSchema,
  DeactivationInputSchema,
  IdSchema,
  ListAuditLogQuerySchema,
  ListContactsQuerySchema,
  ListHistoryQuerySchema,
  ListPhoneNumbersQuerySchema,
  ListSalesBrainsQuerySchema,
  ListScheduledDeactivationsQuerySchema,
  ListTasksQuerySchema,
  ListUsersQuerySchema,
  MutationContextSchema,
  PlanQuerySchema,
  ReadContextSchema,
  ReassignContactsInputSchema,
  ScheduleDeactivationInputSchema,
  TransferTasksInputSchema,
} from './contract/schemas';
export { invalidField, validate } from './contract/validate';
export { OrganisationDataSchema, checkOrganisationData } from './contract/organisationData';
export { fingerprint } from './contract/fingerprint';
export { splitDeactivationArgs } from './adapter/deactivationArgs';
// R15, R16: what a backend needs to run schedules, announce changes and deliver webhooks.
export { EventHub } from './events/eventHub';
export { eventIdOf, eventOf } from './events/lifecycleEvent';
export { createLifecycleWorker, type LifecycleWorker, type LifecycleWorkerOptions } from './lifecycle/createLifecycleWorker';
export { MAX_WEBHOOK_ENDPOINTS, isPublicUrl, nextAttemptAt, webhookPolicyOf, type WebhookPolicy } from './webhooks/policy';
export { ListWebhookDeliveriesQuerySchema, ListWebhookEndpointsQuerySchema, RegisterWebhookEndpointInputSchema } from './webhooks/schemas';
export { newWebhookSecret, sendWebhook, webhookPayload, type AttemptResult } from './webhooks/send';
