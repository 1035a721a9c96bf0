import { defineConfig, type Options } from 'tsup';

/**
 * Each package builds to ESM + CJS + .d.ts in its own dist/. Peers and dependencies stay
 * external, so a host's bundler dedupes them and tree-shakes what it does not import.
 */
const shared: Options = {
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  treeshake: true,
  target: 'es2022',
  tsconfig: 'tsconfig.json',
};

export default defineConfig([
  {
    ...shared,
    name: '@offboard/core',
    entry: {
      index: 'packages/core/src/index.ts',
      fixtures: 'packages/core/src/fixtures/index.ts',
      testing: 'packages/core/src/testing/index.ts',
    },
    outDir: 'packages/core/dist',
    external: ['xstate', 'valibot', 'vitest', 'fast-check'],
  },
]);
