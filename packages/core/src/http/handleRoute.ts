import type { OffboardAdapter } from '../adapter/OffboardAdapter';
import { ETAG_HEADER, formatETag } from '../contract/headers';
import { PROBLEM_CONTENT_TYPE, toProblem } from '../contract/problems';
import { ROUTES, allowedMethods, argsFromParts, type OperationName, type Route } from '../contract/routes';
import { JSON_CONTENT_TYPE } from '../contract/transport';
import { invalidField } from '../contract/validate';
import { OffboardError, toOffboardError } from '../errors/OffboardError';
import { HttpRefusal, parseRequest } from './parseRequest';

/** Any failure as a problem document; a 405 names the methods `path` does allow. */
function problemResponse(error: unknown, path: string): Response {
  const refusal = error instanceof HttpRefusal ? error : undefined;
  const problem = toProblem(refusal?.error ?? toOffboardError(error), refusal?.status);
  const headers = new Headers({ 'Content-Type': PROBLEM_CONTENT_TYPE });
  if (problem.status === 405) headers.set('Allow', allowedMethods(path).join(', '));
  return new Response(JSON.stringify(problem), { status: problem.status, headers });
}

/**
 * Serves one operation of the REST contract with any `OffboardAdapter` behind it, on standard
 * `Request` / `Response` objects (MSW, service workers, Node, edge runtimes). The router that
 * matched `ROUTES[operation].path` passes the path parameters.
 */
export async function handleRoute(
  adapter: OffboardAdapter,
  operation: OperationName,
  request: Request,
  params: Readonly<Record<string, unknown>>,
): Promise<Response> {
  const route: Route = ROUTES[operation];
  try {
    const parts = await parseRequest(route, request, params);
    const method = adapter[operation] as (...args: unknown[]) => Promise<unknown>;
    const result = await method.apply(adapter, argsFromParts(route, parts));
    const headers = new Headers({ 'Content-Type': JSON_CONTENT_TYPE });
    if (route.etag) headers.set(ETAG_HEADER, formatETag(route.etag(result)));
    return new Response(JSON.stringify(result), { status: route.status, headers });
  } catch (error) {
    return problemResponse(error, route.path);
  }
}

/**
 * The answer for a request no route takes: 405 with `Allow` when `path` is a known route path
 * (matched by the caller's router), 404 otherwise.
 */
export function handleUnknownRoute(request: Request, path?: string): Response {
  if (path && allowedMethods(path).length > 0) {
    return problemResponse(new HttpRefusal(405, invalidField('method', `must be one of ${allowedMethods(path).join(', ')}`)), path);
  }
  return problemResponse(new OffboardError('NOT_FOUND', { method: request.method, path: new URL(request.url).pathname }, 'No such endpoint.'), '');
}
