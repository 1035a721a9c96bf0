import * as v from 'valibot';
import { ERROR_CODES, ERROR_MESSAGES, OffboardError, type ErrorCode, type ErrorDetails } from '../errors/OffboardError';
import { ErrorDetailsSchema } from './responses';

/**
 * Errors over HTTP are RFC 9457 problem documents that carry the `OffboardError` whole, so the
 * HTTP adapter rebuilds the very error the backend threw (same code, message and details).
 */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/**
 * One status per code. Clients branch on `code`, never on the status; the status is for proxies,
 * logs and generic HTTP tooling. State conflicts (the request is fine, the records are not in a
 * state that allows it) are 409. `VERSION_CONFLICT` is 412 even when it comes from a stale
 * contact owner rather than `If-Match`, so a code always has one status. `NETWORK_ERROR` is never
 * sent by a backend; a gateway whose upstream is unreachable would answer 502.
 */
export const ERROR_STATUS: Readonly<Record<ErrorCode, number>> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CANNOT_DEACTIVATE_SELF: 403,
  NOT_FOUND: 404,
  DELETION_NOT_SUPPORTED: 405,
  ALREADY_INACTIVE: 409,
  ALREADY_ACTIVE: 409,
  NO_LICENSE: 409,
  LICENSE_ALREADY_ACTIVE: 409,
  USER_INACTIVE: 409,
  LAST_LICENSE_IN_COUNTRY: 409,
  NO_SEATS_AVAILABLE: 409,
  INVALID_REASSIGN_TARGET: 409,
  TASK_NOT_TRANSFERABLE: 409,
  CONTACTS_ASSIGNED: 409,
  LAST_ADMIN: 409,
  SCHEDULE_CONFLICT: 409,
  SCHEDULE_NOT_PENDING: 409,
  VERSION_CONFLICT: 412,
  IDEMPOTENCY_KEY_REUSED: 422,
  // R14: the request is well formed, the organisation's policy wants more of it.
  REASON_REQUIRED: 422,
  SERVER_ERROR: 500,
  NETWORK_ERROR: 502,
};

const STATUS_TITLES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  408: 'Request Timeout',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

export const ProblemSchema = v.object({
  type: v.string(),
  title: v.string(),
  status: v.number(),
  detail: v.string(),
  code: v.picklist(ERROR_CODES),
  details: ErrorDetailsSchema,
  instance: v.optional(v.string()),
});

export interface Problem {
  /** `urn:offboard:problem:<CODE>`: one problem type per error code. */
  readonly type: string;
  readonly title: string;
  readonly status: number;
  /** The error's message, for people. */
  readonly detail: string;
  readonly code: ErrorCode;
  readonly details: ErrorDetails;
  /** `urn:uuid:<request id>` on a server failure: the key to the server's log, and nothing more. */
  readonly instance?: string;
}

/**
 * `status` overrides the table for transport refusals that keep their code (408, 413, 415, 405,
 * 503). Details are projected onto the contract's; a server failure (5xx) carries none at all,
 * whatever the error held, and its generic message: the cause stays in the server's log.
 */
export function toProblem(error: OffboardError, status: number = ERROR_STATUS[error.code], requestId?: string): Problem {
  const failure = status >= 500;
  const details = v.safeParse(ErrorDetailsSchema, error.details);
  return {
    type: `urn:offboard:problem:${error.code}`,
    title: STATUS_TITLES[status] ?? 'Error',
    status,
    detail: failure ? ERROR_MESSAGES[error.code] : error.message,
    code: error.code,
    details: failure || !details.success ? {} : details.output,
    ...(failure && requestId && { instance: `urn:uuid:${requestId}` }),
  };
}

/** The error a problem document carries, or `undefined` when the body is not a problem. */
export function fromProblem(body: unknown): OffboardError | undefined {
  const parsed = v.safeParse(ProblemSchema, body);
  return parsed.success ? new OffboardError(parsed.output.code, parsed.output.details, parsed.output.detail) : undefined;
}
