/**
 * Every refusal and failure in Offboard is an `OffboardError` with one of these codes.
 * Codes are stable: hosts branch on them, the React package translates them, the REST
 * contract carries them in `application/problem+json`.
 */
export const ERROR_CODES = [
  'NOT_FOUND',
  'ALREADY_INACTIVE',
  'ALREADY_ACTIVE',
  'NO_LICENSE',
  'LICENSE_ALREADY_ACTIVE',
  'USER_INACTIVE',
  'LAST_LICENSE_IN_COUNTRY',
  'NO_SEATS_AVAILABLE',
  'INVALID_REASSIGN_TARGET',
  'TASK_NOT_TRANSFERABLE',
  'CONTACTS_ASSIGNED',
  'FORBIDDEN',
  'CANNOT_DEACTIVATE_SELF',
  'LAST_ADMIN',
  'VERSION_CONFLICT',
  'DELETION_NOT_SUPPORTED',
  'VALIDATION_FAILED',
  'IDEMPOTENCY_KEY_REUSED',
  'REASON_REQUIRED',
  'SCHEDULE_CONFLICT',
  'SCHEDULE_NOT_PENDING',
  'UNAUTHENTICATED',
  'NETWORK_ERROR',
  'SERVER_ERROR',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** R4's message, word for word from the help article. */
export const LAST_LICENSE_IN_COUNTRY_MESSAGE =
  "You must deactivate the phone numbers for this license's country before removing the last license in the country.";

/**
 * The English message of each code: the default of every `OffboardError`, and the English
 * catalog's `errors.*` entries, so the words live in one place. Other languages translate by code.
 */
export const ERROR_MESSAGES: Readonly<Record<ErrorCode, string>> = {
  NOT_FOUND: 'The requested record does not exist.',
  ALREADY_INACTIVE: 'This is already inactive.',
  ALREADY_ACTIVE: 'This user is already active.',
  NO_LICENSE: 'This user has no active salesperson license.',
  LICENSE_ALREADY_ACTIVE: 'This user already has an active salesperson license.',
  USER_INACTIVE: 'This user is inactive. Activate the user first.',
  LAST_LICENSE_IN_COUNTRY: LAST_LICENSE_IN_COUNTRY_MESSAGE,
  NO_SEATS_AVAILABLE: 'Every paid seat is in use. Free a seat or buy more before assigning a license.',
  INVALID_REASSIGN_TARGET: 'Contacts and tasks can only go to another active salesperson.',
  TASK_NOT_TRANSFERABLE: 'This task cannot be transferred.',
  CONTACTS_ASSIGNED: 'This user still owns contacts. Reassign them before deactivating the user.',
  FORBIDDEN: 'You are not allowed to do this.',
  CANNOT_DEACTIVATE_SELF: 'You cannot deactivate yourself.',
  LAST_ADMIN: 'The last active admin cannot be deactivated.',
  VERSION_CONFLICT: 'This record changed since you loaded it. Review the latest state and try again.',
  DELETION_NOT_SUPPORTED: 'Users are never deleted, to keep their history. Deactivate the user instead.',
  VALIDATION_FAILED: 'The request is not valid.',
  IDEMPOTENCY_KEY_REUSED: 'This request was already sent with different content.',
  REASON_REQUIRED: 'This organisation asks for a reason for every deactivation. Choose one.',
  SCHEDULE_CONFLICT: 'A deactivation of this kind is already scheduled for this user. Cancel it to choose another time.',
  SCHEDULE_NOT_PENDING: 'This scheduled deactivation has already run, failed or been cancelled.',
  UNAUTHENTICATED: 'Sign in to continue.',
  NETWORK_ERROR: 'The server could not be reached.',
  SERVER_ERROR: 'The server failed to answer.',
};

/**
 * Why a `FORBIDDEN` was given, in `details.reason`; each has its own message, so a refusal never
 * says more or less than the truth.
 * - `actor-inactive`: the caller is not an active user of the organisation (unknown, or deactivated).
 * - `not-admin`: only an active admin (or a service identity) may change users, contacts and numbers (R9).
 * - `not-salesperson`: only an active salesperson may take a task (R6).
 * - `admin-only`: the caller may not read this (R12): other people's emails, inactive users, the
 *   audit log, history, access details, other people's plans, contacts and tasks, seats, numbers
 *   and Sales Brains.
 * - `origin-not-allowed`: the request came from a site the server does not accept (CSRF).
 */
export const FORBIDDEN_REASONS = ['actor-inactive', 'not-admin', 'not-salesperson', 'admin-only', 'origin-not-allowed'] as const;
export type ForbiddenReason = (typeof FORBIDDEN_REASONS)[number];

export const FORBIDDEN_MESSAGES: Readonly<Record<ForbiddenReason, string>> = {
  'actor-inactive': 'Your account is not active in this organisation.',
  'not-admin': 'Only an active admin can do this.',
  'not-salesperson': 'Only an active salesperson can take a task.',
  'admin-only': 'Only an admin can see this.',
  'origin-not-allowed': 'Requests from this site are not accepted.',
};

/** A `FORBIDDEN` refusal with its reason and that reason's own message. */
export function forbidden(reason: ForbiddenReason, details: Omit<ErrorDetails, 'reason'> = {}): OffboardError {
  return new OffboardError('FORBIDDEN', { ...details, reason }, FORBIDDEN_MESSAGES[reason]);
}

/** Facts a refusal carries so a UI can explain it (which numbers block R4, which field failed…). */
export interface ErrorDetails {
  readonly entity?: 'organisation' | 'user' | 'contact' | 'task' | 'phoneNumber' | 'salesBrain' | 'auditEntry' | 'schedule' | 'webhookEndpoint';
  readonly id?: string;
  readonly ids?: readonly string[];
  readonly country?: string;
  readonly phoneNumbers?: readonly { readonly id: string; readonly number: string }[];
  readonly expectedVersion?: number;
  readonly currentVersion?: number;
  readonly contacts?: number;
  readonly seats?: { readonly total: number; readonly used: number };
  readonly issues?: readonly { readonly path: string; readonly message: string }[];
  readonly status?: number;
  readonly [key: string]: unknown;
}

export class OffboardError extends Error {
  override readonly name = 'OffboardError';
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, details: ErrorDetails = {}, message: string = ERROR_MESSAGES[code]) {
    super(message);
    this.code = code;
    this.details = details;
  }

  /** Key of this error's text in a message catalog (`errors.LAST_LICENSE_IN_COUNTRY`). */
  get messageKey(): `errors.${ErrorCode}` {
    return `errors.${this.code}`;
  }

  /** Transport failures may succeed on retry; refusals by a rule will not until something changes. */
  get retryable(): boolean {
    return this.code === 'NETWORK_ERROR' || this.code === 'SERVER_ERROR';
  }

  toJSON(): { code: ErrorCode; message: string; details: ErrorDetails } {
    return { code: this.code, message: this.message, details: this.details };
  }
}

export function isOffboardError(value: unknown): value is OffboardError {
  return value instanceof OffboardError;
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** Any thrown value as an `OffboardError`, so machines and UIs handle one type. */
export function toOffboardError(value: unknown): OffboardError {
  if (isOffboardError(value)) return value;
  const message = value instanceof Error ? value.message : String(value);
  return new OffboardError('SERVER_ERROR', { cause: message });
}
