import type { StorybookConfig } from '@storybook/react-vite';
import { defaultClientConditions } from 'vite';

/**
 * Storybook is the kit's front door: every component in every state, and the scenarios end to
 * end, on the in-memory backend served over the REST contract by MSW's service worker.
 */
const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs'],
  framework: { name: '@storybook/react-vite', options: {} },
  // mockServiceWorker.js (from `npx msw init mocks/public`) must be served at the root.
  staticDirs: ['../mocks/public'],
  core: { disableTelemetry: true },
  typescript: { reactDocgen: 'react-docgen-typescript' },
  viteFinal(viteConfig) {
    // Resolve @offboard/* to their sources, so stories need no build and edits show at once.
    viteConfig.resolve = { ...viteConfig.resolve, conditions: ['source', ...defaultClientConditions] };
    // Radix and the kit mark their modules 'use client' for server-component hosts; a client
    // bundle has nothing to preserve, so the bundler's note about each one (a hundred of them)
    // is noise. Vite 8 bundles with Rolldown: its options are `build.rolldownOptions`.
    const rolldownOptions = viteConfig.build?.rolldownOptions ?? {};
    viteConfig.build = {
      ...viteConfig.build,
      // Storybook's own manager chunks are large by design; only the kit's size is budgeted (npm run size).
      chunkSizeWarningLimit: 2048,
      rolldownOptions: {
        ...rolldownOptions,
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
          if (rolldownOptions.onwarn) rolldownOptions.onwarn(warning, warn);
          else warn(warning);
        },
      },
    };
    return viteConfig;
  },
};

export default config;
