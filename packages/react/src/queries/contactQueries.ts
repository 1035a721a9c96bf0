import type { User } from '@offboard/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useOffboard } from '../provider/OffboardContext';
import { collectPages } from './collectPages';
import { offboardKeys } from './queryKeys';

/** Large pages keep a 50,000-contact scroll to a few hundred requests at most. */
const CONTACT_PAGE_SIZE = 200;

/** An owner's contacts, page after page, as a virtualised list asks for them. */
export function useContactPages(ownerId: string, search: string) {
  const { adapter } = useOffboard();
  const query = { ownerId, ...(search ? { search } : {}) };
  return useInfiniteQuery({
    queryKey: offboardKeys.contactList(query),
    queryFn: ({ pageParam }) => adapter.listContacts({ ...query, cursor: pageParam, limit: CONTACT_PAGE_SIZE }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

export interface OrphanedContacts {
  readonly total: number;
  readonly owners: readonly { readonly owner: User; readonly contacts: number }[];
}

/**
 * R5: contacts whose owner is not a salesperson, and who those owners are. Owners are the users
 * without an active license (any status), each asked for a count: a short list in practice.
 */
export function useOrphanedContacts() {
  const { adapter } = useOffboard();
  return useQuery({
    queryKey: offboardKeys.orphanedOwners(),
    queryFn: async (): Promise<OrphanedContacts> => {
      const [orphaned, unlicensed] = await Promise.all([
        adapter.listContacts({ orphaned: true, limit: 1 }),
        collectPages((cursor) => adapter.listUsers({ status: 'all', licensed: false, cursor, limit: 500 })),
      ]);
      const counts = await Promise.all(unlicensed.map(async (owner) => ({ owner, contacts: (await adapter.listContacts({ ownerId: owner.id, limit: 1 })).total })));
      return { total: orphaned.total, owners: counts.filter((entry) => entry.contacts > 0) };
    },
  });
}
