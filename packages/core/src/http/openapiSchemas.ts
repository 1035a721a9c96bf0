import { toJsonSchemaDefs, type ConversionConfig } from '@valibot/to-json-schema';
import type * as v from 'valibot';
import { EffectPreviewSchema, OffboardingPlanSchema, PlanStepSchema, ReasonSchema } from '../contract/planSchema';
import { ProblemSchema } from '../contract/problems';
import {
  AccessSchema,
  AuditEntrySchema,
  ContactSchema,
  EffectsSchema,
  ErrorDetailsSchema,
  HistoryRecordSchema,
  LicenseSchema,
  PhoneNumberChangeSchema,
  PhoneNumberSchema,
  ReassignContactsResultSchema,
  DeactivationReasonResponseSchema,
  RefusalRecordSchema,
  SalesBrainSchema,
  ScheduleChangeSchema,
  ScheduledDeactivationSchema,
  SeatUsageSchema,
  TaskChangeSchema,
  TaskSchema,
  TransferTasksResultSchema,
  UserChangeSchema,
  UserSchema,
} from '../contract/responses';
import { OPERATIONS, ROUTES, type OperationName, type Route } from '../contract/routes';
import { DeactivationInputSchema, IdSchema, IdempotencyKeySchema, NoFieldsSchema } from '../contract/schemas';

/** A JSON object: an OpenAPI object, or a JSON Schema in the 2020-12 dialect (OpenAPI 3.1's). */
export type JsonObject = { readonly [key: string]: unknown };
export type JsonSchema = JsonObject;

/**
 * Schemas that several routes share, named once in `components.schemas` so that responses and
 * bodies refer to them. The names of pages, bodies and other responses come from the route table.
 */
const SHARED_SCHEMAS: Readonly<Record<string, v.GenericSchema>> = {
  Id: IdSchema,
  IdempotencyKey: IdempotencyKeySchema,
  NoFields: NoFieldsSchema,
  User: UserSchema,
  License: LicenseSchema,
  Contact: ContactSchema,
  Task: TaskSchema,
  PhoneNumber: PhoneNumberSchema,
  SalesBrain: SalesBrainSchema,
  HistoryRecord: HistoryRecordSchema,
  Access: AccessSchema,
  SeatUsage: SeatUsageSchema,
  Effects: EffectsSchema,
  AuditEntry: AuditEntrySchema,
  UserChange: UserChangeSchema,
  TaskChange: TaskChangeSchema,
  PhoneNumberChange: PhoneNumberChangeSchema,
  ReassignContactsResult: ReassignContactsResultSchema,
  TransferTasksResult: TransferTasksResultSchema,
  DeactivationInput: DeactivationInputSchema,
  DeactivationReason: DeactivationReasonResponseSchema,
  RefusalRecord: RefusalRecordSchema,
  ScheduledDeactivation: ScheduledDeactivationSchema,
  ScheduleChange: ScheduleChangeSchema,
  OffboardingPlan: OffboardingPlanSchema,
  PlanStep: PlanStepSchema,
  EffectPreview: EffectPreviewSchema,
  Reason: ReasonSchema,
  ErrorDetails: ErrorDetailsSchema,
  Problem: ProblemSchema,
};

export const componentRef = (kind: 'schemas' | 'parameters' | 'headers' | 'responses', name: string) => ({ $ref: `#/components/${kind}/${name}` });

const CONVERSION: ConversionConfig = {
  target: 'draft-2020-12',
  // `v.check` and `v.forward` (reserved ids, distinct ids, contactIds or exceptContactIds) have no
  // JSON Schema form: the rest of each schema still converts, and only those checks are lost.
  errorMode: 'ignore',
  overrideRef: ({ referenceId }) => componentRef('schemas', referenceId).$ref,
};

const pascal = (operation: OperationName) => `${operation[0]!.toUpperCase()}${operation.slice(1)}`;

/** `pageOf(Item)` makes a new schema for each route, so a page is recognised by its `items`. */
function pageItemOf(schema: v.GenericSchema): v.GenericSchema | undefined {
  const items = (schema as { entries?: Record<string, { type?: string; item?: v.GenericSchema }> }).entries?.['items'];
  return items?.type === 'array' ? items.item : undefined;
}

/** Every schema the document names, with its name: shared ones, then each route's body and response. */
function nameSchemas(): Map<v.GenericSchema, string> {
  const names = new Map(Object.entries(SHARED_SCHEMAS).map(([name, schema]) => [schema, name]));
  const name = (schema: v.GenericSchema, fallback: string) => {
    if (!names.has(schema)) names.set(schema, fallback);
  };
  for (const operation of OPERATIONS) {
    const route: Route = ROUTES[operation];
    if (route.body) name(route.body, `${pascal(operation)}Body`);
    if (!route.response) continue;
    const item = pageItemOf(route.response);
    const itemName = item && names.get(item);
    name(route.response, itemName ? `${itemName}Page` : `${pascal(operation)}Response`);
  }
  return names;
}

export interface ContractSchemas {
  /** `components.schemas`, by name. */
  readonly components: Record<string, JsonSchema>;
  /** A body or response: a `$ref` to its component. */
  refOf(schema: v.GenericSchema): JsonSchema;
  /** A query schema, inline: its fields become parameters. */
  inlineOf(schema: v.GenericSchema): JsonSchema;
}

/**
 * Converts every schema of the route table in one pass, so a schema nested anywhere (a `User` in
 * a change, an `Id` in a body) becomes a `$ref` to its component instead of a copy.
 */
export function convertContractSchemas(): ContractSchemas {
  const names = nameSchemas();
  // Query schemas are converted with the rest, under keys no component has (`listUsers?`).
  const keys = new Map(names);
  for (const operation of OPERATIONS) {
    const query = (ROUTES[operation] as Route).query;
    if (query && !keys.has(query)) keys.set(query, `${operation}?`);
  }
  const converted = toJsonSchemaDefs(Object.fromEntries([...keys].map(([schema, key]) => [key, schema])), CONVERSION);
  const known = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('createOpenApiDocument: a schema outside the route table');
    return value;
  };
  return {
    components: Object.fromEntries([...new Set(names.values())].sort().map((name) => [name, converted[name] as JsonSchema])),
    refOf: (schema) => componentRef('schemas', known(names.get(schema))),
    inlineOf: (schema) => converted[known(keys.get(schema))] as JsonSchema,
  };
}
