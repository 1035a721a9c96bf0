import { userLifecycleMachine, type OffboardError, type UserChange } from '@offboard/core';
import { useQueryClient } from '@tanstack/react-query';
import { useActorRef } from '@xstate/react';
import { useMemo } from 'react';
import type { Translator } from '../i18n/createTranslator';
import { useOffboard } from '../provider/OffboardContext';
import { offboardKeys } from '../queries/queryKeys';
import { useRefreshAfterChange } from '../queries/useRefreshAfterChange';
import { DEFAULT_SCENARIO, cachedPlanLoader, type PlanGate } from './cachedPlanLoader';
import { useOnChanged } from './useOnChanged';
import { usePlanFollowsCache } from './usePlanFollowsCache';

export function describeUserChange(messages: Translator, change: UserChange): string {
  const country = change.user.license ? messages.country(change.user.license.country) : '';
  return messages.t(`done.${change.audit.action}`, { name: change.user.name, country });
}

/**
 * One user's lifecycle machine for the acting user (confirm → submit → retry with the same key).
 * The actor lives as long as the component; callers key the component by user id. A plan the
 * `gate` refuses is not loaded: the machine fails its load with the refusal.
 */
export function useUserLifecycle(userId: string, gate: PlanGate) {
  const { adapter, caller, messages, announce } = useOffboard();
  const queryClient = useQueryClient();
  const refresh = useRefreshAfterChange();
  const logic = useMemo(() => userLifecycleMachine.provide({ actors: { loadPlan: cachedPlanLoader(queryClient, gate) } }), [queryClient, gate]);
  const actorRef = useActorRef(logic, { input: { adapter, caller, userId } });

  useOnChanged(actorRef, ({ change }) => {
    void refresh('user');
    announce(describeUserChange(messages, change));
  });
  usePlanFollowsCache(actorRef, offboardKeys.plan(caller, userId, DEFAULT_SCENARIO));
  return actorRef;
}

export type UserLifecycleActorRef = ReturnType<typeof useUserLifecycle>;

const PHASES = ['loading', 'loadFailed', 'confirming', 'submitting', 'failed'] as const;
export type LifecyclePhase = (typeof PHASES)[number] | 'ready';

/** Where the machine is, at the grain components render by. */
export function selectLifecyclePhase(snapshot: { matches(state: LifecyclePhase): boolean }): LifecyclePhase {
  return PHASES.find((phase) => snapshot.matches(phase)) ?? 'ready';
}

/** The confirmation's controls bound to the machine: confirm, retry with the same key, cancel. */
export function lifecycleControls(actorRef: UserLifecycleActorRef, phase: LifecyclePhase, error: OffboardError | null) {
  return {
    busy: phase === 'submitting',
    error: phase === 'failed' ? error : null,
    onConfirm: () => actorRef.send({ type: 'CONFIRM' }),
    onRetry: () => actorRef.send({ type: 'RETRY' }),
    onCancel: () => actorRef.send({ type: 'CANCEL' }),
  };
}
