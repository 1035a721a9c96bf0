import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { AFFECTED_KEYS, type ChangeKind } from './queryKeys';

/** Refreshes every query a change may have made stale, so each mounted component shows the new truth. */
export function useRefreshAfterChange(): (kind: ChangeKind) => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(
    async (kind) => {
      await Promise.all(AFFECTED_KEYS[kind].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
    [queryClient],
  );
}
