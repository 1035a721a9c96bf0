import { bearerToken, type Authenticate } from '@offboard/core/server';

/** A service identity the host registered: directory sync, SCIM provisioning. */
export interface ServiceKey {
  /** SHA-256 of the key, hex: the key itself is never stored. */
  readonly sha256: string;
  readonly serviceId: string;
  readonly organisationId: string;
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * An API key for a service identity (`kind: 'service'`): it acts like an admin and is still
 * refused `LAST_ADMIN` (R9). Keys are compared by their hash, so a leaked table leaks no key.
 */
export function apiKeyAuthenticator(keys: readonly ServiceKey[]): Authenticate {
  const byHash = new Map(keys.map((key) => [key.sha256, key]));
  return async (request) => {
    const token = bearerToken(request);
    const key = token ? byHash.get(await sha256(token)) : undefined;
    return key ? { organisationId: key.organisationId, actorId: key.serviceId, kind: 'service' } : null;
  };
}

/** One authenticator out of several: the first that recognises the request wins. */
export function anyOf(...authenticators: readonly Authenticate[]): Authenticate {
  return async (request) => {
    for (const authenticate of authenticators) {
      const caller = await authenticate(request);
      if (caller) return caller;
    }
    return null;
  };
}
