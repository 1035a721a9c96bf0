import { defineConfig } from 'vitest/config';

/** The real-browser suite: Node drives Debian's Chromium over the static Storybook build. */
export default defineConfig({
  test: {
    include: ['**/*.browser.test.ts'],
    environment: 'node',
    // One browser at a time on a 2-core machine; files run one after another.
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 120_000,
  },
});
