import { OPERATIONS, ROUTES, type Route } from '../contract/routes';
import { TAGS, documentOperation, headerParameters, openApiPath, operationOf } from './openapiOperations';
import { problemResponses, responseHeaders } from './openapiResponses';
import { convertContractSchemas, type ContractSchemas, type JsonObject, type JsonSchema } from './openapiSchemas';

export type { JsonObject, JsonSchema } from './openapiSchemas';

export interface OpenApiOptions {
  /** Where the contract is mounted, as given to `createOffboardHandler`. @default '' */
  readonly basePath?: string;
  /** @default 'Offboard API' */
  readonly title?: string;
  /** The document's version. @default '1' */
  readonly version?: string;
  /** Where the API is served, without `basePath`, which the paths carry. */
  readonly servers?: readonly { readonly url: string; readonly description?: string }[];
  /**
   * How callers prove who they are, as OpenAPI security schemes; any one of them is enough.
   * Hosts authenticate with cookies or API keys as well as bearer tokens.
   * @default { bearerAuth: { type: 'http', scheme: 'bearer' } }
   */
  readonly securitySchemes?: Readonly<Record<string, object>>;
}

type HttpVerb = 'get' | 'post' | 'delete';

/** An OpenAPI 3.1 document as plain JSON: `JSON.stringify` it to serve it. */
export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  servers?: { url: string; description?: string }[];
  tags: { name: string; description: string }[];
  security: Record<string, string[]>[];
  paths: Record<string, Partial<Record<HttpVerb, JsonObject>>>;
  components: {
    schemas: Record<string, JsonSchema>;
    parameters: Record<string, JsonObject>;
    headers: Record<string, JsonObject>;
    responses: Record<string, JsonObject>;
    securitySchemes: Record<string, object>;
  };
}

const DESCRIPTION = [
  "Every request acts as the caller that the host finds in its credentials (a session cookie, a bearer token or an API key), in that caller's organisation. " +
    'Nothing in a request names the acting user or the organisation: an `X-Actor-Id` header or an `actorId` parameter is ignored or refused, never believed.',
  'Query parameters are given at most once, booleans as `true` or `false` and numbers in decimal; unknown parameters and body fields are refused. ' +
    'Errors are RFC 9457 problems (`application/problem+json`) whose `code` clients branch on. ' +
    'Every change takes an `Idempotency-Key`, and a change of one record an `If-Match` with the `ETag` it was read with.',
].join('\n\n');

/** Every route under `basePath`, grouped by path as OpenAPI wants, then this document's own. */
function pathsOf(basePath: string, schemas: ContractSchemas): OpenApiDocument['paths'] {
  const paths: OpenApiDocument['paths'] = {};
  for (const operation of OPERATIONS) {
    const route: Route = ROUTES[operation];
    (paths[`${basePath}${openApiPath(route)}`] ??= {})[route.method.toLowerCase() as HttpVerb] = operationOf(operation, schemas);
  }
  paths[`${basePath}/openapi.json`] = { get: documentOperation() };
  return paths;
}

/**
 * The REST contract as an OpenAPI 3.1 document, generated from `ROUTES` and its valibot schemas:
 * the table the HTTP adapter builds requests with and the handler routes them with. The same
 * options give the same JSON; each call builds it anew, so callers cache it.
 */
export function createOpenApiDocument(options: OpenApiOptions = {}): OpenApiDocument {
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  const securitySchemes = options.securitySchemes ?? { bearerAuth: { type: 'http', scheme: 'bearer' } };
  const schemas = convertContractSchemas();
  const document: OpenApiDocument = {
    openapi: '3.1.0',
    info: { title: options.title ?? 'Offboard API', version: options.version ?? '1', description: DESCRIPTION },
    ...(options.servers && { servers: [...options.servers] }),
    tags: [...TAGS],
    security: Object.keys(securitySchemes).map((name) => ({ [name]: [] })),
    paths: pathsOf(basePath, schemas),
    components: {
      schemas: schemas.components,
      parameters: headerParameters(),
      headers: responseHeaders(),
      responses: problemResponses(),
      securitySchemes: { ...securitySchemes },
    },
  };
  // The converter hands out valibot's own arrays (a picklist's options), and the options are the
  // caller's: a copy keeps every change to the document from reaching them, or the next call.
  return structuredClone(document);
}
