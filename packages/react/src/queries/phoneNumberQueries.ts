import { readAllPages } from '@offboard/core';
import { useQuery } from '@tanstack/react-query';
import { useOffboard } from '../provider/OffboardContext';
import { offboardKeys } from './queryKeys';

/** Every phone number of the organisation; `enabled: false` when the caller already knows what it needs. */
export function usePhoneNumbers({ enabled = true } = {}) {
  const { adapter, caller } = useOffboard();
  return useQuery({
    queryKey: offboardKeys.phoneNumberList(caller, null),
    queryFn: () => readAllPages((cursor) => adapter.listPhoneNumbers({ cursor, limit: 500 }, caller)),
    enabled,
  });
}
