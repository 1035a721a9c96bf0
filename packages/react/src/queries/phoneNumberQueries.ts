import { readAllPages } from '@offboard/core';
import { useQuery } from '@tanstack/react-query';
import { useOffboard } from '../provider/OffboardContext';
import { offboardKeys } from './queryKeys';

/** Every phone number of the organisation; `enabled: false` when the caller already knows what it needs. */
export function usePhoneNumbers({ enabled = true } = {}) {
  const { adapter } = useOffboard();
  return useQuery({
    queryKey: offboardKeys.phoneNumberList(null),
    queryFn: () => readAllPages((cursor) => adapter.listPhoneNumbers({ cursor, limit: 500 })),
    enabled,
  });
}
