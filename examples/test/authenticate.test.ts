import { DEMO_ORGANISATION_ID, demoOrganisation, singleAdminOrganisation } from '@offboard/core/fixtures';
import { createInMemoryBackend } from '@offboard/core/in-memory';
import { createOffboardHandler, type Authenticate } from '@offboard/core/server';
import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { anyOf, apiKeyAuthenticator } from '../authenticate/apiKey';
import { jwtAuthenticator } from '../authenticate/jwtBearer';
import { sessionCookieAuthenticator } from '../authenticate/sessionCookie';

/** The README's authenticators behind the real handler: what a host would run. */
function serve(authenticate: Authenticate, data = demoOrganisation()) {
  const handle = createOffboardHandler({ backend: createInMemoryBackend({ data }), authenticate });
  return async (method: string, path: string, headers: Record<string, string> = {}) => {
    const response = await handle(new Request(`https://crm.example${path}`, { method, headers: { ...(method !== 'GET' && { 'Content-Type': 'application/json' }), ...headers } }));
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
}

describe('README, Security model: a session cookie', () => {
  const sessions = new Map([['s3cr3t', { userId: 'u-ana', organisationId: DEMO_ORGANISATION_ID }]]);
  const call = serve(sessionCookieAuthenticator(async (id) => sessions.get(id)));

  it('signs in the session’s user, and nobody without a live session', async () => {
    const plan = await call('GET', '/v1/users/u-elena/offboarding-plan', { Cookie: 'theme=dark; sid=s3cr3t' });
    expect([plan.status, plan.body.actorId]).toEqual([200, 'u-ana']);
    expect((await call('GET', '/v1/users', { Cookie: 'sid=expired' })).status).toBe(401);
    expect((await call('GET', '/v1/users')).status).toBe(401);
  });
});

describe('README, Security model: a bearer JWT verified with jose', async () => {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const keys = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' }] });
  const issuer = 'https://idp.example';
  const audience = 'offboard';
  const call = serve(jwtAuthenticator(keys, { issuer, audience }));
  const token = (claims: Record<string, unknown>, expires = '5m', aud = audience) =>
    new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: 'k1' }).setIssuer(issuer).setAudience(aud).setSubject('u-ana').setIssuedAt().setExpirationTime(expires).sign(privateKey);

  it('signs in the token’s subject in the token’s organisation', async () => {
    const response = await call('POST', '/v1/users/u-elena/license/deactivate', { Authorization: `Bearer ${await token({ org_id: DEMO_ORGANISATION_ID })}` });
    expect([response.status, (response.body.audit as { actorId: string }).actorId]).toEqual([200, 'u-ana']);
  });

  it('refuses an expired token, another audience, a forged signature and a token without an organisation (401)', async () => {
    const valid = await token({ org_id: DEMO_ORGANISATION_ID });
    const forged = `${valid.slice(0, -4)}AAAA`;
    for (const bad of [await token({ org_id: DEMO_ORGANISATION_ID }, '-1m'), await token({ org_id: DEMO_ORGANISATION_ID }, '5m', 'another-app'), forged, await token({})]) {
      expect((await call('GET', '/v1/users', { Authorization: `Bearer ${bad}` })).status).toBe(401);
    }
  });
});

describe('README, Security model: an API key for a service identity', async () => {
  const digest = async (text: string) =>
    Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))), (byte) => byte.toString(16).padStart(2, '0')).join('');
  const directory = apiKeyAuthenticator([{ sha256: await digest('ok_live_directory'), serviceId: 'svc-directory', organisationId: DEMO_ORGANISATION_ID }]);

  it('acts like an admin, and is still refused the last active admin (R9)', async () => {
    const call = serve(directory, singleAdminOrganisation());
    const headers = { Authorization: 'Bearer ok_live_directory' };
    expect((await call('POST', '/v1/users/u-elena/deactivate', headers)).status).toBe(200);
    const last = await call('POST', '/v1/users/u-ana/deactivate', headers);
    expect([last.status, last.body.code]).toEqual([409, 'LAST_ADMIN']);
    expect((await call('GET', '/v1/users', { Authorization: 'Bearer ok_live_guess' })).status).toBe(401);
  });

  it('anyOf lets users (cookies) and services (keys) call the same handler', async () => {
    const sessions = sessionCookieAuthenticator(async (id) => (id === 'member' ? { userId: 'u-carla', organisationId: DEMO_ORGANISATION_ID } : undefined));
    const call = serve(anyOf(sessions, directory));
    expect((await call('POST', '/v1/users/u-elena/deactivate', { Cookie: 'sid=member' })).status).toBe(403);
    expect((await call('POST', '/v1/users/u-elena/deactivate', { Authorization: 'Bearer ok_live_directory' })).status).toBe(200);
  });
});
