import type { User } from '@offboard/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useOffboard } from '../provider/OffboardContext';
import { offboardKeys } from './queryKeys';

/** Large pages keep a 50,000-contact scroll to a few hundred requests at most. */
const CONTACT_PAGE_SIZE = 200;

/** An owner's contacts, page after page, as a virtualised list asks for them. */
export function useContactPages(ownerId: string, search: string) {
  const { adapter, caller } = useOffboard();
  const query = { ownerId, ...(search ? { search } : {}) };
  return useInfiniteQuery({
    queryKey: offboardKeys.contactList(caller, query),
    queryFn: ({ pageParam }) => adapter.listContacts({ ...query, cursor: pageParam, limit: CONTACT_PAGE_SIZE }, caller),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

export interface OrphanedContacts {
  readonly total: number;
  /** The first owners, each with how many contacts they still own. */
  readonly owners: readonly { readonly owner: User; readonly contacts: number }[];
  /** Orphaned contacts of owners not named. */
  readonly otherContacts: number;
}

/** Owners named in the notice; more would cost a request each and crowd it. */
const NAMED_OWNERS = 10;

/**
 * R5: contacts whose owner is not a salesperson, and whose they are. One page of orphaned
 * contacts tells who owns them; only the first owners are looked up, so the cost stays the same
 * however many users the organisation has.
 */
export function useOrphanedContacts() {
  const { adapter, caller } = useOffboard();
  return useQuery({
    queryKey: offboardKeys.orphanedOwners(caller),
    queryFn: async (): Promise<OrphanedContacts> => {
      const page = await adapter.listContacts({ orphaned: true, limit: 500 }, caller);
      const ownerIds = [...new Set(page.items.map((contact) => contact.ownerId))];
      const owners = await Promise.all(
        ownerIds.slice(0, NAMED_OWNERS).map(async (ownerId) => {
          const [owner, owned] = await Promise.all([adapter.getUser(ownerId, caller), adapter.listContacts({ ownerId, limit: 1 }, caller)]);
          return { owner, contacts: owned.total };
        }),
      );
      const named = owners.reduce((sum, entry) => sum + entry.contacts, 0);
      return { total: page.total, owners, otherContacts: page.total - named };
    },
  });
}
