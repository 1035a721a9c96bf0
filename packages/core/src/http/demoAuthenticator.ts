import type { Caller } from '../adapter/context';
import type { Authenticate } from './createOffboardHandler';

/** The token of `Authorization: Bearer <token>`, or `null`. */
export function bearerToken(request: Request): string | null {
  const match = /^Bearer\s+([\x21-\x7e]{1,4096})$/i.exec(request.headers.get('Authorization')?.trim() ?? '');
  return match ? match[1]! : null;
}

export interface DemoAuthenticator {
  /** Checks `Authorization: Bearer <token>` against the tokens this authenticator handed out. */
  readonly authenticate: Authenticate;
  /** The token that signs `caller` in, made on first request and the same afterwards. */
  tokenFor(caller: Caller): string;
}

function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return `demo_${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * FOR DEMOS AND TESTS ONLY: an identity provider in memory. It hands out a random bearer token
 * for any caller it is asked about, so anyone who can ask it can be anyone. `npm run serve`,
 * Storybook and the test suites sign in with it; a host's `authenticate` checks its own sessions,
 * tokens or API keys instead (README, "Security model").
 */
export function createDemoAuthenticator(): DemoAuthenticator {
  const callers = new Map<string, Caller>();
  const tokens = new Map<string, string>();
  return {
    authenticate: (request) => {
      const token = bearerToken(request);
      return token === null ? null : (callers.get(token) ?? null);
    },
    tokenFor(caller) {
      const who = JSON.stringify([caller.organisationId, caller.actorId, caller.kind ?? 'user']);
      let token = tokens.get(who);
      if (!token) {
        token = randomToken();
        tokens.set(who, token);
        callers.set(token, { organisationId: caller.organisationId, actorId: caller.actorId, kind: caller.kind ?? 'user' });
      }
      return token;
    },
  };
}
