import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

/**
 * The suite as `npm run mutate` runs it (StrykerJS, stryker.config.mjs): the same tests, with the
 * model-based property at 200 random sequences instead of 1,000. A mutant that only a long random
 * search finds is a gap to close with a named test, not something to leave to chance; and the
 * property runs once per surviving mutant, so its length multiplies the whole run.
 */
export default mergeConfig(
  base,
  defineConfig({
    test: {
      env: { OFFBOARD_PROPERTY_SEQUENCES: '200' },
    },
  }),
);
