import { MAX_FILTER_LENGTH } from './filter';
import { MAX_PATCH_OPERATIONS } from './patch';
import { DEFAULT_SCIM_BASE_PATH, SCIM_CONTENT_TYPE, SCIM_MAX_RESULTS, SCIM_SCHEMAS } from './resources';

type Json = { [key: string]: unknown };

/**
 * The SCIM bridge's rows for the OpenAPI 3.1 document: `paths` to merge into the document's,
 * `components` (every name starts with `Scim`, so none collides) to merge into its components,
 * and the `SCIM` tag. Operations carry no `security` of their own: the document's applies, since
 * the bridge takes the same `authenticate` (a service identity's bearer token).
 */
export interface ScimOpenApiFragment {
  tags: { name: string; description: string }[];
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, Json>; parameters: Record<string, Json>; responses: Record<string, Json> };
}

const TAG = 'SCIM';
const ref = (kind: 'schemas' | 'parameters' | 'responses', name: string) => ({ $ref: `#/components/${kind}/${name}` });
const scimContent = (schema: Json, examples?: Json) => ({ [SCIM_CONTENT_TYPE]: { schema, ...(examples && { examples }) } });

const stringArray = { type: 'array', items: { type: 'string' } };

const SCHEMAS: Record<string, Json> = {
  ScimUser: {
    type: 'object',
    description: 'An Offboard user as a SCIM User (RFC 7643 §4.1). Only `active` may change.',
    required: ['schemas', 'id', 'userName', 'active', 'meta'],
    properties: {
      schemas: { type: 'array', items: { const: SCIM_SCHEMAS.user } },
      id: { type: 'string' },
      userName: { type: 'string', description: "The user's email." },
      name: { type: 'object', properties: { formatted: { type: 'string' } } },
      displayName: { type: 'string' },
      active: { type: 'boolean', description: 'false: deactivated (R3); true: active.' },
      emails: {
        type: 'array',
        items: { type: 'object', properties: { value: { type: 'string' }, type: { const: 'work' }, primary: { const: true } } },
      },
      meta: {
        type: 'object',
        required: ['resourceType', 'location', 'version'],
        properties: {
          resourceType: { const: 'User' },
          location: { type: 'string', format: 'uri' },
          version: { type: 'string', description: 'W/"<version>": the user\'s version, which every change increments.' },
        },
      },
    },
  },
  ScimUserList: {
    type: 'object',
    required: ['schemas', 'totalResults', 'startIndex', 'itemsPerPage', 'Resources'],
    properties: {
      schemas: { type: 'array', items: { const: SCIM_SCHEMAS.listResponse } },
      totalResults: { type: 'integer', minimum: 0 },
      startIndex: { type: 'integer', minimum: 1 },
      itemsPerPage: { type: 'integer', minimum: 0, maximum: SCIM_MAX_RESULTS },
      Resources: { type: 'array', items: ref('schemas', 'ScimUser') },
    },
  },
  ScimListResponse: {
    type: 'object',
    description: 'A list of discovery documents (schemas, resource types).',
    required: ['schemas', 'totalResults', 'Resources'],
    properties: {
      schemas: { type: 'array', items: { const: SCIM_SCHEMAS.listResponse } },
      totalResults: { type: 'integer', minimum: 0 },
      startIndex: { type: 'integer', minimum: 1 },
      itemsPerPage: { type: 'integer', minimum: 0 },
      Resources: { type: 'array', items: { type: 'object' } },
    },
  },
  ScimPatchOp: {
    type: 'object',
    description:
      'RFC 7644 §3.5.2. The operations run on the user as read; `active` is the one attribute they may change ' +
      '(a boolean, or "True"/"False"); any other change refuses the whole request (400 `mutability` or `invalidPath`). ' +
      'Setting `active` to the value it has changes nothing and answers 200.',
    required: ['schemas', 'Operations'],
    properties: {
      schemas: { ...stringArray, contains: { const: SCIM_SCHEMAS.patchOp } },
      Operations: {
        type: 'array',
        minItems: 1,
        maxItems: MAX_PATCH_OPERATIONS,
        items: {
          type: 'object',
          required: ['op'],
          properties: {
            op: { type: 'string', description: 'add, replace or remove, in any case (Entra sends "Replace").' },
            path: { type: 'string', maxLength: 512 },
            value: {},
          },
        },
      },
    },
  },
  ScimUserReplacement: {
    type: 'object',
    description: 'RFC 7644 §3.5.1. `active` is read; every other attribute is read-only and ignored. Without `active`, nothing changes.',
    required: ['schemas'],
    properties: {
      schemas: { ...stringArray, contains: { const: SCIM_SCHEMAS.user } },
      active: { oneOf: [{ type: 'boolean' }, { type: 'string', enum: ['True', 'False', 'true', 'false'] }] },
    },
  },
  ScimError: {
    type: 'object',
    description: "RFC 7644 §3.12. A rule's refusal carries the rule's message as `detail` (R4's is the help article's, word for word).",
    required: ['schemas', 'status', 'detail'],
    properties: {
      schemas: { type: 'array', items: { const: SCIM_SCHEMAS.error } },
      status: { type: 'string', pattern: '^[1-5][0-9]{2}$' },
      scimType: {
        type: 'string',
        enum: ['invalidFilter', 'tooMany', 'uniqueness', 'mutability', 'invalidSyntax', 'invalidPath', 'noTarget', 'invalidValue', 'invalidVers', 'sensitive'],
      },
      detail: { type: 'string' },
    },
  },
  ScimServiceProviderConfig: {
    type: 'object',
    required: ['schemas', 'patch', 'bulk', 'filter', 'changePassword', 'sort', 'etag', 'authenticationSchemes'],
    properties: {
      schemas: { type: 'array', items: { const: SCIM_SCHEMAS.serviceProviderConfig } },
      patch: { type: 'object', properties: { supported: { const: true } } },
      bulk: { type: 'object', properties: { supported: { const: false } } },
      filter: { type: 'object', properties: { supported: { const: true }, maxResults: { const: SCIM_MAX_RESULTS } } },
      changePassword: { type: 'object', properties: { supported: { const: false } } },
      sort: { type: 'object', properties: { supported: { const: false } } },
      etag: { type: 'object', properties: { supported: { const: false } } },
      authenticationSchemes: { type: 'array', items: { type: 'object' } },
    },
  },
  ScimDocument: { type: 'object', description: 'A SCIM schema or resource type (RFC 7643 §6, §7).' },
};

const error = (description: string) => ({ description, content: scimContent(ref('schemas', 'ScimError')) });

const RESPONSES = {
  ScimBadRequest: error('400: a malformed request (`invalidSyntax`, `invalidFilter`, `invalidValue`, `invalidPath`, `noTarget`) or a change to a read-only attribute (`mutability`).'),
  ScimUnauthorized: error('401: no credentials, or none that hold.'),
  ScimForbidden: error('403: the caller is neither a service identity nor an active admin (R12).'),
  ScimNotFound: error('404: no such user in the caller\'s organisation (R13), or no such endpoint.'),
  ScimMethodNotAllowed: error('405: the endpoint does not answer this method; `Allow` lists those it does. A user is never deleted (R1): `detail` says to deactivate instead.'),
  ScimConflict: error("409: a rule refuses the change: `detail` is the rule's message (R4 `LAST_LICENSE_IN_COUNTRY`, R9 `LAST_ADMIN`, R7 seats…)."),
  ScimTooLarge: error('413: the body is over the limit (64 KiB by default).'),
  ScimUnsupportedMediaType: error('415: a body that does not say `Content-Type: application/scim+json` (or `application/json`).'),
  ScimUnprocessable: error("422: the organisation's policy asks for a reason (R14, `REASON_REQUIRED`) and the bridge was configured to send none."),
  ScimNotImplemented: error('501: not supported (creating users: Offboard does not provision them; bulk; /Me).'),
  ScimServerError: error('500 or 503: the server failed; `detail` names the request id (also in `X-Request-Id`), nothing else.'),
} satisfies Record<string, Json>;

const PARAMETERS: Record<string, Json> = {
  ScimUserId: { name: 'userId', in: 'path', required: true, schema: { type: 'string' } },
  ScimFilter: {
    name: 'filter',
    in: 'query',
    description: 'One comparison: `userName eq "…"` (the email, case-insensitively), `emails.value eq "…"`, `id eq "…"`, `externalId eq "…"` (matches nothing: Offboard keeps none) or `active eq true|false`. Others: 400 `invalidFilter`.',
    schema: { type: 'string', maxLength: MAX_FILTER_LENGTH },
    example: 'userName eq "diego@vixiees.example"',
  },
  ScimStartIndex: {
    name: 'startIndex',
    in: 'query',
    description: '1-based; below 1 counts as 1. A page at startIndex s reads s - 1 + count users through the adapter, unless it follows the page before it.',
    schema: { type: 'integer', default: 1 },
  },
  ScimCount: {
    name: 'count',
    in: 'query',
    description: `At most ${SCIM_MAX_RESULTS} (more is answered with ${SCIM_MAX_RESULTS}); 0 answers totalResults only.`,
    schema: { type: 'integer', default: SCIM_MAX_RESULTS },
  },
  ScimAttributes: { name: 'attributes', in: 'query', description: 'Top-level attributes to return (id and schemas always are).', schema: { type: 'string' } },
  ScimExcludedAttributes: { name: 'excludedAttributes', in: 'query', description: 'Top-level attributes to leave out.', schema: { type: 'string' } },
};

/** Fixtures in the shape Okta and Microsoft Entra document for deprovisioning and re-provisioning. */
const PATCH_EXAMPLES = {
  oktaDeactivate: {
    summary: 'Okta: deactivate (path-less replace)',
    value: { schemas: [SCIM_SCHEMAS.patchOp], Operations: [{ op: 'replace', value: { active: false } }] },
  },
  entraDisable: {
    summary: 'Microsoft Entra: disable ("Replace", a string "False")',
    value: { schemas: [SCIM_SCHEMAS.patchOp], Operations: [{ op: 'Replace', path: 'active', value: 'False' }] },
  },
  reactivate: {
    summary: 'Reactivate (R7)',
    value: { schemas: [SCIM_SCHEMAS.patchOp], Operations: [{ op: 'replace', path: 'active', value: true }] },
  },
};

const requestBody = (schema: string, examples?: Json) => ({
  required: true,
  content: { ...scimContent(ref('schemas', schema), examples), 'application/json': { schema: ref('schemas', schema) } },
});

/** The status each shared response is listed under. */
const STATUS_OF: Readonly<Record<keyof typeof RESPONSES, string>> = {
  ScimBadRequest: '400',
  ScimUnauthorized: '401',
  ScimForbidden: '403',
  ScimNotFound: '404',
  ScimMethodNotAllowed: '405',
  ScimConflict: '409',
  ScimTooLarge: '413',
  ScimUnsupportedMediaType: '415',
  ScimUnprocessable: '422',
  ScimNotImplemented: '501',
  ScimServerError: '500',
};

const responses = (ok: Json, ...errors: (keyof typeof RESPONSES)[]) => ({
  ...ok,
  ...Object.fromEntries(errors.map((name) => [STATUS_OF[name], ref('responses', name)])),
});

const okWith = (schema: string, description: string) => ({ 200: { description, content: scimContent(ref('schemas', schema)) } });
const ALWAYS = ['ScimUnauthorized', 'ScimForbidden', 'ScimServerError'] as const;

const operation = (operationId: string, summary: string, description: string, rest: Json) => ({ tags: [TAG], operationId, summary, description, ...rest });

/**
 * OpenAPI 3.1 rows for the SCIM bridge mounted at `basePath` (as given to `createScimHandler`).
 * A new object on every call: the caller may merge and change it freely.
 */
export function scimOpenApiPaths(basePath: string = DEFAULT_SCIM_BASE_PATH): ScimOpenApiFragment {
  const base = basePath.replace(/\/+$/, '');
  const discovery = (operationId: string, summary: string, schema: string) =>
    operation(operationId, summary, 'RFC 7644 §4. Takes the same credentials as every SCIM call: a service identity, or an active admin.', { responses: responses(okWith(schema, summary), ...ALWAYS) });
  const fragment: ScimOpenApiFragment = {
    tags: [{ name: TAG, description: 'SCIM 2.0 (RFC 7643/7644) for identity providers: find users by userName, deactivate (R3) and reactivate (R7) them through `active`. Service identities only.' }],
    paths: {
      [`${base}/ServiceProviderConfig`]: { get: discovery('scimServiceProviderConfig', 'What the bridge supports', 'ScimServiceProviderConfig') },
      [`${base}/Schemas`]: { get: discovery('scimSchemas', 'The User schema, as a list', 'ScimListResponse') },
      [`${base}/Schemas/{schemaId}`]: {
        get: operation('scimSchema', 'One schema', 'RFC 7644 §4.', {
          parameters: [{ name: 'schemaId', in: 'path', required: true, schema: { type: 'string' }, example: SCIM_SCHEMAS.user }],
          responses: responses(okWith('ScimDocument', 'The schema'), 'ScimNotFound', ...ALWAYS),
        }),
      },
      [`${base}/ResourceTypes`]: { get: discovery('scimResourceTypes', 'The User resource type, as a list', 'ScimListResponse') },
      [`${base}/ResourceTypes/{resourceTypeId}`]: {
        get: operation('scimResourceType', 'One resource type', 'RFC 7644 §4.', {
          parameters: [{ name: 'resourceTypeId', in: 'path', required: true, schema: { type: 'string' }, example: 'User' }],
          responses: responses(okWith('ScimDocument', 'The resource type'), 'ScimNotFound', ...ALWAYS),
        }),
      },
      [`${base}/Users`]: {
        get: operation('scimListUsers', 'List or find users', 'Every user, active and inactive, or those the filter selects; paged by startIndex and count.', {
          parameters: ['ScimFilter', 'ScimStartIndex', 'ScimCount', 'ScimAttributes', 'ScimExcludedAttributes'].map((name) => ref('parameters', name)),
          responses: responses(okWith('ScimUserList', 'A page of users'), 'ScimBadRequest', ...ALWAYS),
        }),
        post: operation('scimCreateUser', 'Create a user: not supported', 'Offboard does not provision users: 501. Create them in the host application.', {
          responses: responses({}, 'ScimNotImplemented', ...ALWAYS),
        }),
      },
      [`${base}/Users/{userId}`]: {
        parameters: [ref('parameters', 'ScimUserId')],
        get: operation('scimGetUser', 'One user', 'Any user of the caller\'s organisation, active or not.', {
          parameters: ['ScimAttributes', 'ScimExcludedAttributes'].map((name) => ref('parameters', name)),
          responses: responses(okWith('ScimUser', 'The user'), 'ScimNotFound', ...ALWAYS),
        }),
        patch: operation('scimPatchUser', 'Deactivate or reactivate a user', '`active` false deactivates the user (R3, every effect); true reactivates them (R7). Same guards as the REST contract; the audit entry names the caller (the service identity).', {
          requestBody: requestBody('ScimPatchOp', PATCH_EXAMPLES),
          responses: responses(okWith('ScimUser', 'The user after the change (or as it was, when active already held)'), 'ScimBadRequest', 'ScimNotFound', 'ScimConflict', 'ScimTooLarge', 'ScimUnsupportedMediaType', 'ScimUnprocessable', ...ALWAYS),
        }),
        put: operation('scimReplaceUser', 'Set active by replacing the user', 'Only `active` is read; the rest is read-only and ignored (RFC 7644 §3.5.1).', {
          requestBody: requestBody('ScimUserReplacement'),
          responses: responses(okWith('ScimUser', 'The user after the change'), 'ScimBadRequest', 'ScimNotFound', 'ScimConflict', 'ScimTooLarge', 'ScimUnsupportedMediaType', 'ScimUnprocessable', ...ALWAYS),
        }),
        delete: operation('scimDeleteUser', 'Delete a user: refused (R1)', 'Always 405 (`DELETION_NOT_SUPPORTED`): users are never deleted, to keep their history; deactivate instead (PATCH active false).', {
          responses: responses({}, 'ScimMethodNotAllowed', ...ALWAYS),
        }),
      },
    },
    components: { schemas: SCHEMAS, parameters: PARAMETERS, responses: RESPONSES },
  };
  return structuredClone(fragment);
}

export interface ScimOpenApiOptions {
  /** Where the bridge is mounted, as given to `createScimHandler`. @default '/scim/v2' */
  readonly basePath?: string;
  /** @default 'Offboard SCIM 2.0' */
  readonly title?: string;
  /** @default '1' */
  readonly version?: string;
  /** Where the bridge is served, without `basePath`, which the paths carry. */
  readonly servers?: readonly { readonly url: string; readonly description?: string }[];
}

/** An OpenAPI 3.1 document of the SCIM bridge alone, as plain JSON. */
export interface ScimOpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  servers?: { url: string; description?: string }[];
  tags: ScimOpenApiFragment['tags'];
  security: Record<string, string[]>[];
  paths: ScimOpenApiFragment['paths'];
  components: ScimOpenApiFragment['components'] & { securitySchemes: Record<string, Json> };
}

/**
 * The SCIM bridge as a document of its own, which `createScimHandler` serves at
 * `<basePath>/openapi.json` (the REST contract's document stays the contract's). A host that
 * keeps one document merges `scimOpenApiPaths(basePath)` into it instead.
 */
export function createScimOpenApiDocument(options: ScimOpenApiOptions = {}): ScimOpenApiDocument {
  const base = (options.basePath ?? DEFAULT_SCIM_BASE_PATH).replace(/\/+$/, '');
  const fragment = scimOpenApiPaths(base);
  fragment.paths[`${base}/openapi.json`] = {
    get: operation('scimOpenApi', 'This document', 'Public, like the REST contract\'s: it describes the bridge and reads nothing.', {
      security: [],
      responses: { 200: { description: 'The OpenAPI 3.1 document', content: { 'application/json': { schema: { type: 'object' } } } } },
    }),
  };
  return {
    openapi: '3.1.0',
    info: {
      title: options.title ?? 'Offboard SCIM 2.0',
      version: options.version ?? '1',
      description:
        'SCIM 2.0 (RFC 7643, RFC 7644) for identity providers such as Okta and Microsoft Entra: users are found by userName (their email), ' +
        'deactivated (R3) and reactivated (R7) by setting `active`, never created or deleted (R1). Errors are SCIM errors ' +
        '(`urn:ietf:params:scim:api:messages:2.0:Error`); a rule\'s refusal carries the rule\'s message as `detail`.',
    },
    ...(options.servers && { servers: options.servers.map((server) => ({ ...server })) }),
    tags: fragment.tags,
    security: [{ bearerAuth: [] }],
    paths: fragment.paths,
    components: { ...fragment.components, securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: "A token the host's authenticate maps to a service identity." } } },
  };
}
