import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // A real server (OFFBOARD_DATABASE_URL, or a throwaway cluster) for the whole run, else PGlite.
    globalSetup: ['test/support/globalSetup.ts'],
    // One file at a time: the server's processes take the other core, and the property's time budget holds.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
