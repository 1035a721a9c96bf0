import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const react18 = (path: string) => fileURLToPath(new URL(`../react18/node_modules/${path}`, import.meta.url));

/** Every dependency that imports React, so the React 18 aliases reach inside it too. */
const REACT_DEPENDENTS = [
  /@testing-library\/react/,
  /@tanstack\/react-(query|virtual)/,
  /@xstate\/react/,
  /@radix-ui\//,
  /@floating-ui\/react-dom/,
  /react-remove-scroll/,
  /react-style-singleton/,
  /use-callback-ref/,
  /use-sidecar/,
  /use-isomorphic-layout-effect/,
  /use-sync-external-store/,
];

const TESTS = ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'];

export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'react19', environment: 'jsdom', setupFiles: ['test/setup.ts'], env: { OFFBOARD_REACT_MAJOR: '19' }, include: TESTS },
      },
      {
        extends: true,
        resolve: {
          alias: [
            { find: /^react$/, replacement: react18('react/index.js') },
            { find: /^react\/jsx-runtime$/, replacement: react18('react/jsx-runtime.js') },
            { find: /^react\/jsx-dev-runtime$/, replacement: react18('react/jsx-dev-runtime.js') },
            { find: /^react-dom$/, replacement: react18('react-dom/index.js') },
            { find: /^react-dom\/client$/, replacement: react18('react-dom/client.js') },
            { find: /^react-dom\/test-utils$/, replacement: react18('react-dom/test-utils.js') },
          ],
          mainFields: ['module', 'main'],
          conditions: ['source', 'module', 'import', 'browser', 'development'],
        },
        test: {
          name: 'react18',
          environment: 'jsdom',
          setupFiles: ['test/react18/requireReact18.ts', 'test/setup.ts'],
          env: { OFFBOARD_REACT18_ROOT: react18('..'), OFFBOARD_REACT_MAJOR: '18' },
          include: TESTS,
          server: { deps: { inline: REACT_DEPENDENTS } },
        },
      },
    ],
  },
});
