import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

/**
 * The suite as `npm run mutate` runs it (StrykerJS, stryker.config.mjs): the same tests, with the
 * model-based property at 200 random sequences instead of 1,000. A mutant that only a long random
 * search finds is a gap to close with a named test, not something to leave to chance; and the
 * property runs once per surviving mutant, so its length multiplies the whole run.
 *
 * `OFFBOARD_MUTATION_TESTS` (comma-separated globs from packages/core) narrows the test files. A
 * static mutant (code run as a module loads, such as a machine's definition) runs every test file
 * of the run, a minute each here; narrowed to the files that can observe the module, hundreds of
 * them fit in an hour. A narrowed run can only under-count kills: a mutant a file left out would
 * kill is reported as a survivor.
 */
const narrowed = process.env.OFFBOARD_MUTATION_TESTS?.split(',').filter(Boolean);

const config = mergeConfig(
  base,
  defineConfig({
    test: { env: { OFFBOARD_PROPERTY_SEQUENCES: '200' } },
  }),
);
// Set, not merged: mergeConfig would append the globs to the base's `test/**` and narrow nothing.
if (narrowed?.length) config.test = { ...config.test, include: narrowed };

export default config;
