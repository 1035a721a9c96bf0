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
    return viteConfig;
  },
};

export default config;
