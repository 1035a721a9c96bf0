import { OPERATIONS, ROUTES, type Route } from '@offboard/core';
import type { Fault, FaultTarget } from '@offboard/mocks';

/** The operations that change something: where a fault makes retries and exactly-once visible. */
const MUTATIONS = OPERATIONS.filter((operation) => (ROUTES[operation] as Route).mutation);

const onEveryChange = (fault: Fault): Partial<Record<FaultTarget, Fault>> =>
  Object.fromEntries(MUTATIONS.map((operation) => [operation, fault]));

/**
 * Faults a designer picks from the controls of a scenario story; each breaks the first try only.
 * Keys are URL-safe, since Storybook drops URL args with punctuation; the control shows the labels.
 */
export const FAULT_PRESETS = {
  none: {},
  'network-error': onEveryChange({ kind: 'network-error', when: 'before' }),
  'answer-lost': onEveryChange({ kind: 'network-error', when: 'after' }),
  'server-error': onEveryChange({ kind: 'server-error' }),
  timeout: onEveryChange({ kind: 'timeout' }),
  slow: { '*': { kind: 'slow', ms: 2_000, times: Number.POSITIVE_INFINITY } },
} satisfies Record<string, Partial<Record<FaultTarget, Fault>>>;

export type FaultPreset = keyof typeof FAULT_PRESETS;

export const FAULT_LABELS: Record<FaultPreset, string> = {
  none: 'none',
  'network-error': 'network error on each change (not applied)',
  'answer-lost': 'answer lost on each change (applied)',
  'server-error': '500 on each change',
  timeout: 'timeout on each change',
  slow: 'slow answers (2 s)',
};
