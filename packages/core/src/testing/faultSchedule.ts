/** A fault to apply `times` times (1 by default), of whatever kind the injector knows. */
export interface Armable {
  readonly times?: number;
}

export interface ArmedFault<TFault extends Armable> {
  readonly fault: TFault;
  readonly remaining: number;
}

/** Which faults are armed, for which targets, and how many uses each has left. */
export interface FaultSchedule<TFault extends Armable, TTarget extends string> {
  set(target: TTarget | '*', fault: TFault): void;
  /** Removes the fault of `target`, or every fault. */
  clear(target?: TTarget | '*'): void;
  /** The faults still armed, with how many calls each will still break. */
  armed(): Partial<Record<TTarget | '*', ArmedFault<TFault>>>;
  /** Consumes one use of the fault that applies to `target` (its own, else `'*'`'s), if any. */
  take(target: TTarget): TFault | undefined;
}

/**
 * The one way faults are counted, for every injector: the conformance suite's `withFaults` (an
 * adapter that breaks its own calls) and the MSW mocks (a network that breaks requests). A fault
 * is armed for a target or for `'*'`, and spent one call at a time.
 */
export function createFaultSchedule<TFault extends Armable, TTarget extends string>(
  initial: Partial<Record<TTarget | '*', TFault>> = {},
): FaultSchedule<TFault, TTarget> {
  const faults = new Map<TTarget | '*', ArmedFault<TFault>>();
  const schedule: FaultSchedule<TFault, TTarget> = {
    set(target, fault) {
      faults.set(target, { fault, remaining: fault.times ?? 1 });
    },
    clear(target) {
      if (target) faults.delete(target);
      else faults.clear();
    },
    armed: () => Object.fromEntries(faults) as Partial<Record<TTarget | '*', ArmedFault<TFault>>>,
    take(target) {
      const key: TTarget | '*' = faults.has(target) ? target : '*';
      const armed = faults.get(key);
      if (!armed) return undefined;
      if (armed.remaining <= 1) faults.delete(key);
      else faults.set(key, { ...armed, remaining: armed.remaining - 1 });
      return armed.fault;
    },
  };
  for (const [target, fault] of Object.entries(initial) as [TTarget | '*', TFault][]) schedule.set(target, fault);
  return schedule;
}
