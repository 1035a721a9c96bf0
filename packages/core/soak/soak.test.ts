/**
 * `npm run soak`: the model-based property of the conformance suite at soak scale (100,000
 * random sequences by default, OFFBOARD_SOAK=<n> to change; OFFBOARD_SEED=<n> to replay a
 * reported failure), printing what it ran.
 */
import { afterAll } from 'vitest';
import { createInMemoryBackend } from '../src/inMemory';
import { freshLifecycleFrom } from '../src/testing/context';
import { propertiesSuite } from '../src/testing/rules/properties';

const sequences = Number(process.env.OFFBOARD_SOAK) || 100_000;
/** Replays a reported failure: OFFBOARD_SEED=<seed from the report>. */
const seed = process.env.OFFBOARD_SEED ? Number(process.env.OFFBOARD_SEED) : undefined;
const outcomes = new Map<string, number>();
let run = 0;
const started = performance.now();

propertiesSuite(
  freshLifecycleFrom(({ organisations, policy, clock }) => {
    run += 1;
    return createInMemoryBackend({ data: organisations, policy, clock });
  }),
  {
    sequences,
    ...(seed !== undefined ? { seed } : {}),
    onStep: (outcome) => outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1),
  },
);

afterAll(() => {
  const steps = [...outcomes.values()].reduce((sum, n) => sum + n, 0);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  // The test's own pass or failure says whether every invariant held; this says how much ran.
  console.log(`\nSoak: ${run.toLocaleString('en')} sequences run (${sequences.toLocaleString('en')} asked), ${steps.toLocaleString('en')} steps in ${seconds} s.`);
  for (const [outcome, n] of [...outcomes].sort(([, a], [, b]) => b - a)) console.log(`  ${outcome.padEnd(26)} ${n.toLocaleString('en')}`);
});
