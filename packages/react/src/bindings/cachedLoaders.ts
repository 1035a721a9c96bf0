import { DEFAULT_SCENARIO, type Caller, type OffboardAdapter, type OffboardingPlan, type User } from '@offboard/core';
import type { PlanRequest } from '@offboard/core/machines';
import type { QueryClient } from '@tanstack/react-query';
import { fromPromise } from 'xstate';
import { offboardKeys } from '../queries/queryKeys';
import { loadCurrentUser } from '../queries/userQueries';

interface CallerInput {
  readonly adapter: OffboardAdapter;
  readonly caller: Caller;
}

/**
 * The machines' `loadCaller` reading through the query cache: every machine of a screen judges the
 * caller (R9, R12) from the one record `useCurrentUser` already holds, with no request of its own.
 */
export const cachedCallerLoader = (queryClient: QueryClient) =>
  fromPromise<User | undefined, CallerInput>(({ input }) => loadCurrentUser(queryClient, input.adapter, input.caller));

/**
 * A machine's `loadPlan` reading through the query cache: machines looking at the same user share
 * one request, and the plan lands under the key that every change invalidates.
 */
export function cachedPlanLoader(queryClient: QueryClient) {
  return fromPromise<OffboardingPlan, PlanRequest>(({ input }) => {
    const { adapter, caller, userId } = input;
    const scenario = input.scenario ?? DEFAULT_SCENARIO;
    return queryClient.fetchQuery({
      queryKey: offboardKeys.plan(caller, userId, scenario),
      queryFn: () => adapter.getOffboardingPlan(userId, { scenario }, caller),
    });
  });
}
