import { OPERATIONS, ROUTES, type Route } from '@offboard/core';
import type { Fault, FaultTarget } from '@offboard/mocks';

/** The operations that change something: where a fault makes retries and exactly-once visible. */
const MUTATIONS = OPERATIONS.filter((operation) => (ROUTES[operation] as Route).mutation);

const onEveryChange = (fault: Fault): Partial<Record<FaultTarget, Fault>> =>
  Object.fromEntries(MUTATIONS.map((operation) => [operation, fault]));

/** Faults a designer picks from the controls of a scenario story; each breaks the first try only. */
export const FAULT_PRESETS = {
  none: {},
  'network error on each change (not applied)': onEveryChange({ kind: 'network-error', when: 'before' }),
  'answer lost on each change (applied)': onEveryChange({ kind: 'network-error', when: 'after' }),
  '500 on each change': onEveryChange({ kind: 'server-error' }),
  'timeout on each change': onEveryChange({ kind: 'timeout' }),
  'slow answers (2 s)': { '*': { kind: 'slow', ms: 2_000, times: Number.POSITIVE_INFINITY } },
} satisfies Record<string, Partial<Record<FaultTarget, Fault>>>;

export type FaultPreset = keyof typeof FAULT_PRESETS;
