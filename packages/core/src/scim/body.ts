import { isOffboardError } from '../errors/OffboardError';
import { HttpRefusal, readJson } from '../http/parseRequest';
import { ScimRefusal } from './errors';

/** The two media types a SCIM body may declare (RFC 7644 §3.1, §8.1): SCIM's own and plain JSON. */
const BODY_TYPES = new Set(['application/scim+json', 'application/json']);

/**
 * A PATCH or PUT body must say it is SCIM or JSON (415 otherwise): an HTML form cannot, so a
 * browser cannot be made to send one (CSRF), and a body in another format is refused unread.
 */
export function requireScimContentType(request: Request): void {
  const type = request.headers.get('Content-Type')?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!BODY_TYPES.has(type)) throw new ScimRefusal(415, 'The body must be sent as Content-Type: application/scim+json (or application/json).');
}

/**
 * The body as JSON, read as the REST handler reads its bodies: cut off as it streams past
 * `maxBodyBytes` (413, a declared `Content-Length` over it before anything is read) and decoded
 * as strict UTF-8. An empty body, a body that is not JSON or one that broke off is a 400
 * `invalidSyntax`; a body over the limit a 413, worded as every other SCIM `detail`.
 */
export async function readScimJson(request: Request, maxBodyBytes: number): Promise<unknown> {
  let body: unknown;
  try {
    body = await readJson(request, maxBodyBytes);
  } catch (error) {
    if (error instanceof HttpRefusal) throw new ScimRefusal(error.status, `The ${error.error.message}.`);
    if (isOffboardError(error) && error.code === 'VALIDATION_FAILED') throw new ScimRefusal(400, `The ${error.message}.`, 'invalidSyntax');
    throw error;
  }
  if (body === undefined) throw new ScimRefusal(400, 'The request needs a JSON body.', 'invalidSyntax');
  return body;
}
