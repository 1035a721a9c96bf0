import { defineConfig } from 'vite';

/** The demo page: workspace packages from their sources (the `source` condition), no build step first. */
export default defineConfig({
  base: './',
  resolve: { conditions: ['source', 'module', 'browser', 'development|production'] },
});
