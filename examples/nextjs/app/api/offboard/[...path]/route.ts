/**
 * app/api/offboard/[...path]/route.ts — the whole REST contract as a Next.js route handler.
 * It runs on the server: the backend and the session lookup never reach the browser.
 */
import { createInMemoryBackend } from '@offboard/core/in-memory';
import { createOffboardHandler } from '@offboard/core/server';
import { demoOrganisation } from '@offboard/core/fixtures';
import { sessionCookieAuthenticator } from '../../../../../authenticate/sessionCookie';
import { sessions } from '../../../../session';

// A real app passes its own backend here (createPostgresBackend, or its own adapter).
const backend = createInMemoryBackend({ data: demoOrganisation() });

const handle = createOffboardHandler({
  backend,
  basePath: '/api/offboard',
  authenticate: sessionCookieAuthenticator(async (id) => sessions.get(id)),
  allowedOrigins: ['http://localhost:3000'],
});

export { handle as DELETE, handle as GET, handle as POST };
