import { bearerToken, type Authenticate } from '@offboard/core/server';
import { jwtVerify, type JWTVerifyGetKey } from 'jose';

/**
 * A bearer JWT from the host's identity provider, verified with `jose`: signature (against the
 * provider's JWKS, `createRemoteJWKSet(new URL('https://idp.example/.well-known/jwks.json'))`),
 * issuer, audience and expiry. The user is `sub`; the organisation is a claim the host's provider
 * puts in the token (`org_id` here).
 */
export function jwtAuthenticator(keys: JWTVerifyGetKey, options: { readonly issuer: string; readonly audience: string }): Authenticate {
  return async (request) => {
    const token = bearerToken(request);
    if (!token) return null;
    try {
      const { payload } = await jwtVerify(token, keys, { issuer: options.issuer, audience: options.audience, algorithms: ['RS256', 'ES256'] });
      if (typeof payload.sub !== 'string' || typeof payload.org_id !== 'string') return null;
      return { organisationId: payload.org_id, actorId: payload.sub, kind: 'user' };
    } catch {
      // Expired, forged or for another audience: not signed in.
      return null;
    }
  };
}
