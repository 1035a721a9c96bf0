import { as, observer } from '@offboard/core/testing';
import { ERROR_CODES, ERROR_STATUS, LAST_LICENSE_IN_COUNTRY_MESSAGE, isOffboardError, type ErrorCode, type OffboardAdapter, type OffboardError } from '@offboard/core';
import { describe, expect, it } from 'vitest';
import { admin, backendFor, mockServer, send, type ServeOptions } from './mockServer';

const { serve, lastStatus } = mockServer();

async function rejection(promise: Promise<unknown>): Promise<OffboardError> {
  const reason = await promise.then(() => undefined, (error: unknown) => error);
  if (!isOffboardError(reason)) throw new Error(`expected an OffboardError, got ${String(reason)}`);
  return reason;
}

interface RefusalCase {
  readonly code: ErrorCode;
  readonly refused: (adapter: OffboardAdapter) => Promise<unknown>;
  /** Calls that bring the organisation into the refused state first. */
  readonly setup?: (adapter: OffboardAdapter) => Promise<unknown>;
  readonly options?: ServeOptions;
}

/** Every code a backend refuses with, each from a real rule of the in-memory backend. */
const cases: RefusalCase[] = [
  { code: 'NOT_FOUND', refused: (a) => a.getUser('u-nobody', observer) },
  { code: 'NOT_FOUND', refused: (a) => a.reassignContacts({ fromOwnerId: 'u-marta', contactIds: ['c-999'], toUserIds: ['u-carla'] }, as('u-ana')) },
  { code: 'ALREADY_INACTIVE', refused: (a) => a.deactivateUser('u-karla', as('u-ana')) },
  { code: 'ALREADY_ACTIVE', refused: (a) => a.reactivateUser('u-carla', as('u-ana')) },
  { code: 'NO_LICENSE', refused: (a) => a.deactivateLicense('u-julia', as('u-ana')) },
  { code: 'LICENSE_ALREADY_ACTIVE', refused: (a) => a.assignLicense('u-carla', { country: 'ES' }, as('u-ana')) },
  { code: 'USER_INACTIVE', refused: (a) => a.assignLicense('u-karla', { country: 'ES' }, as('u-ana')) },
  { code: 'LAST_LICENSE_IN_COUNTRY', refused: (a) => a.deactivateLicense('u-diego', as('u-ana')) },
  { code: 'LAST_LICENSE_IN_COUNTRY', refused: (a) => a.deactivateUser('u-ignacio', as('u-ana')) },
  {
    code: 'NO_SEATS_AVAILABLE',
    setup: (a) => a.assignLicense('u-julia', { country: 'ES' }, as('u-ana')),
    refused: (a) => a.assignLicense('u-nora', { country: 'ES' }, as('u-ana')),
  },
  { code: 'INVALID_REASSIGN_TARGET', refused: (a) => a.reassignContacts({ fromOwnerId: 'u-marta', toUserIds: ['u-julia'] }, as('u-ana')) },
  { code: 'TASK_NOT_TRANSFERABLE', refused: (a) => a.takeTask('t-001', as('u-carla')) },
  { code: 'CONTACTS_ASSIGNED', options: { policy: { requireContactReassignment: true } }, refused: (a) => a.deactivateUser('u-carla', as('u-ana')) },
  { code: 'FORBIDDEN', refused: (a) => a.deactivateUser('u-elena', as('u-carla')) },
  { code: 'CANNOT_DEACTIVATE_SELF', refused: (a) => a.deactivateUser('u-ana', as('u-ana')) },
  {
    code: 'LAST_ADMIN',
    setup: async (a) => {
      await a.deactivateUser('u-bruno', as('u-ana'));
      await a.deactivateUser('u-nora', as('u-ana'));
    },
    refused: (a) => a.deactivateUser('u-ana', as('svc-directory', { kind: 'service' })),
  },
  { code: 'VERSION_CONFLICT', refused: (a) => a.deactivateUser('u-carla', as('u-ana', { expectedVersion: 7 })) },
  {
    code: 'VERSION_CONFLICT',
    setup: (a) => a.reassignContacts({ fromOwnerId: 'u-marta', contactIds: ['c-180'], toUserIds: ['u-carla'] }, as('u-ana')),
    refused: (a) => a.reassignContacts({ fromOwnerId: 'u-marta', contactIds: ['c-180'], toUserIds: ['u-oscar'] }, as('u-ana')),
  },
  { code: 'DELETION_NOT_SUPPORTED', refused: (a) => a.deleteUser('u-carla', as('u-ana')) },
  { code: 'VALIDATION_FAILED', refused: (a) => a.reassignContacts({ fromOwnerId: 'u-julia', toUserIds: ['u-carla'] }, as('u-ana')) },
  {
    code: 'IDEMPOTENCY_KEY_REUSED',
    setup: (a) => a.deactivateLicense('u-elena', as('u-ana', { idempotencyKey: 'k-1' })),
    refused: (a) => a.deactivateLicense('u-oscar', as('u-ana', { idempotencyKey: 'k-1' })),
  },
  { code: 'REASON_REQUIRED', options: { policy: { requireReason: true } }, refused: (a) => a.deactivateUser('u-carla', as('u-ana')) },
  {
    code: 'SCHEDULE_CONFLICT',
    setup: (a) => a.scheduleDeactivation('u-carla', { scope: 'user', at: '2026-12-01T09:00:00Z' }, as('u-ana')),
    refused: (a) => a.scheduleDeactivation('u-carla', { scope: 'user', at: '2026-12-02T09:00:00Z' }, as('u-bruno')),
  },
  {
    code: 'SCHEDULE_NOT_PENDING',
    setup: async (a) => {
      await a.scheduleDeactivation('u-carla', { scope: 'license', at: '2026-12-01T09:00:00Z' }, as('u-ana'));
      await a.cancelScheduledDeactivation('sd-1', as('u-ana'));
    },
    refused: (a) => a.cancelScheduledDeactivation('sd-1', as('u-bruno')),
  },
];

describe('Refusals over HTTP', () => {
  it('cover every code a backend refuses with (all but the transport codes and UNAUTHENTICATED, which only the server gives)', () => {
    const covered = new Set(cases.map((refusal) => refusal.code));
    const serverOnly = ['NETWORK_ERROR', 'SERVER_ERROR', 'UNAUTHENTICATED'];
    expect([...covered].sort()).toEqual(ERROR_CODES.filter((code) => !serverOnly.includes(code)).sort());
  });

  for (const { code, refused, setup, options } of cases) {
    it(`${code}: arrives as the backend's own OffboardError (code, message, details) with status ${ERROR_STATUS[code]}, changing nothing`, async () => {
      const { backend, adapter } = serve(options);
      const twin = backendFor(options);
      if (setup) {
        await setup(adapter);
        await setup(twin);
      }
      const before = backend.snapshot();
      const viaHttp = await rejection(refused(adapter));
      expect(lastStatus()).toBe(ERROR_STATUS[code]);
      expect(viaHttp.code).toBe(code);
      expect(viaHttp.toJSON()).toEqual((await rejection(refused(twin))).toJSON());
      expect(backend.snapshot()).toEqual(before);
    });
  }

  it("R4: the last license in a country is refused with exactly the help article's message", async () => {
    const { adapter } = serve();
    const error = await rejection(adapter.deactivateLicense('u-diego', as('u-ana')));
    expect(error.message).toBe(LAST_LICENSE_IN_COUNTRY_MESSAGE);
    expect(error.message).toBe("You must deactivate the phone numbers for this license's country before removing the last license in the country.");
    expect(error.details.phoneNumbers).toEqual([
      { id: 'pn-co-1', number: '+576012345678' },
      { id: 'pn-co-2', number: '+576045678901' },
    ]);
  });

  it('R1: DELETE /v1/users/:id answers 405 with Allow: GET and DELETION_NOT_SUPPORTED telling to deactivate instead', async () => {
    const { backend } = serve();
    const before = backend.snapshot();
    for (const id of ['u-carla', 'u-karla', 'u-nobody']) {
      const response = await send('DELETE', `/v1/users/${id}`, { headers: admin });
      expect(response.status).toBe(405);
      expect(response.headers.get('Allow')).toBe('GET');
      expect(response.headers.get('Content-Type')).toBe('application/problem+json');
      expect(response.body).toMatchObject({ status: 405, code: 'DELETION_NOT_SUPPORTED', type: 'urn:offboard:problem:DELETION_NOT_SUPPORTED' });
      expect((response.body as { detail: string }).detail).toMatch(/deactivate/i);
    }
    expect(backend.snapshot()).toEqual(before);
  });
});
