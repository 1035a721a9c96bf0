import {
  DEFAULT_POLICY,
  readRefusalOf,
  standingRefusalOf,
  type Caller,
  type OffboardAdapter,
  type OffboardingPlan,
  type Refusal,
  type Scenario,
  type User,
} from '@offboard/core';
import type { QueryClient } from '@tanstack/react-query';
import { fromPromise } from 'xstate';
import { offboardKeys } from '../queries/queryKeys';
import { loadCurrentUser } from '../queries/userQueries';

/** The scenario a plan is computed for when the caller names none, as `PlanQuery` defaults. */
export const DEFAULT_SCENARIO: Scenario = 'employee-departure';

export interface PlanLoaderInput {
  readonly adapter: OffboardAdapter;
  readonly caller: Caller;
  readonly userId: string;
  readonly scenario?: Scenario;
}

/** What must hold before a plan is asked for, judged by the core from the caller's own record. */
export type PlanGate = (actor: User | undefined, caller: Caller, userId: string) => Refusal;

/** Which gate each view of a plan passes. */
export const PLAN_GATES = {
  /** R12: another user's plan is admin-only; members read their own. */
  read: (actor, caller, userId) => readRefusalOf(actor, caller, DEFAULT_POLICY, { read: 'plan', userId }),
  /** R9: without an admin's standing every action on a user is refused, so their plan has nothing to offer. */
  admin: (actor, caller) => standingRefusalOf(actor, caller, 'admin'),
} satisfies Record<string, PlanGate>;

/**
 * A machine's `loadPlan` actor that reads through the query cache: machines looking at the same
 * user share one request, and the plan lands under the key that every change invalidates. A plan
 * the gate refuses is never asked for: the load fails with the core's refusal, in words.
 */
export function cachedPlanLoader<TInput extends PlanLoaderInput = PlanLoaderInput>(queryClient: QueryClient, gate: PlanGate) {
  return fromPromise<OffboardingPlan, TInput>(async ({ input }) => {
    const { adapter, caller, userId } = input;
    const refusal = gate(await loadCurrentUser(queryClient, adapter, caller), caller, userId);
    if (refusal) throw refusal;
    const scenario = input.scenario ?? DEFAULT_SCENARIO;
    return queryClient.fetchQuery({
      queryKey: offboardKeys.plan(caller, userId, scenario),
      queryFn: () => adapter.getOffboardingPlan(userId, { scenario }, caller),
    });
  });
}
