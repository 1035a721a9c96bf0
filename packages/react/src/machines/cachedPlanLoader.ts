import type { OffboardAdapter, OffboardingPlan, Scenario } from '@offboard/core';
import type { QueryClient } from '@tanstack/react-query';
import { fromPromise } from 'xstate';
import { offboardKeys } from '../queries/queryKeys';

/** The scenario a plan is computed for when the caller names none, as `PlanQuery` defaults. */
export const DEFAULT_SCENARIO: Scenario = 'employee-departure';

export interface PlanLoaderInput {
  readonly adapter: OffboardAdapter;
  readonly actorId: string;
  readonly userId: string;
  readonly scenario?: Scenario;
}

/**
 * A machine's `loadPlan` actor that reads through the query cache: machines looking at the same
 * user share one request, and the plan lands under the key that every change invalidates.
 */
export function cachedPlanLoader<TInput extends PlanLoaderInput = PlanLoaderInput>(queryClient: QueryClient) {
  return fromPromise<OffboardingPlan, TInput>(({ input }) => {
    const scenario = input.scenario ?? DEFAULT_SCENARIO;
    return queryClient.fetchQuery({
      queryKey: offboardKeys.plan(input.userId, input.actorId, scenario),
      queryFn: () => input.adapter.getOffboardingPlan(input.userId, { actorId: input.actorId, scenario }),
    });
  });
}
