import type { LifecycleEvent, LifecycleListener } from './lifecycleEvent';

/**
 * The listeners of one backend (`backend.subscribe`). A listener's failure is the host's to hear
 * (`onError`), never the change's: the change has committed, and other listeners still hear it.
 */
export class EventHub {
  private readonly listeners = new Set<LifecycleListener>();

  constructor(private readonly onError: (error: unknown, event: LifecycleEvent) => void) {}

  /** Hears every event from now on; the function returned stops it. */
  subscribe(listener: LifecycleListener): () => void {
    // Wrapped, so the same function subscribed twice hears twice and unsubscribes once each.
    const entry: LifecycleListener = (event) => listener(event);
    this.listeners.add(entry);
    return () => void this.listeners.delete(entry);
  }

  /**
   * Calls every listener at once, in subscription order, and settles when each has finished
   * (an asynchronous one included); failures go to `onError`.
   */
  publish(event: LifecycleEvent): Promise<void> {
    const running = [...this.listeners].map(async (listener) => {
      try {
        await listener(event);
      } catch (error) {
        this.onError(error, event);
      }
    });
    return Promise.all(running).then(() => undefined);
  }
}
