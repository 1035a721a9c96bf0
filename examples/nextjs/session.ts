import type { Session } from '../authenticate/sessionCookie';

/** The example app's session store: in a real app, the host's own (a table, Redis, iron-session…). */
export const sessions = new Map<string, Session>([['s-ana', { userId: 'u-ana', organisationId: 'org-demo' }]]);

/** What a server component knows of the signed-in user, from the session cookie. */
export function currentSession(cookie: string | undefined): Session | undefined {
  return cookie ? sessions.get(cookie) : undefined;
}
