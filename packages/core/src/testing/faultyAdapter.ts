import type { OffboardAdapter } from '../adapter/OffboardAdapter';
import { OffboardError, type ErrorCode } from '../errors/OffboardError';
import { createFaultSchedule } from './faultSchedule';

export interface InjectedFault {
  /** `before`: the call never reaches the backend. `after`: it runs, then its answer is lost. */
  readonly when: 'before' | 'after';
  /** @default 'NETWORK_ERROR' */
  readonly code?: ErrorCode;
  /** How many calls fail in a row. @default 1 */
  readonly times?: number;
}

export type FaultyAdapter = OffboardAdapter & {
  /** Makes the next call(s) of `method` fail as described. */
  failNext(method: keyof OffboardAdapter, fault: InjectedFault): void;
  /** How many times each method was called, faults included. */
  readonly calls: Readonly<Partial<Record<keyof OffboardAdapter, number>>>;
};

/** Own and inherited methods, so adapters written as classes are wrapped as well as plain objects. */
function methodNames(adapter: OffboardAdapter): (keyof OffboardAdapter)[] {
  const names = new Set<string>();
  for (let level: object | null = adapter; level && level !== Object.prototype; level = Object.getPrototypeOf(level)) {
    for (const name of Object.getOwnPropertyNames(level)) if (name !== 'constructor') names.add(name);
  }
  return [...names] as (keyof OffboardAdapter)[];
}

/**
 * Wraps an adapter so tests can break the link at a chosen call, the way a flaky network does:
 * before the backend (nothing applied) or after it (applied, answer lost). Retries must then
 * converge on exactly one application.
 */
export function withFaults(adapter: OffboardAdapter): FaultyAdapter {
  const pending = createFaultSchedule<InjectedFault, keyof OffboardAdapter>();
  const calls: Partial<Record<keyof OffboardAdapter, number>> = {};
  const fail = (fault: InjectedFault, method: string) =>
    new OffboardError(fault.code ?? 'NETWORK_ERROR', { reason: 'injected', method, when: fault.when });

  const wrapped = {} as Record<string, unknown>;
  for (const method of methodNames(adapter)) {
    const original = adapter[method];
    if (typeof original !== 'function') continue;
    wrapped[method] = async (...args: unknown[]) => {
      calls[method] = (calls[method] ?? 0) + 1;
      const fault = pending.take(method);
      if (fault?.when === 'before') throw fail(fault, method);
      const result = await (original as (...inner: unknown[]) => Promise<unknown>).apply(adapter, args);
      if (fault?.when === 'after') throw fail(fault, method);
      return result;
    };
  }
  return Object.assign(wrapped as unknown as OffboardAdapter, {
    failNext(method: keyof OffboardAdapter, fault: InjectedFault) {
      pending.set(method, fault);
    },
    calls,
  });
}
