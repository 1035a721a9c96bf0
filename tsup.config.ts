import { build } from 'esbuild';
import { readFile, readdir, writeFile } from 'node:fs/promises';
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

const USE_CLIENT = "'use client';";

/**
 * Split CJS chunks come out of sucrase with `"use strict"` and its helpers first, which pushes the
 * banner's `'use client'` out of the directive prologue where React Server Components bundlers
 * read it. Put it back on a line of its own, and shift each source map by that one line.
 */
async function putUseClientFirst(dir: string) {
  for (const file of (await readdir(dir)).filter((name) => name.endsWith('.cjs'))) {
    const code = await readFile(`${dir}/${file}`, 'utf8');
    if (code.startsWith(USE_CLIENT)) continue;
    await writeFile(`${dir}/${file}`, `${USE_CLIENT}\n${code}`);
    const map = JSON.parse(await readFile(`${dir}/${file}.map`, 'utf8')) as { mappings: string };
    await writeFile(`${dir}/${file}.map`, JSON.stringify({ ...map, mappings: `;${map.mappings}` }));
  }
}

export default defineConfig([
  {
    ...shared,
    name: '@offboard/core',
    entry: {
      index: 'packages/core/src/index.ts',
      i18n: 'packages/core/src/i18n/index.ts',
      machines: 'packages/core/src/machines/index.ts',
      audit: 'packages/core/src/audit/index.ts',
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
    entry: { index: 'packages/react/src/index.ts', audit: 'packages/react/src/audit/index.ts' },
    outDir: 'packages/react/dist',
    external: [
      'react',
      'react-dom',
      'react/jsx-runtime',
      'xstate',
      '@xstate/react',
      '@tanstack/react-query',
      '@offboard/core',
      /^@radix-ui\//,
    ],
    // Bundling drops the modules' own directives, so the bundle says it once: it is all client
    // code. Rollup's tree-shaking pass would drop that banner too; esbuild's own shaking suffices.
    banner: { js: "'use client';" },
    treeshake: false,
    // Two entries (the kit and `audit`) share the provider's React context: split, the context is
    // one module both import, in CJS too (tsup turns the ESM chunks into CJS with sucrase).
    splitting: true,
    onSuccess: async () => {
      await putUseClientFirst('packages/react/dist');
      await bundleStylesheet('packages/react/src/styles.css', 'packages/react/dist/styles.css');
    },
  },
]);
