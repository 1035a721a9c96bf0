import { describe, expect, it } from 'vitest';
import { isOffboardError } from '../../src';
import { IdempotencyRegistry } from '../../src/inMemory/idempotency';

/** A registry on a clock the test moves by hand. */
const registry = (options: { ttlMs?: number; maxKeys?: number } = {}) => {
  const clock = { now: 1_000 };
  return { clock, keys: new IdempotencyRegistry(() => clock.now, options) };
};

describe('idempotency registry', () => {
  it('R11: a key replays until just before its TTL and is forgotten at exactly the TTL instant', () => {
    const { clock, keys } = registry({ ttlMs: 500 });
    keys.remember('u-ana', 'k-1', 'request', { done: 1 });
    clock.now = 1_499;
    expect(keys.replay('u-ana', 'k-1', 'request')).toEqual({ done: 1 });
    clock.now = 1_500;
    expect(keys.replay('u-ana', 'k-1', 'request')).toBeUndefined();
    // Forgotten, not only hidden: the slot is gone, so another request may take the key.
    expect(keys.size).toBe(0);
    expect(keys.replay('u-ana', 'k-1', 'another request')).toBeUndefined();
  });

  it('R11: a key reused for another request is refused, naming the key', () => {
    const { keys } = registry();
    keys.remember('u-ana', 'k-1', 'request', 'result');
    let caught: unknown;
    try {
      keys.replay('u-ana', 'k-1', 'another request');
    } catch (error) {
      caught = error;
    }
    expect(isOffboardError(caught) && { code: caught.code, details: caught.details }).toEqual({
      code: 'IDEMPOTENCY_KEY_REUSED',
      details: { idempotencyKey: 'k-1' },
    });
    // R13: the same key from another actor is another key.
    expect(keys.replay('u-bruno', 'k-1', 'another request')).toBeUndefined();
  });

  it('R11: exactly maxKeys keys are kept; one more pushes out the oldest', () => {
    const { keys } = registry({ maxKeys: 2 });
    keys.remember('u-ana', 'k-1', 'r1', 1);
    keys.remember('u-ana', 'k-2', 'r2', 2);
    expect(keys.size).toBe(2);
    expect([keys.replay('u-ana', 'k-1', 'r1'), keys.replay('u-ana', 'k-2', 'r2')]).toEqual([1, 2]);
    keys.remember('u-ana', 'k-3', 'r3', 3);
    expect(keys.size).toBe(2);
    expect([keys.replay('u-ana', 'k-1', 'r1'), keys.replay('u-ana', 'k-2', 'r2'), keys.replay('u-ana', 'k-3', 'r3')]).toEqual([undefined, 2, 3]);
  });

  it('R11: a request without a key is never remembered, nor replayed from the key "undefined"', () => {
    const { keys } = registry();
    keys.remember('u-ana', undefined, 'request', 'unkeyed');
    expect(keys.size).toBe(0);
    expect(keys.replay('u-ana', 'undefined', 'request')).toBeUndefined();
    keys.remember('u-ana', 'undefined', 'request', 'keyed');
    expect(keys.size).toBe(1);
    expect(keys.replay('u-ana', undefined, 'request')).toBeUndefined();
    expect(keys.replay('u-ana', undefined, 'another request')).toBeUndefined();
    expect(keys.replay('u-ana', 'undefined', 'request')).toBe('keyed');
  });
});
