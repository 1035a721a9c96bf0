import { OffboardError } from '../errors/OffboardError';

/** How long a key replays its first result, and how many keys an organisation keeps at most. */
export interface IdempotencyOptions {
  /** @default 24 hours */
  readonly ttlMs?: number;
  /** The oldest keys go first once this many are kept. @default 100_000 */
  readonly maxKeys?: number;
}

export const DEFAULT_IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_MAX_IDEMPOTENCY_KEYS = 100_000;

interface Stored {
  readonly fingerprint: string;
  readonly result: unknown;
  readonly expiresAt: number;
}

/**
 * R11: the first successful result of each key, per caller (R13: the same key from two actors is
 * two keys). Only successes are kept: a refusal changed nothing, so repeating it later (say,
 * after the blocker was removed) runs it afresh. Keys expire, and the oldest give way to new ones
 * past the bound, so a client sending a fresh key per request cannot grow memory without end.
 */
export class IdempotencyRegistry {
  private readonly results = new Map<string, Stored>();
  private readonly ttlMs: number;
  private readonly maxKeys: number;

  constructor(
    private readonly now: () => number,
    options: IdempotencyOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? DEFAULT_IDEMPOTENCY_TTL_MS;
    this.maxKeys = options.maxKeys ?? DEFAULT_MAX_IDEMPOTENCY_KEYS;
  }

  private slot(actorId: string, key: string): string {
    return `${actorId}\u0000${key}`;
  }

  /** The stored result for this caller's key and request, `undefined` for a new key; refuses a reused key. */
  replay(actorId: string, key: string | undefined, request: string): unknown {
    if (key === undefined) return undefined;
    const slot = this.slot(actorId, key);
    const stored = this.results.get(slot);
    if (!stored) return undefined;
    if (stored.expiresAt <= this.now()) {
      this.results.delete(slot);
      return undefined;
    }
    if (stored.fingerprint !== request) throw new OffboardError('IDEMPOTENCY_KEY_REUSED', { idempotencyKey: key });
    return stored.result;
  }

  remember(actorId: string, key: string | undefined, request: string, result: unknown): void {
    if (key === undefined) return;
    this.results.set(this.slot(actorId, key), { fingerprint: request, result, expiresAt: this.now() + this.ttlMs });
    // Maps iterate in insertion order: the first keys are the oldest.
    for (const oldest of this.results.keys()) {
      if (this.results.size <= this.maxKeys) break;
      this.results.delete(oldest);
    }
  }

  get size(): number {
    return this.results.size;
  }
}
