import { hashKey, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect } from 'react';

/** The part of the plan-holding machines (user lifecycle, offboarding) this hook relies on. */
interface PlanHoldingActor {
  getSnapshot(): { can(event: { type: 'REFRESH' }): boolean; matches(state: 'loading'): boolean };
  send(event: { type: 'REFRESH' }): void;
  subscribe(listener: () => void): { unsubscribe(): void };
}

/**
 * Keeps a machine's plan true while it is on screen: whenever any change invalidates the cached
 * plan, the machine reloads it. A machine busy confirming or submitting reloads as soon as it can,
 * unless it is already loading, which reads the fresh plan anyway.
 */
export function usePlanFollowsCache(actorRef: PlanHoldingActor, planKey: QueryKey): void {
  const queryClient = useQueryClient();
  const planHash = hashKey(planKey);

  useEffect(() => {
    let stale = false;
    const refresh = () => {
      stale = !actorRef.getSnapshot().can({ type: 'REFRESH' });
      if (!stale) actorRef.send({ type: 'REFRESH' });
    };
    const stopCache = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'invalidate' && event.query.queryHash === planHash) refresh();
    });
    const machine = actorRef.subscribe(() => {
      if (actorRef.getSnapshot().matches('loading')) stale = false;
      else if (stale) refresh();
    });
    return () => {
      stopCache();
      machine.unsubscribe();
    };
  }, [actorRef, queryClient, planHash]);
}
