import { readAllPages } from '@offboard/core';
import { useQuery } from '@tanstack/react-query';
import { useOffboard } from '../provider/OffboardContext';
import { offboardKeys } from './queryKeys';

/** The organisation's phone numbers, of one country or of all. */
export function usePhoneNumbers(country: string | null = null) {
  const { adapter } = useOffboard();
  return useQuery({
    queryKey: offboardKeys.phoneNumberList(country),
    queryFn: () => readAllPages((cursor) => adapter.listPhoneNumbers({ ...(country ? { country } : {}), cursor, limit: 500 })),
  });
}
