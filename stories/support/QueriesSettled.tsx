import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';

/** Shown by `QueriesSettled` once every query of the provider has its answer. */
export const SETTLED_TEST_ID = 'offboard-queries-settled';

/**
 * A hidden marker that appears once every query the kit started has answered. A component that
 * renders nothing both while loading and when there is nothing to say (the orphaned-contacts
 * notice) can only be proven empty after its data arrived: a play waits for this first.
 */
export function QueriesSettled() {
  const cache = useQueryClient().getQueryCache();
  const subscribe = useCallback((onChange: () => void) => cache.subscribe(onChange), [cache]);
  const settled = useSyncExternalStore(subscribe, () => {
    const queries = cache.getAll();
    return queries.length > 0 && queries.every((query) => query.state.status !== 'pending' && query.state.fetchStatus === 'idle');
  });
  return settled ? <span hidden data-testid={SETTLED_TEST_ID} /> : null;
}
