import type * as v from 'valibot';
import { AssignLicenseInputSchema, BulkMutationContextSchema, DeactivationInputSchema, IdSchema, ListScheduledDeactivationsQuerySchema, ListWebhookDeliveriesQuerySchema, ListWebhookEndpointsQuerySchema, RegisterWebhookEndpointInputSchema, ScheduleDeactivationInputSchema, ListAuditLogQuerySchema, ListContactsQuerySchema, ListHistoryQuerySchema, ListPhoneNumbersQuerySchema, ListSalesBrainsQuerySchema, ListTasksQuerySchema, ListUsersQuerySchema, MutationContextSchema, PlanQuerySchema, ReadContextSchema, ReassignContactsInputSchema, TransferTasksInputSchema, validate } from '@offboard/core/backend';

export { validate };

/**
 * The contract's own input schemas, so this backend refuses exactly what the in-memory backend and
 * the REST handler refuse, naming the same fields.
 */
export const Schemas = {
  readContext: ReadContextSchema,
  mutationContext: MutationContextSchema,
  bulkMutationContext: BulkMutationContextSchema,
  assignLicense: AssignLicenseInputSchema,
  reassignContacts: ReassignContactsInputSchema,
  transferTasks: TransferTasksInputSchema,
  plan: PlanQuerySchema,
  listUsers: ListUsersQuerySchema,
  listContacts: ListContactsQuerySchema,
  listTasks: ListTasksQuerySchema,
  listPhoneNumbers: ListPhoneNumbersQuerySchema,
  listSalesBrains: ListSalesBrainsQuerySchema,
  listAuditLog: ListAuditLogQuerySchema,
  listHistory: ListHistoryQuerySchema,
  deactivation: DeactivationInputSchema,
  scheduleDeactivation: ScheduleDeactivationInputSchema,
  listScheduledDeactivations: ListScheduledDeactivationsQuerySchema,
  registerWebhookEndpoint: RegisterWebhookEndpointInputSchema,
  listWebhookEndpoints: ListWebhookEndpointsQuerySchema,
  listWebhookDeliveries: ListWebhookDeliveriesQuerySchema,
} as const;

/** An id argument (`userId`, `taskId`, `phoneNumberId`). */
export const validId = (value: unknown, field: string): string => validate(IdSchema, value, field);

/** A listing's query; an omitted one is an empty one. */
export const validQuery = <S extends v.GenericSchema>(schema: S, value: unknown): v.InferOutput<S> => validate(schema, value ?? {}, 'query');
