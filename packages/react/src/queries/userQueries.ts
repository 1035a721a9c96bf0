import { loadSalespeople, type ListUsersQuery, type Scenario } from '@offboard/core';
import { DEFAULT_SCENARIO } from '../machines/cachedPlanLoader';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useOffboard } from '../provider/OffboardContext';
import { offboardKeys } from './queryKeys';

/** One page after another of a user list (R3: `status` defaults to active users). */
export function useUserPages(query: Omit<ListUsersQuery, 'cursor'>) {
  const { adapter } = useOffboard();
  return useInfiniteQuery({
    queryKey: offboardKeys.userList(query),
    queryFn: ({ pageParam }) => adapter.listUsers({ ...query, cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

export function useUser(userId: string) {
  const { adapter } = useOffboard();
  return useQuery({ queryKey: offboardKeys.user(userId), queryFn: () => adapter.getUser(userId) });
}

/** Every salesperson, as the core lists them for reassignment (R5). */
export function useSalespeople() {
  const { adapter } = useOffboard();
  return useQuery({ queryKey: offboardKeys.salespeople(), queryFn: () => loadSalespeople(adapter) });
}

export function useSeatUsage() {
  const { adapter } = useOffboard();
  return useQuery({ queryKey: offboardKeys.seats(), queryFn: () => adapter.getSeatUsage() });
}

/** The acting user's plan for a user (R8), from the same cache entry the machines read. */
export function usePlan(userId: string, scenario: Scenario = DEFAULT_SCENARIO) {
  const { adapter, currentUserId } = useOffboard();
  return useQuery({
    queryKey: offboardKeys.plan(userId, currentUserId, scenario),
    queryFn: () => adapter.getOffboardingPlan(userId, { actorId: currentUserId, scenario }),
  });
}
