export {
  DEFAULT_SCIM_DEACTIVATION_REASON,
  DEFAULT_SCIM_MAX_BODY_BYTES,
  createScimHandler,
  type ScimErrorReport,
  type ScimHandler,
  type ScimHandlerOptions,
  type ScimOperation,
} from './createScimHandler';
export type { ScimErrorBody, ScimType } from './errors';
export { createScimOpenApiDocument, scimOpenApiPaths, type ScimOpenApiDocument, type ScimOpenApiFragment, type ScimOpenApiOptions } from './openapi';
export { DEFAULT_SCIM_BASE_PATH, SCIM_CONTENT_TYPE, SCIM_MAX_RESULTS, SCIM_SCHEMAS, type ScimListResponse, type ScimUser } from './resources';
