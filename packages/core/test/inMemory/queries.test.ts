import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, readAccessOf, type OffboardData, type ReadContext, type User } from '../../src';
import { createInMemoryBackend } from '../../src/inMemory';
import { OrganisationStore } from '../../src/inMemory/organisationStore';
import { encodeCursor } from '../../src/inMemory/paginate';
import { listUsers } from '../../src/inMemory/queries';
import { SMALL_ORGANISATION_ID, smallOrganisation } from './smallOrganisation';

const service: ReadContext = { organisationId: SMALL_ORGANISATION_ID, actorId: 'svc-reader', kind: 'service' };
const member = (actorId: string): ReadContext => ({ organisationId: SMALL_ORGANISATION_ID, actorId });
const ids = (page: { readonly items: readonly { readonly id: string }[] }) => page.items.map((item) => item.id);

const usersNamed = (names: readonly (readonly [id: string, name: string])[]): OffboardData => ({
  ...smallOrganisation(),
  users: names.map(([id, name]) => ({ id, name, email: `${id}@corp.example`, role: 'member', status: 'active', license: null, version: 1 })),
  contacts: [],
  tasks: [],
  salesBrains: [],
  history: [],
  sessions: [],
});

describe('in-memory users listing', () => {
  it('R12: users are listed by lower-cased name (code-point order), then id', async () => {
    // '_' sorts between the upper- and lower-case letters: only lower-casing puts "mac_donald" before "MacBride".
    const backend = createInMemoryBackend({
      data: usersNamed([['u-1', 'MacBride'], ['u-2', 'mac_donald'], ['u-3', 'Bruno'], ['u-4', 'ana'], ['u-5', 'Ana']]),
    });
    const page = await backend.listUsers({}, service);
    expect(page.items.map((user) => user.name)).toEqual(['ana', 'Ana', 'Bruno', 'mac_donald', 'MacBride']);
    expect(ids(page)).toEqual(['u-4', 'u-5', 'u-3', 'u-2', 'u-1']);
  });

  it('users whose names agree on their first 80 characters sort by id, and page by that key', async () => {
    const prefix = 'x'.repeat(80);
    const backend = createInMemoryBackend({ data: usersNamed([['u-b', `${prefix}a`], ['u-a', `${prefix}z`]]) });
    const first = await backend.listUsers({ limit: 1 }, service);
    expect(ids(first)).toEqual(['u-a']);
    expect(first.nextCursor).toBe(encodeCursor(`${prefix}\u0000u-a`));
    const second = await backend.listUsers({ limit: 1, cursor: first.nextCursor }, service);
    expect(ids(second)).toEqual(['u-b']);
    expect(second.nextCursor).toBeNull();
  });

  it("R12: a member's search matches only their own email, whoever searched the same words before", async () => {
    const backend = createInMemoryBackend({ data: smallOrganisation() });
    // Every email ends in corp.example and no name holds "corp": only email matches count.
    expect(ids(await backend.listUsers({ search: 'CORP' }, member('u-bruno')))).toEqual(['u-bruno']);
    expect(ids(await backend.listUsers({ search: 'CORP' }, member('u-carla')))).toEqual(['u-carla']);
    // A service identity that happens to carry a member's id reads every email; the member does not.
    const svcBruno: ReadContext = { ...member('u-bruno'), kind: 'service' };
    const fresh = createInMemoryBackend({ data: smallOrganisation() });
    expect(ids(await fresh.listUsers({ search: 'corp' }, svcBruno))).toEqual(['u-ana', 'u-bruno', 'u-carla']);
    expect(ids(await fresh.listUsers({ search: 'corp' }, member('u-bruno')))).toEqual(['u-bruno']);
    // The admin's search, made after, still sees everyone's.
    expect(ids(await fresh.listUsers({ search: 'corp' }, member('u-ana')))).toEqual(['u-ana', 'u-bruno', 'u-carla']);
  });

  it('R12: a user without an email (null) is found by name only', () => {
    const data = smallOrganisation();
    const noEmail: User = { ...data.users[2]!, email: null };
    const store = new OrganisationStore({ ...data, users: [data.users[0]!, data.users[1]!, noEmail] }, DEFAULT_POLICY);
    const access = readAccessOf(undefined, service, DEFAULT_POLICY);
    // "e" is in no name here and in every email: Carla, whose email is null, must not match it.
    expect(listUsers(store, { search: 'e' }, access, 'svc-reader').items.map((user) => user.id)).toEqual(['u-ana', 'u-bruno']);
    expect(listUsers(store, { search: 'carl' }, access, 'svc-reader').items.map((user) => user.id)).toEqual(['u-carla']);
  });
});

describe('in-memory contacts listing', () => {
  it("R5: an owner's contacts filtered by whether the owner is a salesperson", async () => {
    const backend = createInMemoryBackend({ data: smallOrganisation() });
    expect(ids(await backend.listContacts({ ownerId: 'u-bruno', orphaned: false }, service))).toEqual(['c-1', 'c-3']);
    expect(ids(await backend.listContacts({ ownerId: 'u-bruno', orphaned: true }, service))).toEqual([]);
    expect(ids(await backend.listContacts({ ownerId: 'u-carla', orphaned: true }, service))).toEqual(['c-2']);
    expect(ids(await backend.listContacts({ ownerId: 'u-carla', orphaned: false }, service))).toEqual([]);
  });

  it('R5: contacts not orphaned are those whose owner is a salesperson', async () => {
    const backend = createInMemoryBackend({ data: smallOrganisation() });
    const page = await backend.listContacts({ orphaned: false }, service);
    expect(ids(page)).toEqual(['c-1', 'c-3', 'c-4']);
    expect(page.total).toBe(3);
    expect(ids(await backend.listContacts({ orphaned: true }, service))).toEqual(['c-2']);
  });

  it('contact search matches names case-insensitively, alone or with an owner', async () => {
    const backend = createInMemoryBackend({ data: smallOrganisation() });
    const page = await backend.listContacts({ search: 'ACME' }, service);
    expect(page.items).toEqual([
      { id: 'c-2', name: 'acme north', ownerId: 'u-carla', version: 1 },
      { id: 'c-3', name: 'Acme Ltd', ownerId: 'u-bruno', version: 1 },
    ]);
    expect(page.total).toBe(2);
    expect(ids(await backend.listContacts({ search: 'acme', ownerId: 'u-bruno' }, service))).toEqual(['c-3']);
    expect(ids(await backend.listContacts({ search: 'umbrella' }, service))).toEqual([]);
  });
});

describe('in-memory tasks, numbers and history listings', () => {
  it('tasks filter on transferable both ways, and page by id', async () => {
    const backend = createInMemoryBackend({ data: smallOrganisation() });
    expect(ids(await backend.listTasks({ transferable: false }, service))).toEqual(['t-2', 't-3']);
    expect(ids(await backend.listTasks({ transferable: true }, service))).toEqual(['t-1']);
    expect(ids(await backend.listTasks({ assigneeId: 'u-bruno', transferable: false, state: 'created' }, service))).toEqual(['t-2']);
    const first = await backend.listTasks({ limit: 1 }, service);
    expect(ids(first)).toEqual(['t-1']);
    expect(first.nextCursor).toBe(encodeCursor('t-1'));
    const second = await backend.listTasks({ limit: 1, cursor: first.nextCursor }, service);
    expect(ids(second)).toEqual(['t-2']);
    expect(second.nextCursor).toBe(encodeCursor('t-2'));
  });

  it('phone numbers filter by status, and by country and status together', async () => {
    const backend = createInMemoryBackend({ data: smallOrganisation() });
    expect(ids(await backend.listPhoneNumbers({ status: 'active' }, service))).toEqual(['p-1', 'p-2']);
    expect(ids(await backend.listPhoneNumbers({ status: 'inactive' }, service))).toEqual(['p-3']);
    expect(ids(await backend.listPhoneNumbers({ country: 'ES', status: 'active' }, service))).toEqual(['p-2']);
    expect(ids(await backend.listPhoneNumbers({ country: 'ES' }, service))).toEqual(['p-2', 'p-3']);
  });

  it('R1: history filtered by user and contact together holds only records of both', async () => {
    const backend = createInMemoryBackend({ data: smallOrganisation() });
    const page = await backend.listHistory({ userId: 'u-bruno', contactId: 'c-1' }, service);
    expect(page.items).toEqual([{ id: 'h-2', kind: 'call', userId: 'u-bruno', contactId: 'c-1', at: '2026-11-02T09:00:00.000Z', summary: 'Intro call' }]);
    expect(page.total).toBe(1);
    expect(ids(await backend.listHistory({ userId: 'u-bruno' }, service))).toEqual(['h-1', 'h-2', 'h-4']);
    expect(ids(await backend.listHistory({ contactId: 'c-1' }, service))).toEqual(['h-2', 'h-3']);
    expect(ids(await backend.listHistory({}, service))).toEqual(['h-1', 'h-2', 'h-3', 'h-4']);
    expect(ids(await backend.listHistory({ userId: 'u-bruno', contactId: 'c-1', kind: 'email' }, service))).toEqual([]);
  });
});
