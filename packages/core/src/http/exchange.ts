import { OffboardError } from '../errors/OffboardError';

/** What the adapter keeps of a response: read whole, within the same timeout as the request. */
export interface Reply {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

/**
 * Sends one request and reads its whole body, or fails with `NETWORK_ERROR`: `reason: 'timeout'`
 * when nothing complete arrived within `timeoutMs`, `reason: 'network'` when the connection
 * failed. Both are retryable; with an idempotency key a retry is safe even if the first attempt
 * was applied (R11).
 */
export async function exchange(fetchFn: typeof fetch, url: string, init: RequestInit, timeoutMs: number): Promise<Reply> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    const response = await fetchFn(url, { ...init, signal: controller.signal });
    return { status: response.status, headers: response.headers, text: await response.text() };
  } catch (error) {
    throw new OffboardError(
      'NETWORK_ERROR',
      timedOut ? { reason: 'timeout', timeoutMs } : { reason: 'network', cause: error instanceof Error ? error.message : String(error) },
    );
  } finally {
    clearTimeout(timer);
  }
}
