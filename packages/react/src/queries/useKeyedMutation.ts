import { newIdempotencyKey, toOffboardError } from '@offboard/core';
import { useMutation } from '@tanstack/react-query';

interface KeyedRequest<TVariables> {
  readonly variables: TVariables;
  readonly idempotencyKey: string;
}

/**
 * A single adapter call made safe to repeat (R11): `start` makes one idempotency key for the
 * user's intent, and `retry` resends that very request, so a lost answer never applies it twice.
 */
export function useKeyedMutation<TVariables, TResult>(
  run: (variables: TVariables, idempotencyKey: string) => Promise<TResult>,
  onSuccess: (result: TResult, variables: TVariables) => void,
) {
  const mutation = useMutation({
    mutationFn: (request: KeyedRequest<TVariables>) => run(request.variables, request.idempotencyKey),
    onSuccess: (result, request) => onSuccess(result, request.variables),
  });
  const last = mutation.variables;
  return {
    start: (variables: TVariables) => mutation.mutate({ variables, idempotencyKey: newIdempotencyKey() }),
    retry: () => {
      if (last) mutation.mutate(last);
    },
    reset: mutation.reset,
    busy: mutation.isPending,
    error: mutation.error ? toOffboardError(mutation.error) : null,
    /** What the latest attempt was for, e.g. which task a failure belongs to. */
    variables: last?.variables,
  };
}
