import type { User } from '../domain/types';

/**
 * SCIM 2.0 (RFC 7643 / RFC 7644) as Offboard speaks it: the schema URNs, the User resource built
 * from an Offboard `User`, and the three discovery documents. Everything here is plain data;
 * `createScimHandler` serves it.
 */
export const SCIM_CONTENT_TYPE = 'application/scim+json';

/** Where `createScimHandler` mounts the bridge unless told otherwise, as identity providers expect it. */
export const DEFAULT_SCIM_BASE_PATH = '/scim/v2';

export const SCIM_SCHEMAS = {
  user: 'urn:ietf:params:scim:schemas:core:2.0:User',
  listResponse: 'urn:ietf:params:scim:api:messages:2.0:ListResponse',
  patchOp: 'urn:ietf:params:scim:api:messages:2.0:PatchOp',
  error: 'urn:ietf:params:scim:api:messages:2.0:Error',
  serviceProviderConfig: 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig',
  resourceType: 'urn:ietf:params:scim:schemas:core:2.0:ResourceType',
  schema: 'urn:ietf:params:scim:schemas:core:2.0:Schema',
} as const;

/** The most resources one `GET /Users` returns (`count` is capped here), as `/ServiceProviderConfig` says. */
export const SCIM_MAX_RESULTS = 100;

/** A SCIM User as Offboard serves it: every attribute but `active` is read-only here. */
export interface ScimUser {
  schemas: [typeof SCIM_SCHEMAS.user];
  id: string;
  /** The user's email: the attribute identity providers match on. */
  userName: string;
  name: { formatted: string };
  displayName: string;
  /** `status === 'active'`; the one attribute a SCIM client may change (R3, R7). */
  active: boolean;
  emails?: { value: string; type: 'work'; primary: true }[];
  meta: { resourceType: 'User'; location: string; version: string };
}

export interface ScimListResponse<T> {
  schemas: [typeof SCIM_SCHEMAS.listResponse];
  totalResults: number;
  startIndex: number;
  itemsPerPage: number;
  Resources: T[];
}

/** `W/"<version>"`: the user's `version`, which changes with every change of the user. */
export const scimVersion = (version: number) => `W/"${version}"`;

/**
 * The User resource of an Offboard user. `userName` is the email (service identities read every
 * email, R12); a backend that answers without one falls back to the id, so the attribute SCIM
 * requires is never empty.
 */
export function toScimUser(user: User, usersUrl: string): ScimUser {
  return {
    schemas: [SCIM_SCHEMAS.user],
    id: user.id,
    userName: user.email ?? user.id,
    name: { formatted: user.name },
    displayName: user.name,
    active: user.status === 'active',
    ...(user.email !== null && { emails: [{ value: user.email, type: 'work' as const, primary: true as const }] }),
    meta: { resourceType: 'User', location: `${usersUrl}/${encodeURIComponent(user.id)}`, version: scimVersion(user.version) },
  };
}

export function listResponse<T>(resources: T[], totalResults: number, startIndex: number): ScimListResponse<T> {
  return { schemas: [SCIM_SCHEMAS.listResponse], totalResults, startIndex, itemsPerPage: resources.length, Resources: resources };
}

/** Offboard's own attributes of a User (RFC 7643 §4.1 names, §2.2 characteristics). */
const readOnly = (name: string, type: 'string' | 'boolean' | 'complex', description: string, extra: Record<string, unknown> = {}) => ({
  name,
  type,
  multiValued: false,
  description,
  required: false,
  caseExact: false,
  mutability: 'readOnly',
  returned: 'default',
  uniqueness: 'none',
  ...extra,
});

/**
 * The User schema as `/Schemas` describes it: exactly what Offboard serves and accepts. Names and
 * emails belong to the host application (Offboard never provisions or renames anyone), so they
 * are `readOnly`; `active` alone is `readWrite`.
 */
export const USER_SCHEMA_DOCUMENT = {
  schemas: [SCIM_SCHEMAS.schema],
  id: SCIM_SCHEMAS.user,
  name: 'User',
  description: 'An Offboard user. Only `active` may be changed: false deactivates the user (R3), true reactivates them (R7).',
  attributes: [
    readOnly('userName', 'string', "The user's email, unique in the organisation.", { required: true, uniqueness: 'server' }),
    readOnly('name', 'complex', "The user's name.", {
      subAttributes: [readOnly('formatted', 'string', 'The full name, as Offboard shows it.')],
    }),
    readOnly('displayName', 'string', 'The full name, as Offboard shows it.'),
    {
      name: 'active',
      type: 'boolean',
      multiValued: false,
      description: 'Whether the user may sign in. false deactivates the user with every effect of R3; true reactivates them (R7), without a license.',
      required: false,
      mutability: 'readWrite',
      returned: 'default',
    },
    {
      ...readOnly('emails', 'complex', "The user's email, as the one work address."),
      multiValued: true,
      subAttributes: [
        readOnly('value', 'string', 'The email address.'),
        readOnly('type', 'string', 'Always "work".', { canonicalValues: ['work'] }),
        readOnly('primary', 'boolean', 'Always true.'),
      ],
    },
  ],
  meta: { resourceType: 'Schema' },
} as const;

export const USER_RESOURCE_TYPE = {
  schemas: [SCIM_SCHEMAS.resourceType],
  id: 'User',
  name: 'User',
  endpoint: '/Users',
  description: 'Offboard users: read, matched by userName, deactivated and reactivated through active. Never created or deleted (R1).',
  schema: SCIM_SCHEMAS.user,
  schemaExtensions: [],
} as const;

/** What the bridge supports, and nothing more (RFC 7643 §5). */
export function serviceProviderConfig(documentationUri?: string) {
  return {
    schemas: [SCIM_SCHEMAS.serviceProviderConfig],
    ...(documentationUri && { documentationUri }),
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: SCIM_MAX_RESULTS },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: false },
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'OAuth Bearer Token',
        description: "Authorization: Bearer <token>, a token the host's authenticate maps to a service identity of one organisation.",
        primary: true,
      },
    ],
    meta: { resourceType: 'ServiceProviderConfig' },
  };
}
