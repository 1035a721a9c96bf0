import { isService, type Caller, type ListUsersQuery, type OffboardAdapter, type User } from '@offboard/core';
import { loadSalespeople } from '@offboard/core/machines';
import { useInfiniteQuery, useQuery, type QueryClient } from '@tanstack/react-query';
import { useOffboard } from '../provider/OffboardContext';
import { offboardKeys } from './queryKeys';

/** One page after another of a user list (R3: `status` defaults to active users). */
export function useUserPages(query: Omit<ListUsersQuery, 'cursor'>) {
  const { adapter, caller } = useOffboard();
  return useInfiniteQuery({
    queryKey: offboardKeys.userList(caller, query),
    queryFn: ({ pageParam }) => adapter.listUsers({ ...query, cursor: pageParam }, caller),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

/** One user, as the caller may see them (R12: a member gets other people's emails as null). */
function userQuery(adapter: OffboardAdapter, caller: Caller, userId: string) {
  return { queryKey: offboardKeys.user(caller, userId), queryFn: () => adapter.getUser(userId, caller) };
}

export function useUser(userId: string, { enabled = true } = {}) {
  const { adapter, caller } = useOffboard();
  return useQuery({ ...userQuery(adapter, caller, userId), enabled });
}

/**
 * The caller's own record, which any active user may read (R12): the core judges the caller's
 * standing from it. The backend refuses it to anyone who is not an active user of the
 * organisation. A service identity has none, so nothing is asked.
 */
export function useCurrentUser() {
  const { caller } = useOffboard();
  return useUser(caller.actorId, { enabled: !isService(caller) });
}

/** The caller's own record outside React (a machine's loader), from the cache when it is there. */
export async function loadCurrentUser(queryClient: QueryClient, adapter: OffboardAdapter, caller: Caller): Promise<User | undefined> {
  return isService(caller) ? undefined : queryClient.ensureQueryData(userQuery(adapter, caller, caller.actorId));
}

/** Every salesperson, as the core lists them for reassignment (R5). */
export function useSalespeople({ enabled = true } = {}) {
  const { adapter, caller } = useOffboard();
  return useQuery({ queryKey: offboardKeys.salespeople(caller), queryFn: () => loadSalespeople(adapter, caller), enabled });
}

/** R12: seats are admin-only by default; `enabled: false` when the caller may not read them. */
export function useSeatUsage({ enabled = true } = {}) {
  const { adapter, caller } = useOffboard();
  return useQuery({ queryKey: offboardKeys.seatUsage(caller), queryFn: () => adapter.getSeatUsage(caller), enabled });
}
