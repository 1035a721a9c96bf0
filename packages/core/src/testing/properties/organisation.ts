import type { OffboardData, Task } from '../../domain/types';
import { DEMO_ORGANISATION_ID } from '../../fixtures/demoOrganisation';

/**
 * A small organisation for random command sequences: small enough that every step can read the
 * whole state back, rich enough for every rule to fire (two admins, a last license in Colombia,
 * no free seat, an inactive user with transferable tasks, numbers in three countries).
 */
export function propertyOrganisation(): OffboardData {
  const user = (id: string, role: 'admin' | 'member', status: 'active' | 'inactive', license: [string, 'active' | 'inactive'] | null) => ({
    id,
    name: id,
    email: `${id}@property.example`,
    role,
    status,
    license: license && { country: license[0], status: license[1] },
    version: 1,
  });
  const owners = ['a1', 'm1', 'm2', 'm5', 'm4', 'a2'];
  const task = (n: number, assigneeId: string, state: Task['state'], transferable = false): Task => ({
    id: `t${n}`,
    title: `Task ${n}`,
    assigneeId,
    state,
    transferable,
    transferReason: transferable ? 'User deactivated' : null,
    version: 1,
  });
  return {
    organisationId: DEMO_ORGANISATION_ID,
    seats: { total: 5 },
    users: [
      user('a1', 'admin', 'active', ['ES', 'active']),
      user('a2', 'admin', 'active', ['MX', 'active']),
      user('m1', 'member', 'active', ['ES', 'active']),
      user('m2', 'member', 'active', ['CO', 'active']),
      user('m3', 'member', 'active', null),
      user('m4', 'member', 'inactive', ['ES', 'inactive']),
      user('m5', 'member', 'active', ['MX', 'active']),
    ],
    contacts: Array.from({ length: 12 }, (_, i) => ({ id: `c${String(i + 1).padStart(2, '0')}`, name: `Contact ${i + 1}`, ownerId: owners[i % owners.length]!, version: 1 })),
    tasks: [
      task(1, 'a1', 'created'),
      task(2, 'm1', 'created'),
      task(3, 'm1', 'completed'),
      task(4, 'm2', 'created'),
      task(5, 'm2', 'created'),
      task(6, 'm4', 'created', true),
      task(7, 'm4', 'completed'),
      task(8, 'm5', 'created'),
      task(9, 'a2', 'completed'),
    ],
    salesBrains: [
      { id: 'b1', name: 'Spain', memberIds: ['a1', 'm1', 'm2'] },
      { id: 'b2', name: 'LATAM', memberIds: ['a2', 'm5', 'm2'] },
    ],
    phoneNumbers: [
      { id: 'pES', number: '+34910000001', country: 'ES', status: 'active', version: 1 },
      { id: 'pCO', number: '+5760000001', country: 'CO', status: 'active', version: 1 },
      { id: 'pMX', number: '+5255000001', country: 'MX', status: 'active', version: 1 },
    ],
    history: ['a1', 'm1', 'm2', 'm4', 'm5'].map((userId, i) => ({ id: `h${i + 1}`, kind: 'call' as const, userId, contactId: `c0${i + 1}`, at: '2026-10-01T10:00:00.000Z', summary: 'Call' })),
    sessions: ['a1', 'a2', 'm1', 'm2', 'm3', 'm5'].map((userId, i) => ({ id: `s${i + 1}`, userId, startedAt: '2026-11-01T08:00:00.000Z', endedAt: null })),
    auditLog: [],
  };
}
