import { as, observer } from '@offboard/core/testing';
import type { MutationName, OffboardAdapter, OperationName } from '@offboard/core';
import { describe, expect, it } from 'vitest';
import { backendFor, mockServer } from './mockServer';

const { serve } = mockServer();

type Call = (adapter: OffboardAdapter) => Promise<unknown>;

/** Typed by operation, so a new read in the adapter fails to compile until it is covered here. */
const reads: Record<Exclude<OperationName, MutationName>, Call[]> = {
  listUsers: [
    (a) => a.listUsers({}, observer),
    (a) => a.listUsers({ status: 'all', limit: 3 }, observer),
    (a) => a.listUsers({ status: 'inactive' }, observer),
    (a) => a.listUsers({ search: 'garcía', role: 'admin' }, observer),
    (a) => a.listUsers({ licensed: true, limit: 500, cursor: null }, observer),
    (a) => a.listUsers({ licensed: false }, observer),
    (a) => a.listUsers({ search: '<img src=x onerror=alert(1)>' }, observer),
    // R12: a member's view, emails of others left out, over HTTP as in memory.
    (a) => a.listUsers({ search: 'a' }, as('u-carla')),
  ],
  getUser: [(a) => a.getUser('u-ana', observer), (a) => a.getUser('u-karla', observer), (a) => a.getUser('u-ana', as('u-carla'))],
  getOffboardingPlan: [
    (a) => a.getOffboardingPlan('u-diego', {}, as('u-ana')),
    (a) => a.getOffboardingPlan('u-elena', { scenario: 'role-change' }, as('u-ana')),
    (a) => a.getOffboardingPlan('u-hugo', { scenario: 'team-downsizing' }, as('u-bruno')),
    (a) => a.getOffboardingPlan('u-carla', {}, as('u-carla')),
    (a) => a.getOffboardingPlan('u-karla', {}, as('u-ana')),
  ],
  getAccess: [(a) => a.getAccess('u-marta', observer), (a) => a.getAccess('u-karla', observer)],
  listContacts: [(a) => a.listContacts({ ownerId: 'u-marta' }, observer), (a) => a.listContacts({ orphaned: true, limit: 7 }, observer), (a) => a.listContacts({ search: 'ana' }, observer)],
  listTasks: [(a) => a.listTasks({ transferable: true }, as('u-carla')), (a) => a.listTasks({ assigneeId: 'u-diego', state: 'completed' }, observer)],
  listPhoneNumbers: [(a) => a.listPhoneNumbers({}, observer), (a) => a.listPhoneNumbers({ country: 'MX', status: 'inactive' }, observer)],
  listSalesBrains: [(a) => a.listSalesBrains({}, observer), (a) => a.listSalesBrains({ memberId: 'u-ignacio' }, observer)],
  getSeatUsage: [(a) => a.getSeatUsage(observer)],
  listAuditLog: [(a) => a.listAuditLog({}, observer), (a) => a.listAuditLog({ action: 'user.deactivated', actorId: 'u-ana', targetId: 'u-karla' }, observer)],
  listHistory: [(a) => a.listHistory({ userId: 'u-diego', limit: 10 }, observer), (a) => a.listHistory({ kind: 'metric' }, observer)],
  listScheduledDeactivations: [(a) => a.listScheduledDeactivations({}, observer), (a) => a.listScheduledDeactivations({ userId: 'u-oscar', status: 'pending', limit: 5 }, observer)],
};

/** One valid call of each mutation, in an order that works on the demo organisation. */
const mutations: Record<Exclude<MutationName, 'deleteUser'>, Call> = {
  deactivatePhoneNumber: (a) => a.deactivatePhoneNumber('pn-es-1', as('u-ana', { expectedVersion: 1 })),
  assignLicense: (a) => a.assignLicense('u-julia', { country: 'ES' }, as('u-ana', { idempotencyKey: 'julia-es' })),
  takeTask: (a) => a.takeTask('t-047', as('u-carla')),
  transferTasks: (a) => a.transferTasks({ fromUserId: 'u-elena', toUserId: 'u-oscar' }, as('u-ana')),
  reassignContacts: (a) => a.reassignContacts({ fromOwnerId: 'u-marta', toUserIds: ['u-carla', 'u-oscar'] }, as('u-bruno')),
  scheduleDeactivation: (a) => a.scheduleDeactivation('u-oscar', { scope: 'license', at: '2026-12-01T09:00:00+01:00', reason: { code: 'downsizing' } }, as('u-ana')),
  cancelScheduledDeactivation: (a) => a.cancelScheduledDeactivation('sd-1', as('u-bruno', { expectedVersion: 1 })),
  deactivateLicense: (a) => a.deactivateLicense('u-elena', { reason: { code: 'role-change', note: 'Moves to customer success' } }, as('u-ana')),
  deactivateUser: (a) => a.deactivateUser('u-elena', as('u-ana', { expectedVersion: 2 })),
  reactivateUser: (a) => a.reactivateUser('u-elena', as('u-ana')),
};

describe('Round trip over HTTP (createHttpAdapter → MSW → createHandlers → in-memory backend)', () => {
  it('every read answers exactly what the backend answers directly', async () => {
    const { backend, adapter } = serve();
    for (const [operation, calls] of Object.entries(reads)) {
      for (const call of calls) expect(await call(adapter), operation).toEqual(await call(backend));
    }
  });

  it('every mutation gives the result of a twin backend called directly, and leaves the same state', async () => {
    const { backend, adapter } = serve();
    const twin = backendFor();
    for (const [operation, call] of Object.entries(mutations)) {
      expect(await call(adapter), operation).toEqual(await call(twin));
    }
    expect(backend.snapshot()).toEqual(twin.snapshot());
    expect((await adapter.listAuditLog({}, observer)).total).toBe(2 + Object.keys(mutations).length);
  });

  it('cursor paging walks the same pages: a null cursor is the first page, the last page has nextCursor null', async () => {
    const { backend, adapter } = serve();
    const pages: unknown[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<OffboardAdapter['listContacts']>> = await adapter.listContacts({ cursor, limit: 40 }, observer);
      expect(page).toEqual(await backend.listContacts({ cursor, limit: 40 }, observer));
      pages.push(page);
      cursor = page.nextCursor;
    } while (cursor);
    expect(pages.length).toBe(Math.ceil((await backend.listContacts({}, observer)).total / 40));
  });
});
