import { changeFeedback, type ChangedEvent } from '@offboard/core/machines';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useOffboard } from '../provider/OffboardContext';
import { RECORD_KEYS } from '../queries/queryKeys';

interface EmittingActor {
  on(type: 'changed', handler: (event: ChangedEvent) => void): { unsubscribe(): void };
}

/**
 * After a change, refresh and announce: the one place the kit does it, for every machine. The
 * core's `changeFeedback` says, from the change's audit actions, which records went stale (each
 * mapped once to its query keys in `RECORD_KEYS`) and what to say in the live region.
 */
export function useChangeFeedback(actorRef: EmittingActor): void {
  const queryClient = useQueryClient();
  const { messages, announce } = useOffboard();
  const latest = useRef({ messages, announce });
  useEffect(() => {
    latest.current = { messages, announce };
  });
  useEffect(() => {
    const subscription = actorRef.on('changed', (event) => {
      const { touches, announcement } = changeFeedback(event.results, event.announcement);
      for (const kind of touches) void queryClient.invalidateQueries({ queryKey: RECORD_KEYS[kind] });
      latest.current.announce(latest.current.messages.text(announcement));
    });
    return () => subscription.unsubscribe();
  }, [actorRef, queryClient]);
}
