import { DEFAULT_SCENARIO } from '@offboard/core';
import { connectUserLifecycle, userLifecycleMachine, type LifecycleGate, type UserLifecycleConnectOptions } from '@offboard/core/machines';
import type { QueryClient } from '@tanstack/react-query';
import { useOffboard } from '../provider/OffboardContext';
import { offboardKeys } from '../queries/queryKeys';
import { cachedCallerLoader, cachedPlanLoader } from './cachedLoaders';
import { useCoreMachine } from './useCoreMachine';
import { usePlanFollowsCache } from './usePlanFollowsCache';

const withCache = (queryClient: QueryClient) =>
  userLifecycleMachine.provide({ actors: { loadCaller: cachedCallerLoader(queryClient), loadPlan: cachedPlanLoader(queryClient) } });

/**
 * One user's lifecycle machine for the acting user, as `connectUserLifecycle` sees it: the menu's
 * items, the license dialog's action, the confirmation. The actor lives as long as the component;
 * callers key the component by user id. The `gate` is judged by the machine before anything is read.
 */
export function useUserLifecycle(gate: LifecycleGate, options: UserLifecycleConnectOptions) {
  const { adapter, caller, requireReason } = useOffboard();
  const userId = options.user.id;
  const { actorRef, snapshot } = useCoreMachine(withCache, { adapter, caller, userId, gate, requireReason });
  usePlanFollowsCache(actorRef, offboardKeys.plan(caller, userId, DEFAULT_SCENARIO));
  return connectUserLifecycle(snapshot, actorRef.send, options);
}
