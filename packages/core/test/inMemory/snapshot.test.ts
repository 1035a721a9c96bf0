import { describe, expect, it } from 'vitest';
import type { OffboardData } from '../../src';
import { createInMemoryBackend } from '../../src/inMemory';
import { smallOrganisation } from './smallOrganisation';

const byId = <T extends { readonly id: string }>(records: readonly T[]): T[] => [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

describe('in-memory snapshot', () => {
  it('holds every record as loaded, each kind sorted by id (code points: "u-B" before "u-a")', () => {
    const data = smallOrganisation();
    const withCase: OffboardData = {
      ...data,
      users: [...data.users, { id: 'u-B', name: 'Beth', email: 'beth@corp.example', role: 'member', status: 'active', license: null, version: 1 }],
    };
    const snapshot = createInMemoryBackend({ data: withCase }).snapshot();
    expect(snapshot.users.map((user) => user.id)).toEqual(['u-B', 'u-ana', 'u-bruno', 'u-carla', 'u-dora']);
    expect(snapshot).toEqual({
      organisationId: 'org-small',
      seats: { total: 5 },
      users: byId(withCase.users),
      contacts: byId(data.contacts),
      tasks: byId(data.tasks),
      salesBrains: data.salesBrains,
      phoneNumbers: byId(data.phoneNumbers),
      history: byId(data.history),
      sessions: byId(data.sessions),
      auditLog: [],
    });
    // The expectation above is itself in an order the data was not given in.
    expect(snapshot.history.map((record) => record.id)).toEqual(['h-1', 'h-2', 'h-3', 'h-4']);
    expect(snapshot.sessions.map((session) => session.id)).toEqual(['s-1', 's-2']);
    expect(data.history.map((record) => record.id)).not.toEqual(['h-1', 'h-2', 'h-3', 'h-4']);
  });

  it('is a copy: editing a snapshot touches neither the backend nor the next snapshot', async () => {
    const backend = createInMemoryBackend({ data: smallOrganisation() });
    // A deep copy: a snapshot sharing the backend's objects would follow them.
    const before = structuredClone(backend.snapshot());
    const edited = backend.snapshot() as unknown as {
      seats: { total: number };
      history: { summary: string }[];
      sessions: { endedAt: string | null }[];
      users: { name: string }[];
      salesBrains: { memberIds: string[] }[];
    };
    edited.seats.total = 99;
    edited.history[0]!.summary = 'rewritten';
    edited.sessions[1]!.endedAt = '2026-11-30T00:00:00.000Z';
    edited.users[0]!.name = 'renamed';
    edited.salesBrains[0]!.memberIds.push('u-carla');
    expect(backend.snapshot()).toEqual(before);
    const observer = { organisationId: 'org-small', actorId: 'svc', kind: 'service' } as const;
    expect((await backend.getSeatUsage(observer)).total).toBe(5);
    expect((await backend.getAccess('u-bruno', observer)).openSessions).toBe(1);
  });
});
