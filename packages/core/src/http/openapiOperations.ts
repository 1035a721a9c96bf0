import { ETAG_HEADER, IDEMPOTENCY_KEY_HEADER, IF_MATCH_HEADER, formatETag } from '../contract/headers';
import { ROUTES, type OperationName, type Route } from '../contract/routes';
import { JSON_CONTENT_TYPE } from '../contract/transport';
import { headerRefs, problemResponseRefs } from './openapiResponses';
import { componentRef, type ContractSchemas, type JsonObject, type JsonSchema } from './openapiSchemas';

export const TAGS = [
  { name: 'Users', description: 'Users, their licenses and their offboarding (R1–R4, R7–R9).' },
  { name: 'Contacts', description: 'Contacts and their reassignment (R5).' },
  { name: 'Tasks', description: 'Tasks, taken or handed over (R6, R8 step 2).' },
  { name: 'Phone numbers', description: "The organisation's phone numbers (R4)." },
  { name: 'Organisation', description: 'Seats and Sales Brains.' },
  { name: 'Scheduled deactivations', description: 'Deactivations scheduled for a future instant, run with the rules as they stand then (R15).' },
  { name: 'Audit', description: 'The append-only audit log and the activity history (R10).' },
  { name: 'Documentation', description: 'This document.' },
] as const;

type Tag = (typeof TAGS)[number]['name'];

/** What each operation is for, in the words of the rules; typed by operation, so none is left out. */
const OPERATION_DOCS: Readonly<Record<OperationName, { readonly tag: Tag; readonly summary: string; readonly description: string }>> = {
  listUsers: {
    tag: 'Users',
    summary: 'List users',
    description: 'A page of users. Members see active users only, without the email of others (R12).',
  },
  getUser: { tag: 'Users', summary: 'Get a user', description: 'One user; its `ETag` is the version to send as `If-Match`.' },
  getOffboardingPlan: {
    tag: 'Users',
    summary: "Plan a user's offboarding",
    description: 'What offboarding the user involves and its ordered steps, each done, pending, blocked or not applicable, for the caller (R8).',
  },
  getAccess: {
    tag: 'Users',
    summary: "Get a user's access",
    description: 'Whether the user can sign in, use commercial features and reports, and how many sessions are open.',
  },
  assignLicense: {
    tag: 'Users',
    summary: 'Assign a license',
    description: 'Gives an active user a salesperson license in a country, using a free seat (R7).',
  },
  deactivateLicense: {
    tag: 'Users',
    summary: 'Deactivate a license',
    description:
      "Frees the seat; the user stays active with reports, leaves every Sales Brain, and the user's tasks become transferable (R2, R4). " +
      'The body may give a reason (R14), which the audit entry keeps; an organisation may require one (422 `REASON_REQUIRED`). ' +
      "It completes the user's pending license schedule (R15).",
  },
  deactivateUser: {
    tag: 'Users',
    summary: 'Deactivate a user',
    description:
      'Ends sign-in and open sessions, keeps the history, and takes an active license with every R2 effect in the same step (R3). ' +
      'The body may give a reason (R14), which the audit entry keeps; an organisation may require one (422 `REASON_REQUIRED`). ' +
      "It completes the user's pending schedules (R15).",
  },
  reactivateUser: { tag: 'Users', summary: 'Reactivate a user', description: 'Restores sign-in, not the license (R7).' },
  deleteUser: {
    tag: 'Users',
    summary: 'Delete a user (always refused)',
    description: 'Users are never deleted, to keep their history: always 405 `DELETION_NOT_SUPPORTED` (R1).',
  },
  listContacts: {
    tag: 'Contacts',
    summary: 'List contacts',
    description: 'A page of contacts, by owner, orphaned (owned by an inactive user) or by search.',
  },
  reassignContacts: {
    tag: 'Contacts',
    summary: 'Reassign contacts',
    description: "Moves some, all or all but some of an owner's contacts to salespeople, split evenly (R5). A bulk move: no `If-Match`.",
  },
  listTasks: { tag: 'Tasks', summary: 'List tasks', description: 'A page of tasks, by assignee, state or whether they wait for a taker.' },
  takeTask: { tag: 'Tasks', summary: 'Take a task', description: 'The caller, an active salesperson, takes a transferable task (R6).' },
  transferTasks: {
    tag: 'Tasks',
    summary: 'Transfer tasks',
    description: "Hands a user's open tasks to a salesperson (R8 step 2). A bulk move: no `If-Match`.",
  },
  listPhoneNumbers: { tag: 'Phone numbers', summary: 'List phone numbers', description: 'A page of phone numbers, by country or status.' },
  deactivatePhoneNumber: {
    tag: 'Phone numbers',
    summary: 'Deactivate a phone number',
    description: "Deactivates a number; a country's last license can go only once its numbers are inactive (R4).",
  },
  listSalesBrains: {
    tag: 'Organisation',
    summary: 'List Sales Brains',
    description: 'A page of Sales Brains, optionally those a member belongs to.',
  },
  getSeatUsage: { tag: 'Organisation', summary: 'Get seat usage', description: 'Paid seats: total, used and available.' },
  listAuditLog: { tag: 'Audit', summary: 'List the audit log', description: 'A page of audit entries, one per change (R10).' },
  listHistory: {
    tag: 'Audit',
    summary: 'List the history',
    description: "A page of calls, emails, messages, activities and metrics, kept after a user's deactivation.",
  },
  scheduleDeactivation: {
    tag: 'Scheduled deactivations',
    summary: 'Schedule a deactivation',
    description:
      "Deactivates the user's license or the user at a future instant (`at`, with its offset; stored in UTC), with the rules as they stand then (R15). " +
      'One pending schedule per user and kind (409 `SCHEDULE_CONFLICT`). `If-Match` is the user\'s version; the `ETag` answered is the schedule\'s.',
  },
  cancelScheduledDeactivation: {
    tag: 'Scheduled deactivations',
    summary: 'Cancel a scheduled deactivation',
    description: 'A pending schedule will not run; one that already ran, failed or was cancelled is refused (409 `SCHEDULE_NOT_PENDING`) (R15).',
  },
  listScheduledDeactivations: {
    tag: 'Scheduled deactivations',
    summary: 'List scheduled deactivations',
    description: 'A page of scheduled deactivations, soonest first, by user or status; a failed one says which rule refused it (R15). Admins only (R12).',
  },
};

const ID_DESCRIPTIONS: Readonly<Record<NonNullable<Route['id']>, string>> = {
  userId: "The user's id.",
  taskId: "The task's id.",
  phoneNumberId: "The phone number's id.",
  scheduleId: "The scheduled deactivation's id.",
};

/** `components.parameters`: the headers that carry a change's context. */
export function headerParameters(): Record<string, JsonObject> {
  return {
    IdempotencyKey: {
      name: IDEMPOTENCY_KEY_HEADER,
      in: 'header',
      required: false,
      description:
        'Makes the change safe to retry: the same key with the same request answers the first success again; with another request it is refused (422). Keys belong to the caller.',
      schema: componentRef('schemas', 'IdempotencyKey'),
    },
    IfMatch: {
      name: IF_MATCH_HEADER,
      in: 'header',
      required: false,
      description: `The version the caller last read, as its ETag (\`${formatETag(3)}\`): a record that changed since is not changed (412). \`*\`, or no header, accepts any version.`,
      // As `contextFromHeaders` reads it: one strong ETag of a version, or `*`.
      schema: { type: 'string', pattern: '^(\\*|"[0-9]{1,15}")$' },
    },
  };
}

/** `/v1/users/:id` → `/v1/users/{userId}`: OpenAPI names the parameter in the template. */
export const openApiPath = (route: Route): string => (route.id ? route.path.replace(':id', `{${route.id}}`) : route.path);

/** `null` cannot be written in a query string: the encoding leaves it out, like `undefined`. */
function withoutNull(schema: JsonSchema): JsonSchema {
  const { anyOf = [], ...rest } = schema as { anyOf?: JsonSchema[] };
  const options = anyOf.filter((option) => option['type'] !== 'null');
  if (options.length === anyOf.length) return schema;
  return options.length === 1 ? { ...rest, ...options[0] } : { ...rest, anyOf: options };
}

function pathParameters(route: Route): JsonObject[] {
  if (!route.id) return [];
  return [{ name: route.id, in: 'path', required: true, description: ID_DESCRIPTIONS[route.id], schema: componentRef('schemas', 'Id') }];
}

function queryParameters(route: Route, schemas: ContractSchemas): JsonObject[] {
  if (!route.query) return [];
  const { properties = {}, required = [] } = schemas.inlineOf(route.query) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(properties).map(([name, schema]) => ({ name, in: 'query', required: required.includes(name), schema: withoutNull(schema) }));
}

function parametersOf(route: Route, schemas: ContractSchemas): JsonObject[] {
  return [
    ...pathParameters(route),
    ...queryParameters(route, schemas),
    ...(route.mutation ? [componentRef('parameters', 'IdempotencyKey')] : []),
    // The bulk moves refuse `If-Match`: no one version describes the records they move.
    ...(route.mutation && route.etag && !route.bulk ? [componentRef('parameters', 'IfMatch')] : []),
  ];
}

/**
 * Every request but a read has a body, or may: the server reads one from each and refuses a
 * change that does not say `Content-Type: application/json`, bodyless or not.
 */
function requestBodyOf(route: Route, schemas: ContractSchemas): JsonObject {
  const content = (schema: JsonSchema) => ({ [JSON_CONTENT_TYPE]: { schema } });
  if (!route.body) {
    return {
      required: false,
      description: 'None, or `{}`. The request must still say `Content-Type: application/json`, which an HTML form cannot.',
      content: content(componentRef('schemas', 'NoFields')),
    };
  }
  return { required: route.body.type !== 'optional', content: content(schemas.refOf(route.body)) };
}

function successOf(route: Route, schemas: ContractSchemas): Record<string, JsonObject> {
  if (!route.response) return {};
  return {
    [String(route.status)]: {
      description: 'OK.',
      headers: headerRefs(...(route.etag ? [ETAG_HEADER] : [])),
      content: { [JSON_CONTENT_TYPE]: { schema: schemas.refOf(route.response) } },
    },
  };
}

/** The operation object of one route of the contract. */
export function operationOf(operation: OperationName, schemas: ContractSchemas): JsonObject {
  const route: Route = ROUTES[operation];
  const { tag, summary, description } = OPERATION_DOCS[operation];
  return {
    operationId: operation,
    tags: [tag],
    summary,
    description,
    parameters: parametersOf(route, schemas),
    ...(route.method !== 'GET' && { requestBody: requestBodyOf(route, schemas) }),
    responses: { ...successOf(route, schemas), ...problemResponseRefs(route) },
  };
}

/** `GET {basePath}/openapi.json`: this document, which needs no credentials. */
export function documentOperation(): JsonObject {
  return {
    operationId: 'getOpenApiDocument',
    tags: ['Documentation'],
    summary: 'Get this document',
    description: 'This OpenAPI document, generated from the route table the server routes every request with.',
    security: [],
    responses: {
      '200': { description: 'OK.', headers: headerRefs(), content: { [JSON_CONTENT_TYPE]: { schema: { type: 'object' } } } },
    },
  };
}
