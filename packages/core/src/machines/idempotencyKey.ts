let fallbackCounter = 0;

/**
 * A fresh key for one intent (R11). Machines create it when the user confirms and reuse it on
 * every retry of that intent, so a retry after a lost response replays instead of repeating.
 */
export function newIdempotencyKey(): string {
  const crypto = globalThis.crypto;
  if (crypto?.randomUUID) return crypto.randomUUID();
  fallbackCounter += 1;
  return `k-${Date.now().toString(36)}-${fallbackCounter.toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
