/**
 * Who is calling, on every read and every change (R12, R13). On a server the host's
 * `authenticate(request)` establishes it; in-process callers (tests, a host's own server code)
 * pass it themselves. Browsers never choose it: the HTTP adapter does not send it, and the
 * server's handler builds it from the caller's credentials.
 */
export type CallerKind = 'user' | 'service';

export interface Caller {
  /** R13: the one organisation the call belongs to; ids of any other answer `NOT_FOUND`. */
  readonly organisationId: string;
  /** The acting user, or the service identity's id (it appears in audit entries). */
  readonly actorId: string;
  /**
   * `service`: an identity that is not a user (directory sync, SCIM). It acts and reads like an
   * admin and is still refused `LAST_ADMIN` (R9). @default 'user'
   */
  readonly kind?: CallerKind;
}

/** R12: every read knows its caller. */
export type ReadContext = Caller;

/** Who acts, and how to make the request safe to repeat (R11). */
export interface MutationContext extends Caller {
  /** Same key + same request from the same caller replays the first result; another request is refused. */
  readonly idempotencyKey?: string;
  /**
   * The target's `version` the caller last saw; a newer one refuses with `VERSION_CONFLICT`.
   * Only operations on one record take it (user, task, phone number); the bulk moves refuse it.
   */
  readonly expectedVersion?: number;
}

export const isService = (caller: Caller): boolean => caller.kind === 'service';
