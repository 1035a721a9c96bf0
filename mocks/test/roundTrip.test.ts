import type { MutationName, OffboardAdapter, OperationName } from '@offboard/core';
import { describe, expect, it } from 'vitest';
import { backendFor, mockServer } from './mockServer';

const { serve } = mockServer();
const as = (actorId: string, extra: { idempotencyKey?: string; expectedVersion?: number } = {}) => ({ actorId, ...extra });

type Call = (adapter: OffboardAdapter) => Promise<unknown>;

/** Typed by operation, so a new read in the adapter fails to compile until it is covered here. */
const reads: Record<Exclude<OperationName, MutationName>, Call[]> = {
  listUsers: [
    (a) => a.listUsers(),
    (a) => a.listUsers({ status: 'all', limit: 3 }),
    (a) => a.listUsers({ status: 'inactive' }),
    (a) => a.listUsers({ search: 'garcía', role: 'admin' }),
    (a) => a.listUsers({ licensed: true, limit: 500, cursor: null }),
    (a) => a.listUsers({ licensed: false }),
    (a) => a.listUsers({ search: '<img src=x onerror=alert(1)>' }),
  ],
  getUser: [(a) => a.getUser('u-ana'), (a) => a.getUser('u-karla')],
  getOffboardingPlan: [
    (a) => a.getOffboardingPlan('u-diego', { actorId: 'u-ana' }),
    (a) => a.getOffboardingPlan('u-elena', { actorId: 'u-ana', scenario: 'role-change' }),
    (a) => a.getOffboardingPlan('u-hugo', { actorId: 'u-carla', scenario: 'team-downsizing' }),
    (a) => a.getOffboardingPlan('u-karla', { actorId: 'u-ana' }),
  ],
  getAccess: [(a) => a.getAccess('u-marta'), (a) => a.getAccess('u-karla')],
  listContacts: [(a) => a.listContacts({ ownerId: 'u-marta' }), (a) => a.listContacts({ orphaned: true, limit: 7 }), (a) => a.listContacts({ search: 'ana' })],
  listTasks: [(a) => a.listTasks({ transferable: true }), (a) => a.listTasks({ assigneeId: 'u-diego', state: 'completed' })],
  listPhoneNumbers: [(a) => a.listPhoneNumbers(), (a) => a.listPhoneNumbers({ country: 'MX', status: 'inactive' })],
  listSalesBrains: [(a) => a.listSalesBrains(), (a) => a.listSalesBrains({ memberId: 'u-ignacio' })],
  getSeatUsage: [(a) => a.getSeatUsage()],
  listAuditLog: [(a) => a.listAuditLog(), (a) => a.listAuditLog({ action: 'user.deactivated', actorId: 'u-ana', targetId: 'u-karla' })],
  listHistory: [(a) => a.listHistory({ userId: 'u-diego', limit: 10 }), (a) => a.listHistory({ kind: 'metric' })],
};

/** One valid call of each mutation, in an order that works on the demo organisation. */
const mutations: Record<Exclude<MutationName, 'deleteUser'>, Call> = {
  deactivatePhoneNumber: (a) => a.deactivatePhoneNumber('pn-es-1', as('u-ana', { expectedVersion: 1 })),
  assignLicense: (a) => a.assignLicense('u-julia', { country: 'ES' }, as('u-ana', { idempotencyKey: 'julia-es' })),
  takeTask: (a) => a.takeTask('t-047', as('u-carla')),
  transferTasks: (a) => a.transferTasks({ fromUserId: 'u-elena', toUserId: 'u-oscar' }, as('u-ana')),
  reassignContacts: (a) => a.reassignContacts({ fromOwnerId: 'u-marta', toUserIds: ['u-carla', 'u-oscar'] }, as('u-bruno')),
  deactivateLicense: (a) => a.deactivateLicense('u-elena', as('u-ana')),
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
    expect((await adapter.listAuditLog()).total).toBe(2 + Object.keys(mutations).length);
  });

  it('cursor paging walks the same pages: a null cursor is the first page, the last page has nextCursor null', async () => {
    const { backend, adapter } = serve();
    const pages: unknown[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<OffboardAdapter['listContacts']>> = await adapter.listContacts({ cursor, limit: 40 });
      expect(page).toEqual(await backend.listContacts({ cursor, limit: 40 }));
      pages.push(page);
      cursor = page.nextCursor;
    } while (cursor);
    expect(pages.length).toBe(Math.ceil((await backend.listContacts()).total / 40));
  });
});
