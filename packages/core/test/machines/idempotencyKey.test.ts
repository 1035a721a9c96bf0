import { afterEach, describe, expect, it, vi } from 'vitest';
import { newIdempotencyKey } from '../../src/machines';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** The fallback's shape: `k-<time>-<counter>-<random>`, each part base 36, the random part at most 8 characters. */
const FALLBACK = /^k-([0-9a-z]+)-([0-9a-z]+)-([0-9a-z]{1,8})$/;

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('newIdempotencyKey: a fresh key per intent (R11)', () => {
  it('R11 keys: the runtime’s crypto.randomUUID when there is one, a new UUID each time', () => {
    const real = globalThis.crypto;
    const randomUUID = vi.fn(() => real.randomUUID());
    vi.stubGlobal('crypto', { randomUUID });
    const keys = [newIdempotencyKey(), newIdempotencyKey(), newIdempotencyKey()];
    expect(randomUUID).toHaveBeenCalledTimes(3);
    expect(keys).toEqual(randomUUID.mock.results.map((result) => result.value));
    for (const key of keys) expect(key).toMatch(UUID);
    expect(new Set(keys).size).toBe(3);
  });

  it('R11 keys: without crypto (or with a crypto lacking randomUUID, as outside a secure context) keys are still well formed and unique', () => {
    for (const stand of [undefined, { getRandomValues: () => undefined }]) {
      vi.stubGlobal('crypto', stand);
      const keys = Array.from({ length: 50 }, () => newIdempotencyKey());
      for (const key of keys) expect(key).toMatch(FALLBACK);
      expect(new Set(keys).size).toBe(50);
    }
  });

  it('R11 keys: the fallback’s keys differ within one millisecond and with the same random draw, by a counter that only grows', () => {
    vi.stubGlobal('crypto', undefined);
    vi.spyOn(Date, 'now').mockReturnValue(1_800_000_000_000);
    vi.spyOn(Math, 'random').mockReturnValue(0.123456789);
    const [first, second] = [newIdempotencyKey(), newIdempotencyKey()].map((key) => FALLBACK.exec(key));
    expect(first).not.toBeNull();
    expect(second).not.toBeNull();
    expect([first![1], first![3]]).toEqual(['mywpiww0', '4fzzzxjy']);
    expect([second![1], second![3]]).toEqual(['mywpiww0', '4fzzzxjy']);
    expect(Number.parseInt(second![2]!, 36)).toBe(Number.parseInt(first![2]!, 36) + 1);
  });
});
