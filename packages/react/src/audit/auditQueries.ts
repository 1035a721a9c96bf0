import { readAllPages, type Caller, type User } from '@offboard/core';
import { auditReadRefusal, loadHistorySummary, readAuditPage, type AuditFilter } from '@offboard/core/audit';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useOffboard } from '../provider/OffboardContext';
import { offboardKeys } from '../queries/queryKeys';
import { useCurrentUser } from '../queries/userQueries';

/**
 * R12 as the core judges it from the caller's own record: `refusal` is what to show instead of
 * the viewer (a member's `admin-only`, or the backend's refusal to someone no longer active),
 * `allowed` whether anything may be read. Nothing is asked for a refused caller.
 */
export function useAuditAccess() {
  const { caller } = useOffboard();
  const me = useCurrentUser();
  const judged = auditReadRefusal(caller, me.data);
  return { allowed: judged === null, pending: judged === undefined && !me.error, refusal: judged ?? null, error: me.error, retry: me.refetch };
}

const auditKey = (caller: Caller, ...rest: unknown[]) => [...offboardKeys.auditLog(), caller, ...rest] as const;

/** The audit log for a filter, a page after another (R10: newest first). */
export function useAuditPages(filter: AuditFilter, pageSize: number, enabled: boolean) {
  const { adapter, caller } = useOffboard();
  return useInfiniteQuery({
    queryKey: auditKey(caller, 'list', filter, pageSize),
    queryFn: ({ pageParam }) => readAuditPage(adapter, filter, pageParam, pageSize, caller),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    enabled,
  });
}

/** R1: the kept history of one user, kind by kind. */
export function useHistorySummary(userId: string, enabled: boolean) {
  const { adapter, caller } = useOffboard();
  return useQuery({ queryKey: auditKey(caller, 'history', userId), queryFn: () => loadHistorySummary(adapter, userId, caller), enabled });
}

/** Every user, active or not, by id: the log names people who have since left (admin-only, R12). */
export function useEveryUser(enabled: boolean) {
  const { adapter, caller } = useOffboard();
  const users = useQuery({
    queryKey: [...offboardKeys.users(), caller, 'every'],
    queryFn: () => readAllPages((cursor) => adapter.listUsers({ status: 'all', cursor, limit: 500 }, caller)),
    enabled,
  });
  const byId = useMemo(() => new Map<string, User>((users.data ?? []).map((user) => [user.id, user])), [users.data]);
  return { users: users.data ?? [], byId, pending: users.isPending && enabled };
}
