import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { preview, type PreviewServer } from 'vite';

/** The static build; `STORYBOOK_STATIC` points elsewhere (a build of one's own while others test). */
export const STORYBOOK_DIR = process.env.STORYBOOK_STATIC ?? fileURLToPath(new URL('../../storybook-static', import.meta.url));

/** Serves the static Storybook build on 127.0.0.1 with Vite's preview server, on a free port. */
export async function serveStorybook(): Promise<{ url: string; close: () => Promise<void> }> {
  if (!existsSync(`${STORYBOOK_DIR}/index.json`)) {
    throw new Error('No Storybook build: run `npm run build-storybook` first (npm run test:browser does).');
  }
  const server: PreviewServer = await preview({
    configFile: false,
    root: STORYBOOK_DIR,
    build: { outDir: STORYBOOK_DIR },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
    logLevel: 'silent',
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('Storybook preview server has no port');
  return { url: `http://127.0.0.1:${address.port}`, close: () => server.close() };
}
