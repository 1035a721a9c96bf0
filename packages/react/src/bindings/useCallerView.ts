import { toOffboardError } from '@offboard/core';
import { callerView } from '@offboard/core/machines';
import { useOffboard } from '../provider/OffboardContext';
import { useCurrentUser } from '../queries/userQueries';

/**
 * Which parts of a screen exist for the caller, as the core's `callerView` judges them (R9, R12)
 * from their own record; and why that record could not be read, with a retry, while nothing is
 * known (a transport failure, or the backend's refusal to someone who is no active user).
 */
export function useCallerView() {
  const { caller } = useOffboard();
  const me = useCurrentUser();
  const view = callerView(caller, me.data);
  return { ...view, error: !view.known && me.error ? toOffboardError(me.error) : null, retry: me.refetch };
}
