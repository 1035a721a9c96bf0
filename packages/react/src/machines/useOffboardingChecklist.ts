import { STEP_IDS, offboardingMachine, type OffboardingContext, type Scenario, type StepId } from '@offboard/core';
import { useQueryClient } from '@tanstack/react-query';
import { useActorRef } from '@xstate/react';
import { useMemo } from 'react';
import { useOffboard } from '../provider/OffboardContext';
import { offboardKeys, type ChangeKind } from '../queries/queryKeys';
import { useRefreshAfterChange } from '../queries/useRefreshAfterChange';
import { PLAN_GATES, cachedPlanLoader } from './cachedPlanLoader';
import { useOnChanged } from './useOnChanged';
import { usePlanFollowsCache } from './usePlanFollowsCache';

/** What each R8 step changes, to refresh the right queries after it. */
const STEP_CHANGES: Record<StepId, ChangeKind> = {
  'reassign-contacts': 'contacts',
  'transfer-tasks': 'tasks',
  'check-phone-numbers': 'phoneNumbers',
  'deactivate-license': 'user',
  'deactivate-user': 'user',
};

type PlanInput = Pick<OffboardingContext, 'adapter' | 'caller' | 'userId' | 'scenario'>;

/**
 * The R8 checklist machine of one user and scenario; callers key the component by both. R12: a
 * member reads only their own plan, so another user's checklist fails its load with the refusal.
 */
export function useOffboardingChecklist(userId: string, scenario: Scenario) {
  const { adapter, caller, messages, announce } = useOffboard();
  const queryClient = useQueryClient();
  const refresh = useRefreshAfterChange();
  const logic = useMemo(() => offboardingMachine.provide({ actors: { loadPlan: cachedPlanLoader<PlanInput>(queryClient, PLAN_GATES.read) } }), [queryClient]);
  const actorRef = useActorRef(logic, { input: { adapter, caller, userId, scenario } });

  useOnChanged(actorRef, ({ step }) => {
    void refresh(STEP_CHANGES[step]);
    announce(messages.t('checklist.stepDone', { number: STEP_IDS.indexOf(step) + 1, title: messages.t(`steps.${step}`) }));
  });
  usePlanFollowsCache(actorRef, offboardKeys.plan(caller, userId, scenario));
  return actorRef;
}

export type OffboardingActorRef = ReturnType<typeof useOffboardingChecklist>;
