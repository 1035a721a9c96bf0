import { build } from 'esbuild';
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

/** One stylesheet for hosts, its `@import`s inlined by esbuild's CSS bundler. */
const bundleStylesheet = (entry: string, outfile: string) => build({ entryPoints: [entry], bundle: true, outfile, logLevel: 'warning' });

export default defineConfig([
  {
    ...shared,
    name: '@offboard/core',
    entry: {
      index: 'packages/core/src/index.ts',
      i18n: 'packages/core/src/i18n/index.ts',
      machines: 'packages/core/src/machines/index.ts',
      'in-memory': 'packages/core/src/inMemory/index.ts',
      server: 'packages/core/src/http/server.ts',
      backend: 'packages/core/src/backend.ts',
      fixtures: 'packages/core/src/fixtures/index.ts',
      testing: 'packages/core/src/testing/index.ts',
    },
    outDir: 'packages/core/dist',
    external: ['xstate', 'valibot', '@valibot/to-json-schema', 'vitest', 'fast-check', 'standardwebhooks'],
  },
  {
    ...shared,
    name: '@offboard/postgres',
    entry: { index: 'packages/postgres/src/index.ts', cli: 'packages/postgres/src/cli.ts' },
    outDir: 'packages/postgres/dist',
    external: ['@offboard/core', 'pg', 'valibot', '@electric-sql/pglite'],
  },
  {
    ...shared,
    name: '@offboard/react',
    entry: { index: 'packages/react/src/index.ts' },
    outDir: 'packages/react/dist',
    external: [
      'react',
      'react-dom',
      'react/jsx-runtime',
      'xstate',
      '@xstate/react',
      '@tanstack/react-query',
      '@tanstack/react-virtual',
      '@offboard/core',
      /^@radix-ui\//,
    ],
    // Bundling drops the modules' own directives, so the bundle says it once: it is all client
    // code. Rollup's tree-shaking pass would drop that banner too; esbuild's own shaking suffices.
    banner: { js: "'use client';" },
    treeshake: false,
    onSuccess: async () => {
      await bundleStylesheet('packages/react/src/styles.css', 'packages/react/dist/styles.css');
    },
  },
]);
