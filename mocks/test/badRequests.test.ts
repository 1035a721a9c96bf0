import { DEFAULT_MAX_BODY_BYTES } from '@offboard/core';
import { describe, expect, it } from 'vitest';
import { admin, mockServer, send, bearer } from './mockServer';

const { serve } = mockServer();

interface BadRequest {
  readonly name: string;
  readonly method: string;
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
  readonly status?: number;
  readonly field: string;
}

const json = { 'Content-Type': 'application/json' };

const badRequests: BadRequest[] = [
  // Bodies: missing, extra and wrong-typed fields.
  { name: 'missing body field', method: 'POST', path: '/v1/users/u-julia/license', headers: admin, body: {}, field: 'body.country' },
  { name: 'missing body', method: 'POST', path: '/v1/users/u-julia/license', headers: admin, field: 'body' },
  { name: 'extra body field', method: 'POST', path: '/v1/users/u-julia/license', headers: admin, body: { country: 'ES', free: true }, field: 'body.free' },
  { name: 'wrong-typed body field', method: 'POST', path: '/v1/users/u-julia/license', headers: admin, body: { country: 34 }, field: 'body.country' },
  { name: 'body on an action that takes none', method: 'POST', path: '/v1/users/u-carla/deactivate', headers: admin, body: { force: true }, field: 'body.force' },
  { name: 'list where an id goes', method: 'POST', path: '/v1/tasks/transfer', headers: admin, body: { fromUserId: ['u-elena'], toUserId: 'u-carla' }, field: 'body.fromUserId' },
  { name: 'id in a list', method: 'POST', path: '/v1/contacts/reassign', headers: admin, body: { fromOwnerId: 'u-marta', toUserIds: ['u-carla', 7] }, field: 'body.toUserIds.1' },
  { name: 'both selections', method: 'POST', path: '/v1/contacts/reassign', headers: admin, body: { fromOwnerId: 'u-marta', toUserIds: ['u-carla'], contactIds: ['c-180'], exceptContactIds: ['c-181'] }, field: 'body.exceptContactIds' },
  { name: 'invalid JSON', method: 'POST', path: '/v1/users/u-julia/license', headers: admin, body: '{"country": "ES"', field: 'body' },
  { name: 'JSON that is not an object', method: 'POST', path: '/v1/tasks/transfer', headers: admin, body: '"u-elena"', field: 'body' },
  { name: 'not JSON at all', method: 'POST', path: '/v1/users/u-julia/license', headers: { ...admin, 'Content-Type': 'text/plain' }, body: 'country=ES', status: 415, field: 'header.Content-Type' },
  // Path ids.
  { name: 'markup as an id', method: 'POST', path: '/v1/users/%3Cscript%3Ealert(1)%3C%2Fscript%3E/deactivate', headers: admin, field: 'path.id' },
  { name: 'space in an id', method: 'POST', path: '/v1/tasks/t%20001/take', headers: bearer('u-carla'), field: 'path.id' },
  { name: 'traversal as an id', method: 'GET', path: '/v1/users/..%2F..%2Fetc%2Fpasswd', headers: admin, field: 'path.id' },
  { name: 'id too long', method: 'GET', path: `/v1/users/${'u'.repeat(65)}/access`, headers: admin, field: 'path.id' },
  // Headers.
  { name: 'If-Match on a bulk move', method: 'POST', path: '/v1/tasks/transfer', headers: { ...admin, 'If-Match': '"1"' }, body: { fromUserId: 'u-elena', toUserId: 'u-carla' }, field: 'header.If-Match' },
  { name: 'bodyless change that does not say JSON', method: 'POST', path: '/v1/users/u-elena/license/deactivate', headers: { ...admin, 'Content-Type': 'text/plain' }, status: 415, field: 'header.Content-Type' },
  { name: 'weak ETag', method: 'POST', path: '/v1/users/u-elena/license/deactivate', headers: { ...admin, 'If-Match': 'W/"1"' }, field: 'header.If-Match' },
  { name: 'bare version', method: 'POST', path: '/v1/users/u-elena/license/deactivate', headers: { ...admin, 'If-Match': '1' }, field: 'header.If-Match' },
  { name: 'spaces in a key', method: 'POST', path: '/v1/users/u-elena/license/deactivate', headers: { ...admin, 'Idempotency-Key': 'my key' }, field: 'header.Idempotency-Key' },
  // Query strings.
  { name: 'limit zero', method: 'GET', path: '/v1/users?limit=0', headers: admin, field: 'query.limit' },
  { name: 'limit not a number', method: 'GET', path: '/v1/users?limit=ten', headers: admin, field: 'query.limit' },
  { name: 'limit too large', method: 'GET', path: '/v1/contacts?limit=100000', headers: admin, field: 'query.limit' },
  { name: 'boolean spelled yes', method: 'GET', path: '/v1/tasks?transferable=yes', headers: admin, field: 'query.transferable' },
  { name: 'unknown status', method: 'GET', path: '/v1/users?status=deleted', headers: admin, field: 'query.status' },
  { name: 'repeated parameter', method: 'GET', path: '/v1/users?role=admin&role=member', headers: admin, field: 'query.role' },
  { name: 'unknown parameter', method: 'GET', path: '/v1/users?sort=name', headers: admin, field: 'query.sort' },
  { name: 'parameter on a route without any', method: 'GET', path: '/v1/seats?fresh=true', headers: admin, field: 'query.fresh' },
  { name: 'forged cursor', method: 'GET', path: '/v1/users?cursor=not%20a%20cursor!', headers: admin, field: 'query.cursor' },
  { name: 'plan for an actor the browser names', method: 'GET', path: '/v1/users/u-diego/offboarding-plan?actorId=u-ana', headers: admin, field: 'query.actorId' },
  { name: 'unknown scenario', method: 'GET', path: '/v1/users/u-diego/offboarding-plan?scenario=layoff', headers: admin, field: 'query.scenario' },
  { name: 'reserved name as an id', method: 'POST', path: '/v1/contacts/reassign', headers: admin, body: { fromOwnerId: 'u-marta', toUserIds: ['__proto__'] }, field: 'body.toUserIds.0' },
  // Hostile strings.
  { name: 'control characters in a search', method: 'GET', path: '/v1/users?search=a%07b%00', headers: admin, field: 'query.search' },
  { name: 'prototype pollution in a body', method: 'POST', path: '/v1/users/u-julia/license', headers: { ...admin, ...json }, body: '{"country":"ES","__proto__":{"role":"admin"}}', field: 'body.__proto__' },
  { name: 'prototype pollution in a query', method: 'GET', path: '/v1/users?__proto__=x', headers: admin, field: 'query.__proto__' },
  { name: 'markup in a body id', method: 'POST', path: '/v1/contacts/reassign', headers: admin, body: { fromOwnerId: 'u-marta', toUserIds: ['<img src=x onerror=alert(1)>'] }, field: 'body.toUserIds.0' },
  { name: 'control character in a body id', method: 'POST', path: '/v1/tasks/transfer', headers: admin, body: { fromUserId: 'u-elena\u0000', toUserId: 'u-carla' }, field: 'body.fromUserId' },
];

describe('Malformed requests', () => {
  it('are refused with a VALIDATION_FAILED problem naming the field (details.field, details.issues), changing nothing', async () => {
    const { backend } = serve();
    const before = backend.snapshot();
    for (const { name, method, path, headers, body, status = 400, field } of badRequests) {
      const response = await send(method, path, { headers, body });
      expect([response.status, response.headers.get('Content-Type')], name).toEqual([status, 'application/problem+json']);
      expect(response.body, name).toMatchObject({ status, code: 'VALIDATION_FAILED', details: { field } });
      const { details, detail } = response.body as { detail: string; details: { issues: { path: string }[] } };
      expect(details.issues[0]!.path, name).toBe(field);
      // Problems name the field, never echo the hostile value back.
      expect(detail, name).not.toMatch(/<|\u0000|\u0007/);
    }
    expect(backend.snapshot()).toEqual(before);
  });

  it(`a body over ${DEFAULT_MAX_BODY_BYTES} bytes is refused with 413 before it is parsed`, async () => {
    const { backend } = serve();
    const before = backend.snapshot();
    const huge = JSON.stringify({ fromOwnerId: 'u-marta', toUserIds: ['u-carla'], contactIds: ['x'.repeat(DEFAULT_MAX_BODY_BYTES)] });
    const response = await send('POST', '/v1/contacts/reassign', { headers: admin, body: huge });
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ title: 'Content Too Large', code: 'VALIDATION_FAILED', details: { field: 'body', limit: DEFAULT_MAX_BODY_BYTES } });
    expect(backend.snapshot()).toEqual(before);
  });

  it('markup in a search is just text: it matches nothing and is not refused', async () => {
    serve();
    const response = await send('GET', `/v1/users?search=${encodeURIComponent('<img src=x onerror=alert(1)>')}`, { headers: admin });
    expect(response).toMatchObject({ status: 200, body: { items: [], total: 0, nextCursor: null } });
  });

  it('unknown endpoints are 404 and other methods on known paths are 405 with Allow', async () => {
    serve();
    expect(await send('GET', '/v1/people', { headers: admin })).toMatchObject({ status: 404, body: { code: 'NOT_FOUND', details: { path: '/v1/people' } } });
    const patch = await send('PATCH', '/v1/users/u-ana', { headers: admin, body: { role: 'member' } });
    expect([patch.status, patch.headers.get('Allow')]).toEqual([405, 'GET']);
    const get = await send('GET', '/v1/users/u-ana/deactivate', { headers: admin });
    expect([get.status, get.headers.get('Allow')]).toEqual([405, 'POST']);
    expect(get.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'method' } });
  });
});
