import { OffboardError } from '../errors/OffboardError';

/**
 * R11: the first successful result of each idempotency key. Only successes are kept: a refusal
 * changed nothing, so repeating it later (say, after the blocker was removed) runs it afresh.
 */
export class IdempotencyRegistry {
  private readonly results = new Map<string, { fingerprint: string; result: unknown }>();

  /** The stored result for this key and request, `undefined` for a new key; refuses a reused key. */
  replay(key: string | undefined, request: string): unknown {
    if (key === undefined) return undefined;
    const stored = this.results.get(key);
    if (!stored) return undefined;
    if (stored.fingerprint !== request) throw new OffboardError('IDEMPOTENCY_KEY_REUSED', { idempotencyKey: key });
    return stored.result;
  }

  remember(key: string | undefined, request: string, result: unknown): void {
    if (key !== undefined) this.results.set(key, { fingerprint: request, result });
  }
}
