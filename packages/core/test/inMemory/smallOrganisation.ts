import type { OffboardData, User } from '../../src';

export const SMALL_ORGANISATION_ID = 'org-small';

const user = (id: string, name: string, extra: Partial<User> = {}): User => ({
  id,
  name,
  email: `${id.slice(2)}@corp.example`,
  role: 'member',
  status: 'active',
  license: null,
  version: 1,
  ...extra,
});

/**
 * A few records of each kind, every list given out of id order (so a listing or a snapshot that
 * forgot to sort shows it), with one orphaned contact, one transferable task, one inactive number.
 */
export function smallOrganisation(): OffboardData {
  return {
    organisationId: SMALL_ORGANISATION_ID,
    seats: { total: 5 },
    users: [
      user('u-bruno', 'Bruno', { license: { country: 'ES', status: 'active' } }),
      user('u-ana', 'ana', { role: 'admin', license: { country: 'ES', status: 'active' } }),
      user('u-carla', 'Carla'),
      user('u-dora', 'Dora', { status: 'inactive', license: { country: 'ES', status: 'inactive' } }),
    ],
    contacts: [
      { id: 'c-3', name: 'Acme Ltd', ownerId: 'u-bruno', version: 1 },
      { id: 'c-1', name: 'Globex', ownerId: 'u-bruno', version: 1 },
      // Orphaned (R5): Carla is not a salesperson.
      { id: 'c-2', name: 'acme north', ownerId: 'u-carla', version: 1 },
      { id: 'c-4', name: 'Initech', ownerId: 'u-ana', version: 1 },
    ],
    tasks: [
      { id: 't-2', title: 'Call back', assigneeId: 'u-bruno', state: 'created', transferable: false, transferReason: null, version: 1 },
      { id: 't-1', title: 'Send quote', assigneeId: 'u-dora', state: 'created', transferable: true, transferReason: 'User deactivated', version: 2 },
      { id: 't-3', title: 'Follow up', assigneeId: 'u-bruno', state: 'completed', transferable: false, transferReason: null, version: 1 },
    ],
    salesBrains: [{ id: 'b-1', name: 'Inbound', memberIds: ['u-bruno', 'u-ana'] }],
    phoneNumbers: [
      { id: 'p-2', number: '+34911234567', country: 'ES', status: 'active', version: 1 },
      { id: 'p-1', number: '+351211234567', country: 'PT', status: 'active', version: 1 },
      { id: 'p-3', number: '+34911234568', country: 'ES', status: 'inactive', version: 2 },
    ],
    history: [
      { id: 'h-2', kind: 'call', userId: 'u-bruno', contactId: 'c-1', at: '2026-11-02T09:00:00.000Z', summary: 'Intro call' },
      { id: 'h-1', kind: 'email', userId: 'u-bruno', contactId: 'c-3', at: '2026-11-01T09:00:00.000Z', summary: 'Quote sent' },
      { id: 'h-3', kind: 'call', userId: 'u-ana', contactId: 'c-1', at: '2026-11-03T09:00:00.000Z', summary: 'Follow-up call' },
      { id: 'h-4', kind: 'metric', userId: 'u-bruno', contactId: null, at: '2026-11-04T09:00:00.000Z', summary: '12 calls this week' },
    ],
    sessions: [
      { id: 's-2', userId: 'u-bruno', startedAt: '2026-11-29T08:00:00.000Z', endedAt: null },
      { id: 's-1', userId: 'u-ana', startedAt: '2026-11-28T08:00:00.000Z', endedAt: '2026-11-28T17:00:00.000Z' },
    ],
  };
}
