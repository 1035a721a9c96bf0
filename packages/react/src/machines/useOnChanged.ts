import { useEffect, useRef } from 'react';

interface EmittingActor<TEvent> {
  on(type: 'changed', handler: (event: TEvent) => void): { unsubscribe(): void };
}

/** Runs the latest `handler` on each `changed` event a machine emits after a successful change. */
export function useOnChanged<TEvent>(actorRef: EmittingActor<TEvent>, handler: (event: TEvent) => void): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    const subscription = actorRef.on('changed', (event) => latest.current(event));
    return () => subscription.unsubscribe();
  }, [actorRef]);
}
