import type { OffboardData } from '../src';
import { as, observer } from '../src/testing/harness';
import { describe, expect, it } from 'vitest';
import { createInMemoryBackend } from '../src/inMemory';
import { DEMO_NOW, demoOrganisation, generateOrganisation } from '../src/fixtures';
import { observe, readAll, refusal } from '../src/testing';

const ana = as('u-ana');

/** A demo backend whose clock can be made to throw, so a change fails at its audit write, after its other writes. */
function breakableBackend() {
  const clock = { broken: false };
  const backend = createInMemoryBackend({
    data: demoOrganisation(),
    clock: () => {
      if (clock.broken) throw new Error('clock unavailable');
      return new Date('2026-11-29T10:00:00.000Z');
    },
  });
  return { backend, clock };
}

describe('in-memory backend', () => {
  it('R10/R11: a mutation that fails half-way (the clock throws at the audit write) rolls every write back', async () => {
    const { backend, clock } = breakableBackend();
    const before = backend.snapshot();
    clock.broken = true;
    await expect(backend.deactivateUser('u-carla', ana)).rejects.toThrow('clock unavailable');
    await expect(backend.reassignContacts({ fromOwnerId: 'u-carla', toUserIds: ['u-elena', 'u-oscar'] }, ana)).rejects.toThrow();
    expect(backend.snapshot()).toEqual(before);
    clock.broken = false;
    await backend.deactivateUser('u-carla', ana);
    expect((await backend.listSalesBrains({ memberId: 'u-carla' }, observer)).total).toBe(0);
    expect((await backend.listContacts({ orphaned: true }, observer)).total).toBe(19 + 25);
  });

  it('R10/R11: bulk writes (tasks made transferable, contacts reassigned, tasks handed over) are rolled back whole, indexes included', async () => {
    const { backend, clock } = breakableBackend();
    const owners = ['u-carla', 'u-diego', 'u-elena', 'u-oscar', 'u-karla'];
    // What the indexes answer, not only the records: a rollback that restored records but not an index would show here.
    const indexed = async () => ({
      all: await observe(backend),
      contacts: await Promise.all(owners.map((ownerId) => readAll((page) => backend.listContacts({ ...page, ownerId }, observer)))),
      orphaned: await readAll((page) => backend.listContacts({ ...page, orphaned: true }, observer)),
      tasks: await Promise.all(owners.map((assigneeId) => readAll((page) => backend.listTasks({ ...page, assigneeId }, observer)))),
      transferable: await readAll((page) => backend.listTasks({ ...page, transferable: true }, observer)),
    });
    const before = await indexed();
    clock.broken = true;
    const attempts = [
      () => backend.deactivateUser('u-carla', ana),
      () => backend.reassignContacts({ fromOwnerId: 'u-diego', toUserIds: ['u-elena', 'u-oscar'] }, ana),
      () => backend.transferTasks({ fromUserId: 'u-diego', toUserId: 'u-elena' }, ana),
      () => backend.takeTask('t-047', as('u-carla')),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toThrow('clock unavailable');
    clock.broken = false;
    expect(await indexed()).toEqual(before);
    // The same changes then apply in full.
    await backend.reassignContacts({ fromOwnerId: 'u-diego', toUserIds: ['u-elena', 'u-oscar'] }, ana);
    expect((await backend.listContacts({ ownerId: 'u-diego' }, observer)).total).toBe(0);
    expect((await backend.listContacts({ ownerId: 'u-elena' }, observer)).total + (await backend.listContacts({ ownerId: 'u-oscar' }, observer)).total).toBe(20 + 12 + 40);
  });

  it('leaves the data it was given untouched, and hands out copies or frozen results', async () => {
    const data = demoOrganisation();
    const pristine = structuredClone(data);
    const backend = createInMemoryBackend({ data });
    const change = await backend.deactivateUser('u-carla', ana);
    expect(data).toEqual(pristine);
    expect(Object.isFrozen(change.audit.effects)).toBe(true);
    expect(() => {
      (change.user as { name: string }).name = 'x';
    }).toThrow(TypeError);
    const listed = (await backend.listUsers({ status: 'all' }, observer)).items[0]!;
    (listed as { name: string }).name = 'changed by a caller';
    expect((await backend.getUser(listed.id, observer)).name).not.toBe('changed by a caller');
  });

  it('pages by cursor through every record exactly once, even when records change between pages', async () => {
    const backend = createInMemoryBackend({ data: generateOrganisation({ seed: 7, contacts: 2_000 }) });
    const owner = (await backend.listUsers({ licensed: true, limit: 1 }, observer)).items[0]!;
    const ownerTotal = (await backend.listContacts({ ownerId: owner.id }, observer)).total;
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await backend.listContacts({ limit: 97, cursor }, observer);
      seen.push(...page.items.map((contact) => contact.id));
      cursor = page.nextCursor;
      if (pages++ === 3) await backend.reassignContacts({ fromOwnerId: owner.id, toUserIds: ['u-0000002'] }, as('u-0000001'));
    } while (cursor);
    expect(seen).toHaveLength(2_000);
    expect(new Set(seen).size).toBe(2_000);
    expect([...seen].sort()).toEqual(seen);
    expect(ownerTotal).toBeGreaterThan(0);
    const users = await readAll((page) => backend.listUsers({ ...page, status: 'all' }, observer));
    expect(users.map((user) => user.name)).toEqual([...users.map((user) => user.name)].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)));
  });

  it('a cursor that is not one is refused with VALIDATION_FAILED', async () => {
    const backend = createInMemoryBackend({ data: demoOrganisation() });
    const error = await refusal(backend.listContacts({ cursor: '____' }, observer), 'VALIDATION_FAILED');
    expect(error.details.field).toBe('query.cursor');
  });

  it('R8: the read model answers the rules from indexes kept in step with every write', async () => {
    const backend = createInMemoryBackend({ data: demoOrganisation() });
    const model = backend.readModel();
    expect(model.activeLicenseCount('MX')).toBe(4);
    expect(model.seatUsage()).toEqual({ total: 11, used: 10, available: 1 });
    await backend.deactivateLicense('u-hugo', ana);
    await backend.reassignContacts({ fromOwnerId: 'u-hugo', toUserIds: ['u-bruno'] }, ana);
    expect(model.activeLicenseCount('MX')).toBe(3);
    expect(model.contactCount('u-hugo')).toBe(0);
    expect(model.contactCount('u-bruno')).toBe(27);
    expect(model.salesBrainsOf('u-hugo')).toEqual([]);
    const { open, transferable } = await model.openTaskCount('u-hugo');
    expect(open).toBeGreaterThan(0);
    expect(transferable).toBe(open);
    expect(model.seatUsage()).toEqual({ total: 11, used: 9, available: 2 });
  });

  describe('loading refuses inconsistent data, naming the record, so no rule runs over data that already breaks one', () => {
    const base = demoOrganisation();
    const cases: [string, () => OffboardData, string][] = [
      [
        'an inactive user holding an active license (R4 and the seats would count it)',
        () => ({ ...base, users: base.users.map((user) => (user.id === 'u-karla' ? { ...user, license: { country: 'ES', status: 'active' as const } } : user)) }),
        'data.users.11.license',
      ],
      ['more active licenses than seats', () => ({ ...base, seats: { total: 3 } }), 'data.seats.total'],
      ['a contact of an owner who is not in the organisation', () => ({ ...base, contacts: [...base.contacts, { id: 'c-x', name: 'X', ownerId: 'u-ghost', version: 1 }] }), 'data.contacts.200.ownerId'],
      [
        'a transferable task without its reason',
        () => ({ ...base, tasks: base.tasks.map((task, i) => (i === 0 ? { ...task, transferable: true } : task)) }),
        'data.tasks.0.transferReason',
      ],
      [
        'an open session of an inactive user (R3 ends them)',
        () => ({ ...base, sessions: [...base.sessions, { id: 's-x', userId: 'u-karla', startedAt: DEMO_NOW, endedAt: null }] }),
        `data.sessions.${base.sessions.length}.endedAt`,
      ],
      ['a repeated id', () => ({ ...base, users: [...base.users, base.users[0]!] }), `data.users.${base.users.length}`],
      ['a reserved name as an id', () => ({ ...base, users: base.users.map((user, i) => (i === 0 ? { ...user, id: '__proto__' } : user)) }), 'data.users.0.id'],
      ['a Sales Brain member who is not in the organisation', () => ({ ...base, salesBrains: [{ id: 'sb-x', name: 'X', memberIds: ['u-ghost'] }] }), 'data.salesBrains.0.memberIds.0'],
    ];
    for (const [name, data, field] of cases) {
      it(`refuses ${name}`, () => {
        let thrown: unknown;
        try {
          createInMemoryBackend({ data: data() });
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toMatchObject({ code: 'VALIDATION_FAILED', details: { field } });
      });
    }

    it('refuses two organisations under one id (R13)', () => {
      expect(() => createInMemoryBackend({ data: [demoOrganisation(), demoOrganisation()] })).toThrow(/org-demo twice/);
    });
  });
});
