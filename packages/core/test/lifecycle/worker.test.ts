import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLifecycleWorker } from '../../src/backend';

afterEach(() => vi.useRealTimers());

/** A backend whose passes are recorded, and whose schedules pass can be held or made to fail. */
function recordingBackend() {
  const calls: string[] = [];
  let release: (() => void) | undefined;
  let failNext = false;
  return {
    calls,
    hold: () => new Promise<void>((resolve) => (release = resolve)),
    release: () => release?.(),
    failOnce: () => void (failNext = true),
    backend: {
      runDueSchedules: async () => {
        calls.push('schedules');
        if (failNext) {
          failNext = false;
          throw new Error('database away');
        }
        return { completed: [], failed: [] };
      },
      dispatchEvents: async () => (calls.push('events'), 0),
      deliverWebhooks: async () => (calls.push('webhooks'), { delivered: 0, retrying: 0, failed: 0 }),
    },
  };
}

describe('createLifecycleWorker', () => {
  it('R15, R16: a pass runs due schedules, then dispatches events, then sends webhooks; passes repeat every intervalMs until stopped', async () => {
    vi.useFakeTimers();
    const { backend, calls } = recordingBackend();
    const worker = createLifecycleWorker({ backend, intervalMs: 1_000 });
    worker.start();
    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toEqual(['schedules', 'events', 'webhooks']);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(calls).toHaveLength(9);
    await worker.stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toHaveLength(9);
  });

  it('a failed pass is reported and the next one runs all the same', async () => {
    vi.useFakeTimers();
    const { backend, calls, failOnce } = recordingBackend();
    const onError = vi.fn();
    const worker = createLifecycleWorker({ backend, intervalMs: 100, onError });
    failOnce();
    worker.start();
    await vi.advanceTimersByTimeAsync(200);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'database away' }));
    expect(calls).toEqual(['schedules', 'schedules', 'events', 'webhooks']);
    await worker.stop();
  });

  it('runOnce while a pass is in flight joins it rather than starting another; stop waits for it', async () => {
    const { backend, calls, hold, release } = recordingBackend();
    const held = hold();
    const slow = { ...backend, dispatchEvents: async () => (await held, calls.push('events'), 0) };
    const worker = createLifecycleWorker({ backend: slow });
    const first = worker.runOnce();
    const second = worker.runOnce();
    expect(second).toBe(first);
    let stopped = false;
    const stopping = worker.stop().then(() => (stopped = true));
    await Promise.resolve();
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(calls).toEqual(['schedules', 'events', 'webhooks']);
  });
});
