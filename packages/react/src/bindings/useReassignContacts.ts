import { connectReassignContacts, reassignContactsMachine } from '@offboard/core/machines';
import type { QueryClient } from '@tanstack/react-query';
import { useOffboard } from '../provider/OffboardContext';
import { cachedCallerLoader } from './cachedLoaders';
import { useCoreMachine } from './useCoreMachine';

const withCache = (queryClient: QueryClient) => reassignContactsMachine.provide({ actors: { loadCaller: cachedCallerLoader(queryClient) } });

/** The R5 reassignment machine for one owner's contacts, as `connectReassignContacts` sees it; callers key the component by owner. */
export function useReassignContacts(fromOwnerId: string) {
  const { adapter, caller } = useOffboard();
  const { actorRef, snapshot } = useCoreMachine(withCache, { adapter, caller, fromOwnerId });
  return connectReassignContacts(snapshot, actorRef.send);
}
