import type { ChangedEvent } from '@offboard/core/machines';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useActorRef, useSelector } from '@xstate/react';
import { useMemo } from 'react';
import type { AnyStateMachine, InputFrom } from 'xstate';
import { useChangeFeedback } from './useChangeFeedback';

/**
 * One core machine for the component's lifetime: its loaders read through the query cache
 * (`withCache`, a module-level function, gets the client), every change it emits is refreshed and
 * announced, and the component re-renders with each snapshot for its `connect`.
 */
export function useCoreMachine<TMachine extends AnyStateMachine>(withCache: (queryClient: QueryClient) => TMachine, input: InputFrom<TMachine>) {
  const queryClient = useQueryClient();
  const logic = useMemo(() => withCache(queryClient), [withCache, queryClient]);
  const actorRef = useActorRef(logic, { input });
  useChangeFeedback(actorRef as unknown as { on(type: 'changed', handler: (event: ChangedEvent) => void): { unsubscribe(): void } });
  const snapshot = useSelector(actorRef, (state) => state);
  return { actorRef, snapshot };
}
