import type { Authenticate } from '@offboard/core/server';

/** What a host's session store knows of a signed-in user. */
export interface Session {
  readonly userId: string;
  readonly organisationId: string;
}

/**
 * A session cookie, looked up in the host's own session store. The cookie must be `HttpOnly;
 * Secure; SameSite=Lax` (or `Strict`): a cross-site page then cannot send it with a change, and
 * the handler's `Content-Type: application/json` requirement stops the rest.
 */
export function sessionCookieAuthenticator(findSession: (id: string) => Promise<Session | undefined>, cookieName = 'sid'): Authenticate {
  return async (request) => {
    const cookies = request.headers.get('Cookie') ?? '';
    const id = cookies
      .split(';')
      .map((part) => part.trim().split('='))
      .find(([name]) => name === cookieName)?.[1];
    const session = id ? await findSession(decodeURIComponent(id)) : undefined;
    return session ? { organisationId: session.organisationId, actorId: session.userId, kind: 'user' } : null;
  };
}
