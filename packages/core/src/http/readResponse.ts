import { fromProblem } from '../contract/problems';
import type { Route } from '../contract/routes';
import { validate } from '../contract/validate';
import { OffboardError } from '../errors/OffboardError';
import type { Reply } from './exchange';

const NOT_JSON = Symbol('not JSON');

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return NOT_JSON;
  }
}

/**
 * The response as the adapter method's result, checked against the route's schema, or the
 * `OffboardError` it stands for: a problem document becomes the very error the backend threw;
 * anything else that breaks the contract is `SERVER_ERROR` with the status and the bad field.
 */
export function readResponse(route: Route, reply: Reply): unknown {
  const { status } = reply;
  const body = parseJson(reply.text);
  if (status < 200 || status >= 300) throw fromProblem(body) ?? new OffboardError('SERVER_ERROR', { status });
  if (route.response === null) {
    throw new OffboardError('SERVER_ERROR', { status, field: 'response' }, 'response accepted a request the contract always refuses');
  }
  if (body === NOT_JSON) {
    throw new OffboardError('SERVER_ERROR', { status, field: 'response', issues: [{ path: 'response', message: 'is not JSON' }] }, 'response is not JSON');
  }
  return validate(route.response, body, 'response', 'SERVER_ERROR');
}
