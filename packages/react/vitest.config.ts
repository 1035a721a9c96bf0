import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const react18 = (path: string) => fileURLToPath(new URL(`../react18/node_modules/${path}`, import.meta.url));

export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'react19', environment: 'jsdom', include: ['smoke/**/*.test.tsx'] },
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
          include: ['smoke/**/*.test.tsx'],
          server: { deps: { inline: [/@testing-library\/react/, /@tanstack\/react-/, /@xstate\/react/, /use-sync-external-store/, /@radix-ui\//] } },
        },
      },
    ],
  },
});
