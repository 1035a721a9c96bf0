import { connectTeamDownsizing, teamDownsizingMachine } from '@offboard/core/machines';
import type { QueryClient } from '@tanstack/react-query';
import { useOffboard } from '../provider/OffboardContext';
import { cachedCallerLoader } from './cachedLoaders';
import { useCoreMachine } from './useCoreMachine';

const withCache = (queryClient: QueryClient) => teamDownsizingMachine.provide({ actors: { loadCaller: cachedCallerLoader(queryClient) } });

/** The team-downsizing machine for a fixed set of users, as `connectTeamDownsizing` sees it; callers key the component by the set. */
export function useTeamDownsizing(userIds: readonly string[], close: () => void) {
  const { adapter, caller, requireReason } = useOffboard();
  const { actorRef, snapshot } = useCoreMachine(withCache, { adapter, caller, userIds, requireReason });
  return connectTeamDownsizing(snapshot, actorRef.send, { close });
}
