import { createFaultSchedule, type ArmedFault as ArmedFaultOf, type FaultSchedule, type OperationName } from '@offboard/core';
import { HttpResponse, delay } from 'msw';

interface FaultTiming {
  /**
   * `before`: the request never reaches the backend (nothing applied). `after`: the backend runs
   * and the change is kept, but the answer is lost, the case idempotency keys exist for (R11).
   * @default 'before'
   */
  readonly when?: 'before' | 'after';
  /** How many matching requests fail; then the fault is gone, so a retry can be shown recovering. @default 1 */
  readonly times?: number;
}

/**
 * - `network-error`: the connection fails (`fetch` rejects).
 * - `server-error`: a 500 without a problem body, as from a crashed proxy.
 * - `timeout`: no answer until the client gives up (aborts).
 * - `slow`: the answer arrives `ms` later than the configured latency.
 */
export type Fault =
  | (FaultTiming & { readonly kind: 'network-error' | 'server-error' | 'timeout' })
  | (FaultTiming & { readonly kind: 'slow'; readonly ms: number });

/** An operation, or `'*'` for every operation without a fault of its own. */
export type FaultTarget = OperationName | '*';

/** Changes faults while handlers run, from a test or a story; counted like the conformance suite's `withFaults`. */
export type FaultController = FaultSchedule<Fault, OperationName>;
export type ArmedFault = ArmedFaultOf<Fault>;

export function createFaultController(initial: Partial<Record<FaultTarget, Fault>> = {}): FaultController {
  return createFaultSchedule<Fault, OperationName>(initial);
}

function untilAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

async function failure(fault: Fault, request: Request): Promise<Response> {
  if (fault.kind === 'server-error') return new HttpResponse('Internal Server Error', { status: 500, headers: { 'Content-Type': 'text/plain' } });
  if (fault.kind === 'timeout') await untilAborted(request.signal);
  return HttpResponse.error();
}

/** Runs `serve` (the backend) with `fault` applied before or after it. */
export async function withFault(fault: Fault | undefined, request: Request, serve: () => Promise<Response>): Promise<Response> {
  if (!fault) return serve();
  if (fault.kind === 'slow') {
    if (fault.when === 'after') {
      const response = await serve();
      await delay(fault.ms);
      return response;
    }
    await delay(fault.ms);
    return serve();
  }
  if (fault.when === 'after') await serve();
  return failure(fault, request);
}
