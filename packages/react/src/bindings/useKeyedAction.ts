import type { Standing } from '@offboard/core';
import { connectKeyedAction, keyedActionMachine, keyedActionRefusal, type KeyedActionConnectOptions, type KeyedRequest } from '@offboard/core/machines';
import type { QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useOffboard } from '../provider/OffboardContext';
import { cachedCallerLoader } from './cachedLoaders';
import { useCoreMachine } from './useCoreMachine';

const withCache = (queryClient: QueryClient) => keyedActionMachine.provide({ actors: { loadCaller: cachedCallerLoader(queryClient) } });

/**
 * One-shot keyed changes (take a task, deactivate a country's numbers) through the core's
 * `keyedActionMachine`: the caller's standing is judged first, and each intent's retry reuses its
 * key (R11). Returns a `connect` for each intent a view shows (one per task of a list), and the
 * `refusal` that blocks every one of them alike, for a list to say once.
 */
export function useKeyedAction(requires: Standing) {
  const { adapter, caller } = useOffboard();
  const { actorRef, snapshot } = useCoreMachine(withCache, { adapter, caller, requires });
  const connect = useCallback(
    (request: KeyedRequest, options: KeyedActionConnectOptions) => connectKeyedAction(snapshot, actorRef.send, request, options),
    [snapshot, actorRef],
  );
  return { connect, refusal: keyedActionRefusal(snapshot) };
}
