import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Child } from './support/childProcess';
import { send } from './support/http';
import { printedCurl, spawnServe } from './support/serveEntry';

const children: Child[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.process.kill('SIGKILL');
});

/** Okta's documented deactivation, the same bytes the core's SCIM tests send. */
const OKTA_DEACTIVATE = readFileSync(new URL('../../core/test/scim/fixtures/okta-deactivate.json', import.meta.url), 'utf8');

describe('npm run serve: the SCIM 2.0 bridge', () => {
  it('prints the SCIM base URL and the service token, and serves /scim/v2 on the backend the REST contract serves', async () => {
    const child = spawnServe({});
    children.push(child);
    await child.waitFor(/Stop with Ctrl-C/);
    const banner = child.stdout();
    const scimUrl = /SCIM 2\.0 at (\S+)/.exec(banner)![1]!;
    const token = /SCIM token (\S+)/.exec(banner)![1]!;
    expect(scimUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/scim\/v2$/);
    // The token is the service identity's, the one the REST section prints for svc-directory.
    expect(token).toBe(printedCurl(banner, 'svc-directory').token);
    const example = /SCIM API\s+\S+\n\s+curl -H '[^']+' '([^']+)'/.exec(banner)![1]!;
    expect(/SCIM API\s+(\S+)/.exec(banner)![1]).toBe(`${scimUrl}/openapi.json`);
    const bearer = { Authorization: `Bearer ${token}` };

    const found = await send(example, '', { headers: bearer });
    expect(found.status).toBe(200);
    expect(found.headers['content-type']).toBe('application/scim+json');
    expect(JSON.parse(found.body)).toMatchObject({ totalResults: 1, Resources: [{ userName: 'ana@vixiees.example', active: true }] });

    const origin = new URL(scimUrl).origin;
    const patched = await send(origin, '/scim/v2/Users/u-elena', { method: 'PATCH', headers: { ...bearer, 'Content-Type': 'application/scim+json' }, body: OKTA_DEACTIVATE });
    expect(patched.status).toBe(200);
    expect(JSON.parse(patched.body)).toMatchObject({ id: 'u-elena', active: false });
    // The REST contract reads the change: one backend behind both.
    const rest = await send(origin, '/api/offboard/v1/users/u-elena', { headers: bearer });
    expect(JSON.parse(rest.body)).toMatchObject({ id: 'u-elena', status: 'inactive' });
    const audit = await send(origin, '/api/offboard/v1/audit-log?targetId=u-elena', { headers: bearer });
    expect(JSON.parse(audit.body).items).toEqual([expect.objectContaining({ actorId: 'svc-directory', action: 'user.deactivated' })]);

    // R1 through the mount, and the SCIM answers for no credentials and for a path it lacks.
    const deleted = await send(origin, '/scim/v2/Users/u-elena', { method: 'DELETE', headers: bearer });
    expect([deleted.status, JSON.parse(deleted.body).detail]).toEqual([405, 'Users are never deleted, to keep their history. Deactivate the user instead.']);
    expect((await send(origin, '/scim/v2/Users')).status).toBe(401);
    expect(JSON.parse((await send(`${scimUrl}/openapi.json`, '')).body)).toMatchObject({ openapi: '3.1.0', info: { title: 'Offboard SCIM 2.0' } });
    // Outside the mount, the REST contract answers as before.
    expect((await send(origin, '/scim/v2x/Users', { headers: bearer })).headers['content-type']).toBe('application/problem+json');
    expect((await send(origin, '/healthz')).status).toBe(200);

    child.process.kill('SIGTERM');
    expect(await child.exited).toBe(0);
  });
});
