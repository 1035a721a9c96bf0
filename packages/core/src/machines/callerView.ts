import { isService, type Caller } from '../adapter/context';
import type { User } from '../domain/types';
import { standingRefusalOf } from '../rules/guards';
import { readRefusalOf, type ReadRequest } from '../rules/readAccess';
import { DEFAULT_POLICY } from '../rules/readModel';

/**
 * Which parts of a screen exist for the caller, judged by the core from their own record before
 * anything else is asked (R9, R12), so a view shows no control the caller may not use and sends no
 * read it knows will be refused. Until the record is known every part is left out; a service
 * identity has none and is known at once. Judged with the default policy: a server that widens
 * members' reads still gets the narrower UI.
 */
export interface CallerView {
  /** The caller's record is known (or they are a service). */
  readonly known: boolean;
  /** R9: rows can be selected for team downsizing. */
  readonly selectsRows: boolean;
  /** R12: the seat meter. */
  readonly seesSeats: boolean;
  /** R12: the orphaned-contacts notice (other people's contacts). */
  readonly seesOrphanedContacts: boolean;
  /** R12: the Active / Inactive filter, and the names of inactive users (who left a task). */
  readonly seesInactiveUsers: boolean;
}

export function callerView(caller: Caller, actor: User | undefined): CallerView {
  const known = isService(caller) || actor !== undefined;
  const reads = (request: ReadRequest) => known && readRefusalOf(actor, caller, DEFAULT_POLICY, request) === null;
  return {
    known,
    selectsRows: known && standingRefusalOf(actor, caller, 'admin') === null,
    seesSeats: reads({ read: 'seats' }),
    seesOrphanedContacts: reads({ read: 'contacts' }),
    seesInactiveUsers: reads({ read: 'users', status: 'inactive' }),
  };
}
