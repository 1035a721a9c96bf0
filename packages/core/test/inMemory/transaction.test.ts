import { describe, expect, it } from 'vitest';
import type { ScheduledDeactivation } from '../../src';
import { demoOrganisation } from '../../src/fixtures';
import { OrganisationStore } from '../../src/inMemory/organisationStore';
import { snapshotOf } from '../../src/inMemory/snapshot';
import { deepFreeze, Transaction } from '../../src/inMemory/transaction';
import { DEFAULT_POLICY } from '../../src/rules/readModel';

const NOW = new Date('2026-11-30T09:00:00.000Z');

function schedule(id: string, status: ScheduledDeactivation['status'], version: number): ScheduledDeactivation {
  return { id, userId: 'u-carla', scope: 'user', at: '2026-12-01T09:00:00.000Z', reason: null, status, createdBy: 'u-ana', createdAt: NOW.toISOString(), outcome: null, version };
}

describe('Transaction (the in-memory backend’s all-or-nothing change)', () => {
  it('R10/R11: a rollback takes back every write, newest first — records, bulk writes, schedules new and changed, and every audit entry it wrote', () => {
    const store = new OrganisationStore(demoOrganisation(), DEFAULT_POLICY);
    const first = new Transaction(store, () => NOW);
    first.putSchedule(schedule('sd-1', 'pending', 1));
    store.settle();
    const before = { records: snapshotOf(store), schedules: store.schedules.list({}), audit: [...store.auditLog] };

    const tx = new Transaction(store, () => NOW);
    const carla = store.findUser('u-carla')!;
    tx.put('user', { ...carla, status: 'inactive', version: carla.version + 1 });
    tx.put('user', { ...store.findUser('u-carla')!, version: carla.version + 2 });
    const contacts = [...store.contactIdsOf('u-carla')].map((id) => store.findContact(id)!);
    tx.replaceAll('contact', contacts, contacts.map((contact) => ({ ...contact, ownerId: 'u-elena', version: contact.version + 1 })));
    tx.putSchedule(schedule('sd-1', 'cancelled', 2));
    tx.putSchedule(schedule('sd-2', 'pending', 1));
    const one = tx.writeAudit({ actorId: 'u-ana', action: 'user.deactivated', target: { type: 'user', id: 'u-carla' }, effects: {} });
    const two = tx.writeAudit({ actorId: 'u-ana', action: 'schedule.completed', target: { type: 'user', id: 'u-carla' }, effects: {} });
    expect([one.seq, two.seq]).toEqual([before.audit.length + 1, before.audit.length + 2]);
    expect(store.auditOf('u-carla').slice(-2)).toEqual([one, two]);

    tx.rollback();
    expect(snapshotOf(store)).toEqual(before.records);
    expect(store.schedules.list({})).toEqual(before.schedules);
    expect(store.schedules.find('sd-2')).toBeUndefined();
    expect(store.auditLog).toEqual(before.audit);
    expect(store.auditOf('u-carla')).not.toContain(one);
    expect(store.contactCount('u-carla')).toBe(contacts.length);
  });

  it('refuses to write a record that does not exist: a change only replaces records', () => {
    const store = new OrganisationStore(demoOrganisation(), DEFAULT_POLICY);
    const tx = new Transaction(store, () => NOW);
    expect(() => tx.put('task', { id: 't-new', title: 'new', assigneeId: 'u-carla', state: 'created', transferable: false, transferReason: null, version: 1 })).toThrow(
      'task t-new must exist before it is written',
    );
  });

  it('R10: an audit entry and the result a retry replays (R11) are frozen all the way down, lists of records included', () => {
    const result = deepFreeze({ moved: [{ userId: 'u-1', contactIds: ['c-1'] }], total: 1, audit: { effects: { contactsMoved: [{ toUserId: 'u-1', contactIds: ['c-1'] }] } } });
    expect(Object.isFrozen(result)).toBe(true);
    expect(Object.isFrozen(result.moved)).toBe(true);
    expect(Object.isFrozen(result.moved[0])).toBe(true);
    expect(Object.isFrozen(result.moved[0]!.contactIds)).toBe(true);
    expect(Object.isFrozen(result.audit.effects.contactsMoved[0])).toBe(true);
    expect(deepFreeze(null)).toBeNull();
    expect(deepFreeze('text')).toBe('text');
  });
});
