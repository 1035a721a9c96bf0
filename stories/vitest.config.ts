import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/** Every story runs as a test in jsdom (portable stories): loaders, render and play function. */
export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    environment: 'jsdom',
    setupFiles: ['./support/portableStories.ts'],
    include: ['**/*.test.{ts,tsx}'],
    exclude: ['browser/**', 'node_modules/**'],
    testTimeout: 30_000,
  },
});
