import { as, observer } from '@offboard/core/testing';
import { isOffboardError, type OffboardError } from '@offboard/core';
import { describe, expect, it } from 'vitest';
import { createFaultController } from '../src';
import { mockServer } from './mockServer';

const { serve } = mockServer();
const admin = as('u-ana');

async function rejection(promise: Promise<unknown>): Promise<OffboardError> {
  const reason = await promise.then(() => undefined, (error: unknown) => error);
  if (!isOffboardError(reason)) throw new Error(`expected an OffboardError, got ${String(reason)}`);
  return reason;
}

const elapsed = async (run: () => Promise<unknown>) => {
  const started = performance.now();
  await run();
  return performance.now() - started;
};

describe('Fault injection', () => {
  it('network error before the backend: NETWORK_ERROR (reason network), nothing applied, and the next call goes through', async () => {
    const { backend, adapter, handlers } = serve();
    handlers.faults.set('deactivateLicense', { kind: 'network-error', when: 'before' });
    const before = backend.snapshot();
    const error = await rejection(adapter.deactivateLicense('u-elena', admin));
    expect([error.code, error.details.reason, error.retryable]).toEqual(['NETWORK_ERROR', 'network', true]);
    expect(backend.snapshot()).toEqual(before);
    expect((await adapter.deactivateLicense('u-elena', admin)).user.license?.status).toBe('inactive');
  });

  it('R11: network error after the backend: applied once; a retry with the same Idempotency-Key returns the first result and the audit log holds exactly one entry', async () => {
    const { backend, adapter, handlers } = serve();
    handlers.faults.set('deactivateLicense', { kind: 'network-error', when: 'after', times: 1 });
    const context = { ...admin, idempotencyKey: 'retry-elena' };
    const lost = await rejection(adapter.deactivateLicense('u-elena', context));
    expect(lost.code).toBe('NETWORK_ERROR');
    const applied = backend.snapshot();
    expect(applied.users.find((user) => user.id === 'u-elena')?.license?.status).toBe('inactive');
    const retried = await adapter.deactivateLicense('u-elena', context);
    expect(retried.audit).toEqual(applied.auditLog!.at(-1));
    expect(backend.snapshot()).toEqual(applied);
    expect((await adapter.listAuditLog({ targetId: 'u-elena', action: 'license.deactivated' }, observer)).total).toBe(1);
  });

  it('server error: 500 without a problem body is SERVER_ERROR with the status; before changes nothing, after applies', async () => {
    const { backend, adapter, handlers } = serve();
    const before = backend.snapshot();
    handlers.faults.set('deactivatePhoneNumber', { kind: 'server-error' });
    const error = await rejection(adapter.deactivatePhoneNumber('pn-es-1', admin));
    expect([error.code, error.details, error.retryable]).toEqual(['SERVER_ERROR', { status: 500 }, true]);
    expect(backend.snapshot()).toEqual(before);
    handlers.faults.set('deactivatePhoneNumber', { kind: 'server-error', when: 'after' });
    await rejection(adapter.deactivatePhoneNumber('pn-es-1', admin));
    expect((await backend.listPhoneNumbers({ status: 'inactive' }, observer)).items.map((number) => number.id)).toContain('pn-es-1');
  });

  it('timeout: no answer until the client aborts, NETWORK_ERROR with reason timeout; after the backend, the change is kept', async () => {
    const { backend, adapter, handlers } = serve({ timeoutMs: 60 });
    handlers.faults.set('getSeatUsage', { kind: 'timeout' });
    const error = await rejection(adapter.getSeatUsage(observer));
    expect(error.details).toEqual({ reason: 'timeout', timeoutMs: 60 });
    handlers.faults.set('takeTask', { kind: 'timeout', when: 'after' });
    await rejection(adapter.takeTask('t-047', as('u-carla')));
    expect((await backend.listTasks({ assigneeId: 'u-carla', transferable: false }, observer)).items.map((task) => task.id)).toContain('t-047');
  });

  it('latency (fixed or a range) and slow faults delay answers without changing them', async () => {
    const { adapter, handlers } = serve({ mock: { latency: 40 } });
    expect(await elapsed(() => adapter.getSeatUsage(observer))).toBeGreaterThanOrEqual(35);
    handlers.faults.set('getUser', { kind: 'slow', ms: 80 });
    expect(await elapsed(() => adapter.getUser('u-ana', observer))).toBeGreaterThanOrEqual(110);
    const ranged = serve({ mock: { latency: [20, 30] } });
    expect(await elapsed(() => ranged.adapter.getSeatUsage(observer))).toBeGreaterThanOrEqual(15);
    expect(await ranged.adapter.getUser('u-ana', observer)).toEqual(await ranged.backend.getUser('u-ana', observer));
  });

  it('faults fire `times` times, "*" covers every operation without its own fault, and clear() removes them', async () => {
    const { adapter, handlers } = serve({ mock: { faults: { listUsers: { kind: 'server-error', times: 2 } } } });
    expect(handlers.faults.armed()).toEqual({ listUsers: { fault: { kind: 'server-error', times: 2 }, remaining: 2 } });
    await rejection(adapter.listUsers({}, observer));
    expect(handlers.faults.armed().listUsers?.remaining).toBe(1);
    await rejection(adapter.listUsers({}, observer));
    expect((await adapter.listUsers({}, observer)).total).toBeGreaterThan(0);
    handlers.faults.set('*', { kind: 'network-error', times: Infinity });
    handlers.faults.set('getAccess', { kind: 'server-error', times: Infinity });
    expect((await rejection(adapter.getSeatUsage(observer))).code).toBe('NETWORK_ERROR');
    expect((await rejection(adapter.getAccess('u-ana', observer))).code).toBe('SERVER_ERROR');
    handlers.faults.clear('getAccess');
    expect((await rejection(adapter.getAccess('u-ana', observer))).code).toBe('NETWORK_ERROR');
    handlers.faults.clear();
    expect(handlers.faults.armed()).toEqual({});
    expect((await adapter.getAccess('u-ana', observer)).canSignIn).toBe(true);
  });

  it('a controller counts down independently of any server', () => {
    const faults = createFaultController({ '*': { kind: 'slow', ms: 5, times: 2 } });
    expect([faults.take('getUser'), faults.take('listUsers'), faults.take('getUser')]).toEqual([
      { kind: 'slow', ms: 5, times: 2 },
      { kind: 'slow', ms: 5, times: 2 },
      undefined,
    ]);
  });
});
