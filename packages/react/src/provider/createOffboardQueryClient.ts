import { isOffboardError } from '@offboard/core';
import { QueryClient } from '@tanstack/react-query';

const MAX_READ_RETRIES = 2;

/**
 * The client a provider makes when the host passes none. Reads are retried only when the
 * failure is a transport one: a rule's refusal or a missing record will not change by asking again.
 */
export function createOffboardQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failures, error) => isOffboardError(error) && error.retryable && failures < MAX_READ_RETRIES,
      },
    },
  });
}
