import { describe, expect, it } from 'vitest';
import { createInMemoryBackend } from '../src/inMemory';
import { demoOrganisation, generateOrganisation } from '../src/fixtures';
import { readAll, refusal } from '../src/testing';

const ana = { actorId: 'u-ana' };

describe('in-memory backend', () => {
  it('R10/R11: a mutation that fails half-way (the clock throws at the audit write) rolls every write back', async () => {
    let broken = false;
    const backend = createInMemoryBackend({
      data: demoOrganisation(),
      clock: () => {
        if (broken) throw new Error('clock unavailable');
        return new Date('2026-11-29T10:00:00.000Z');
      },
    });
    const before = backend.snapshot();
    broken = true;
    await expect(backend.deactivateUser('u-carla', ana)).rejects.toThrow('clock unavailable');
    await expect(backend.reassignContacts({ fromOwnerId: 'u-carla', toUserIds: ['u-elena', 'u-oscar'] }, ana)).rejects.toThrow();
    expect(backend.snapshot()).toEqual(before);
    broken = false;
    await backend.deactivateUser('u-carla', ana);
    expect((await backend.listSalesBrains({ memberId: 'u-carla' })).total).toBe(0);
    expect((await backend.listContacts({ orphaned: true })).total).toBe(19 + 25);
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
    const listed = (await backend.listUsers({ status: 'all' })).items[0]!;
    (listed as { name: string }).name = 'changed by a caller';
    expect((await backend.getUser(listed.id)).name).not.toBe('changed by a caller');
  });

  it('pages by cursor through every record exactly once, even when records change between pages', async () => {
    const backend = createInMemoryBackend({ data: generateOrganisation({ seed: 7, contacts: 2_000 }) });
    const owner = (await backend.listUsers({ licensed: true, limit: 1 })).items[0]!;
    const ownerTotal = (await backend.listContacts({ ownerId: owner.id })).total;
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await backend.listContacts({ limit: 97, cursor });
      seen.push(...page.items.map((contact) => contact.id));
      cursor = page.nextCursor;
      if (pages++ === 3) await backend.reassignContacts({ fromOwnerId: owner.id, toUserIds: ['u-0000002'] }, { actorId: 'u-0000001' });
    } while (cursor);
    expect(seen).toHaveLength(2_000);
    expect(new Set(seen).size).toBe(2_000);
    expect([...seen].sort()).toEqual(seen);
    expect(ownerTotal).toBeGreaterThan(0);
    const users = await readAll((page) => backend.listUsers({ ...page, status: 'all' }));
    expect(users.map((user) => user.name)).toEqual([...users.map((user) => user.name)].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)));
  });

  it('a cursor that is not one is refused with VALIDATION_FAILED', async () => {
    const backend = createInMemoryBackend({ data: demoOrganisation() });
    const error = await refusal(backend.listContacts({ cursor: '____' }), 'VALIDATION_FAILED');
    expect(error.details.field).toBe('query.cursor');
  });

  it('R8: the read model answers the rules from indexes kept in step with every write', async () => {
    const backend = createInMemoryBackend({ data: demoOrganisation() });
    const model = backend.readModel;
    expect(model.activeLicenseCount('MX')).toBe(4);
    expect(model.seatUsage()).toEqual({ total: 11, used: 10, available: 1 });
    await backend.deactivateLicense('u-hugo', ana);
    await backend.reassignContacts({ fromOwnerId: 'u-hugo', toUserIds: ['u-bruno'] }, ana);
    expect(model.activeLicenseCount('MX')).toBe(3);
    expect(model.contactCount('u-hugo')).toBe(0);
    expect(model.contactCount('u-bruno')).toBe(27);
    expect(model.salesBrainsOf('u-hugo')).toEqual([]);
    const { open, transferable } = model.openTaskCount('u-hugo');
    expect(open).toBeGreaterThan(0);
    expect(transferable).toBe(open);
    expect(model.seatUsage()).toEqual({ total: 11, used: 9, available: 2 });
  });
});
