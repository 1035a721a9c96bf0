import { ERROR_STATUS } from '../contract/problems';
import { ERROR_MESSAGES, isOffboardError, type ErrorCode } from '../errors/OffboardError';
import { HttpRefusal } from '../http/parseRequest';
import { SCIM_SCHEMAS } from './resources';

/** RFC 7644 §3.12's `scimType` values, for 400s. */
export type ScimType = 'invalidFilter' | 'tooMany' | 'uniqueness' | 'mutability' | 'invalidSyntax' | 'invalidPath' | 'noTarget' | 'invalidValue' | 'invalidVers' | 'sensitive';

/** A SCIM error response (RFC 7644 §3.12). `status` is a string there, as the RFC writes it. */
export interface ScimErrorBody {
  schemas: [typeof SCIM_SCHEMAS.error];
  status: string;
  scimType?: ScimType;
  detail: string;
}

/**
 * A refusal the bridge itself makes (a filter it does not answer, a PATCH that would change a
 * read-only attribute, a create). Like `HttpRefusal`, thrown and caught inside the handler only,
 * so it carries no stack trace.
 */
export class ScimRefusal {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly scimType?: ScimType,
  ) {}
}

/**
 * Statuses that differ from the REST contract's. `VERSION_CONFLICT` is a 409: the bridge does not
 * take `If-Match` (etag unsupported); it only meets one when a user changes between its read and
 * its write three times running. `DELETION_NOT_SUPPORTED` (R1) keeps the contract's 405, whose
 * `detail` says to deactivate instead (RFC 7644 gives `scimType` to 400s only).
 */
const SCIM_STATUS: Partial<Record<ErrorCode, { status: number; scimType?: ScimType }>> = {
  VALIDATION_FAILED: { status: 400, scimType: 'invalidValue' },
  VERSION_CONFLICT: { status: 409 },
};

export interface ScimFailure {
  readonly status: number;
  readonly body: ScimErrorBody;
  /** A server failure, which the host's `onError` hears about and the caller does not. */
  readonly internal: boolean;
}

const errorBody = (status: number, detail: string, scimType?: ScimType): ScimErrorBody => ({
  schemas: [SCIM_SCHEMAS.error],
  status: String(status),
  ...(scimType && { scimType }),
  detail,
});

/**
 * Any failure as a SCIM error. A rule's refusal keeps its status (409 for R4, LAST_ADMIN…) and its
 * message as `detail`, word for word (R4's is the article's). Anything that is not a known
 * refusal (an adapter's own error, a bug) is a generic 500 whose detail names only the request
 * id, as the REST handler's `instance` does: the cause never leaves the server.
 */
export function scimFailureOf(error: unknown, requestId: string): ScimFailure {
  if (error instanceof ScimRefusal) return { status: error.status, body: errorBody(error.status, error.detail, error.scimType), internal: false };
  const refusal = error instanceof HttpRefusal ? error : undefined;
  const known = refusal?.error ?? (isOffboardError(error) ? error : undefined);
  const mapped = known && SCIM_STATUS[known.code];
  const status = refusal?.status ?? mapped?.status ?? (known ? ERROR_STATUS[known.code] : 500);
  if (!known || status >= 500) {
    return { status, body: errorBody(status, `${ERROR_MESSAGES.SERVER_ERROR} Request urn:uuid:${requestId}.`), internal: true };
  }
  // 408, 413 and 415 keep their status with no scimType; the others are the code's.
  const scimType = refusal && refusal.status !== 400 ? undefined : mapped?.scimType;
  return { status, body: errorBody(status, known.message, scimType), internal: false };
}
