import type { Scenario } from '@offboard/core';
import { connectOffboarding, offboardingMachine } from '@offboard/core/machines';
import type { QueryClient } from '@tanstack/react-query';
import { useOffboard } from '../provider/OffboardContext';
import { offboardKeys } from '../queries/queryKeys';
import { useSalespeople } from '../queries/userQueries';
import { cachedCallerLoader, cachedPlanLoader } from './cachedLoaders';
import { useCoreMachine } from './useCoreMachine';
import { usePlanFollowsCache } from './usePlanFollowsCache';

const withCache = (queryClient: QueryClient) =>
  offboardingMachine.provide({ actors: { loadCaller: cachedCallerLoader(queryClient), loadPlan: cachedPlanLoader(queryClient) } });

/**
 * The R8 checklist machine of one user and scenario, as `connectOffboarding` sees it; callers key
 * the component by both. The salespeople a hand-over gives to load only once a step needs them.
 */
export function useOffboardingChecklist(userId: string, scenario: Scenario, offersWizard: boolean) {
  const { adapter, caller, requireReason } = useOffboard();
  const { actorRef, snapshot } = useCoreMachine(withCache, { adapter, caller, userId, scenario, requireReason });
  usePlanFollowsCache(actorRef, offboardKeys.plan(caller, userId, scenario));
  const salespeople = useSalespeople({ enabled: connectOffboarding(snapshot, actorRef.send, { salespeople: undefined }).needsSalespeople });
  return { view: connectOffboarding(snapshot, actorRef.send, { salespeople: salespeople.data, offersWizard }), salespeople };
}
