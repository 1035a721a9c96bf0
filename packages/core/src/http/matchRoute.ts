import { OPERATIONS, ROUTES, type HttpMethod, type OperationName } from '../contract/routes';

/** A request's place in the contract: its operation and `:id`, or the methods its path allows. */
export type RouteMatch =
  | { readonly operation: OperationName; readonly id: string | undefined }
  | { readonly operation: null; readonly allow: readonly HttpMethod[] };

const COMPILED = OPERATIONS.map((operation) => ({ operation, method: ROUTES[operation].method, segments: ROUTES[operation].path.split('/') }));

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    // Left as sent: the id schema refuses it with its own words.
    return segment;
  }
}

/**
 * Finds the route `ROUTES` defines for a method and a path (below the base path), or the methods
 * that path does allow (an empty list: no such path). One table, so the server cannot serve what
 * the contract does not say.
 */
export function matchRoute(method: string, path: string): RouteMatch {
  const segments = path.split('/');
  const allow: HttpMethod[] = [];
  for (const candidate of COMPILED) {
    if (candidate.segments.length !== segments.length) continue;
    let id: string | undefined;
    const fits = candidate.segments.every((expected, index) => {
      const actual = segments[index]!;
      if (expected !== ':id') return expected === actual;
      id = decodeSegment(actual);
      return actual.length > 0;
    });
    if (!fits) continue;
    if (candidate.method === method.toUpperCase()) return { operation: candidate.operation, id };
    // R1's DELETE is a route the contract answers (always refused), not a method the path allows.
    if (ROUTES[candidate.operation].response !== null) allow.push(candidate.method);
  }
  return { operation: null, allow };
}
