/**
 * Runs tasks one after another. The rules read the organisation asynchronously (the same guards
 * serve a database), so two changes must not interleave between a guard and its writes: each
 * organisation's changes queue here, while reads go on freely (writes never pause half-done).
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
