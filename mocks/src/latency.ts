import { delay } from 'msw';

/** Milliseconds for every answer, or a `[min, max]` range drawn anew for each request. */
export type Latency = number | readonly [min: number, max: number];

export function wait(latency: Latency = 0): Promise<void> | undefined {
  const ms = typeof latency === 'number' ? latency : latency[0] + Math.random() * (latency[1] - latency[0]);
  // No timer at all without latency: tests stay as fast as the backend itself.
  return ms > 0 ? delay(ms) : undefined;
}
