import { defineConfig } from 'vitest/config';

const soak = process.env.OFFBOARD_SOAK !== undefined;

export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    // The soak run (npm run soak) is the model-based property at 100,000 sequences: minutes, not CI.
    include: soak ? ['soak/**/*.test.ts'] : ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: soak ? 0 : 30_000,
  },
});
