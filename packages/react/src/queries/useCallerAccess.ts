import { DEFAULT_POLICY, isService, readRefusalOf, standingRefusalOf, toOffboardError, type ReadRequest, type Refusal, type Standing } from '@offboard/core';
import { useOffboard } from '../provider/OffboardContext';
import { useCurrentUser } from './userQueries';

/**
 * What the rules let the caller do (R9, R6) and read (R12), decided by the core from the caller's
 * own record before anything is asked of the backend: a component shows no control the caller
 * may not use and sends no read it knows will be refused. Each answer is `undefined` until the
 * record is known; a service identity has none and the core gives it an admin's standing at once.
 * The organisation's policy is taken to be the default: a host that widens members' reads on its
 * server still shows them only what R12 lets every member see.
 */
export function useCallerAccess() {
  const { caller } = useOffboard();
  const me = useCurrentUser();
  const known = isService(caller) || me.data !== undefined;
  return {
    standing: (standing: Standing): Refusal | undefined => (known ? standingRefusalOf(me.data, caller, standing) : undefined),
    read: (request: ReadRequest): Refusal | undefined => (known ? readRefusalOf(me.data, caller, DEFAULT_POLICY, request) : undefined),
    /**
     * Why the caller's record could not be read, while nothing is known: a transport failure, or
     * the backend's refusal to someone who is no active user of the organisation, in its words.
     */
    error: !known && me.error ? toOffboardError(me.error) : null,
    retry: me.refetch,
  };
}
