import type { LifecycleBackend } from '../adapter/LifecycleBackend';

export interface LifecycleWorkerOptions {
  readonly backend: Pick<LifecycleBackend, 'runDueSchedules' | 'dispatchEvents' | 'deliverWebhooks'>;
  /** The pause between two passes. @default 1_000 */
  readonly intervalMs?: number;
  /** Hears a pass that failed (the database away…); the next pass runs all the same. */
  readonly onError?: (error: unknown) => void;
}

export interface LifecycleWorker {
  /** One pass now: due schedules (R15), then undispatched events, then due webhook deliveries (R16). */
  runOnce(): Promise<void>;
  /** Passes every `intervalMs` until `stop`. */
  start(): void;
  /** No pass starts after this; resolves once the pass in flight, if any, has finished. */
  stop(): Promise<void>;
}

/**
 * The periodic side of R15 and R16, for one process or many: every claim is made in the
 * database (PostgreSQL: `FOR UPDATE SKIP LOCKED`) or in the backend's own queue (in memory), so
 * any number of workers perform each schedule once and send each delivery attempt once. A pass
 * waits for the one before it: passes never overlap in one worker.
 */
export function createLifecycleWorker(options: LifecycleWorkerOptions): LifecycleWorker {
  const { backend } = options;
  const intervalMs = options.intervalMs ?? 1_000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  let stopped = true;

  async function pass(): Promise<void> {
    await backend.runDueSchedules();
    await backend.dispatchEvents();
    await backend.deliverWebhooks();
  }

  const runOnce = (): Promise<void> => {
    running ??= pass().finally(() => (running = undefined));
    return running;
  };

  function next(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      runOnce()
        .catch((error: unknown) => options.onError?.(error))
        .finally(next);
    }, intervalMs);
  }

  return {
    runOnce,
    start() {
      if (!stopped) return;
      stopped = false;
      next();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running?.catch(() => undefined);
    },
  };
}
