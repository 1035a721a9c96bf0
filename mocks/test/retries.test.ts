import { as, observer } from '@offboard/core/testing';
import { isOffboardError } from '@offboard/core';
import { describe, expect, it } from 'vitest';
import { admin, mockServer, send, bearer } from './mockServer';

const { serve } = mockServer();

describe('ETag and If-Match', () => {
  it('R11: GET /v1/users/:id carries a strong ETag "<version>", and each mutation the new ETag of its record', async () => {
    serve();
    const user = await send('GET', '/v1/users/u-elena', { headers: admin });
    expect([user.status, user.headers.get('ETag')]).toEqual([200, '"1"']);
    const license = await send('POST', '/v1/users/u-elena/license/deactivate', { headers: { ...admin, 'If-Match': '"1"' } });
    expect([license.status, license.headers.get('ETag')]).toEqual([200, '"2"']);
    expect(license.body).toMatchObject({ user: { id: 'u-elena', version: 2 }, audit: { action: 'license.deactivated' } });
    const task = await send('POST', '/v1/tasks/t-047/take', { headers: { ...bearer('u-carla'), 'If-Match': '"1"' } });
    expect([task.status, task.headers.get('ETag')]).toEqual([200, '"2"']);
    const number = await send('POST', '/v1/phone-numbers/pn-es-1/deactivate', { headers: admin });
    expect([number.status, number.headers.get('ETag')]).toEqual([200, '"2"']);
    expect((await send('GET', '/v1/users/u-elena', { headers: admin })).headers.get('ETag')).toBe('"2"');
  });

  it('R11: a stale If-Match is refused with 412 VERSION_CONFLICT and changes nothing; If-Match: * asks for no version', async () => {
    const { backend, adapter } = serve();
    await adapter.deactivateLicense('u-elena', as('u-ana', { expectedVersion: 1 }));
    const before = backend.snapshot();
    const stale = await send('POST', '/v1/users/u-elena/deactivate', { headers: { ...admin, 'If-Match': '"1"' } });
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ title: 'Precondition Failed', code: 'VERSION_CONFLICT', details: { expectedVersion: 1, currentVersion: 2 } });
    const viaAdapter = await adapter.deactivateUser('u-elena', as('u-ana', { expectedVersion: 1 })).catch((error: unknown) => error);
    expect(isOffboardError(viaAdapter) && viaAdapter.details).toEqual({ entity: 'user', id: 'u-elena', expectedVersion: 1, currentVersion: 2 });
    expect(backend.snapshot()).toEqual(before);
    const any = await send('POST', '/v1/users/u-elena/deactivate', { headers: { ...admin, 'If-Match': '*' } });
    expect([any.status, any.headers.get('ETag')]).toEqual([200, '"3"']);
  });
});

describe('Idempotency-Key', () => {
  it('R11: a repeated request with the same key replays the first result and the audit log holds one entry', async () => {
    const { adapter } = serve();
    const context = as('u-ana', { idempotencyKey: 'elena-license-1' });
    const first = await adapter.deactivateLicense('u-elena', context);
    const audit = (await adapter.listAuditLog({}, observer)).total;
    expect(await adapter.deactivateLicense('u-elena', context)).toEqual(first);
    const raw = await send('POST', '/v1/users/u-elena/license/deactivate', { headers: { ...admin, 'Idempotency-Key': 'elena-license-1' } });
    expect([raw.status, raw.body]).toEqual([200, first]);
    expect((await adapter.listAuditLog({}, observer)).total).toBe(audit);
    expect((await adapter.listAuditLog({ targetId: 'u-elena' }, observer)).total).toBe(1);
  });

  it('R11: the same key with a different request is refused with 422 IDEMPOTENCY_KEY_REUSED, changing nothing', async () => {
    const { backend } = serve();
    const headers = { ...admin, 'Idempotency-Key': 'k-assign' };
    expect((await send('POST', '/v1/users/u-julia/license', { headers, body: { country: 'ES' } })).status).toBe(200);
    const before = backend.snapshot();
    const reused = await send('POST', '/v1/users/u-julia/license', { headers, body: { country: 'MX' } });
    expect(reused.status).toBe(422);
    expect(reused.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', details: { idempotencyKey: 'k-assign' } });
    expect(backend.snapshot()).toEqual(before);
  });
});
