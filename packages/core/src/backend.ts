/**
 * `@offboard/core/backend`: what a backend needs besides the interface, so that every backend
 * (the in-memory one, PostgreSQL, a host's own in JavaScript) runs the very same rules: the
 * guards over a read model, the R8 plan, R12's read authorisation, the contract's input schemas
 * and its one way to refuse bad input, the check of an organisation's data, and the request
 * fingerprint idempotency keys compare. No UI needs any of it.
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
export { planOffboarding } from './rules/plan';
export { authorizeRead, readUser, visibleUser } from './rules/readAccess';
export {
  AssignLicenseInputSchema,
  BulkMutationContextSchema,
  IdSchema,
  ListAuditLogQuerySchema,
  ListContactsQuerySchema,
  ListHistoryQuerySchema,
  ListPhoneNumbersQuerySchema,
  ListSalesBrainsQuerySchema,
  ListTasksQuerySchema,
  ListUsersQuerySchema,
  MutationContextSchema,
  PlanQuerySchema,
  ReadContextSchema,
  ReassignContactsInputSchema,
  TransferTasksInputSchema,
} from './contract/schemas';
export { invalidField, validate } from './contract/validate';
export { OrganisationDataSchema, checkOrganisationData } from './contract/organisationData';
export { fingerprint } from './contract/fingerprint';
