export {
  DEFAULT_HANDLER_TIMEOUT_MS,
  createOffboardHandler,
  type Authenticate,
  type ErrorReport,
  type OffboardAnswer,
  type OffboardHandler,
  type OffboardHandlerOptions,
} from './createOffboardHandler';
export { bearerToken, createDemoAuthenticator, type DemoAuthenticator } from './demoAuthenticator';
export { matchRoute, type RouteMatch } from './matchRoute';
export { createOpenApiDocument, type OpenApiDocument, type OpenApiOptions } from './openapi';
export * from '../scim';
