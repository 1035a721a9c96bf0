import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSalesperson, type AuditEntry, type Contact, type HistoryRecord, type OffboardData, type PhoneNumber, type SalesBrain, type Session, type Task, type User } from '../../src';
import { compareKeys, OrganisationStore } from '../../src/inMemory/organisationStore';
import { DEFAULT_POLICY } from '../../src/rules/readModel';

/**
 * The store keeps indexes in step with its records so the rules read them without a scan. Each
 * index here is checked against a scan of the records after every step of random writes — single
 * and bulk, moving records between owners and back, ids not inserted in their sorted order — so a
 * write that forgets an index, or a cached listing that outlives its change, shows as a difference.
 */

const USERS = ['u-3', 'u-10', 'u-2', 'u-1', 'u-22'];
const COUNTRIES = ['ES', 'MX'] as const;
// Listed out of their sorted order (and '10' sorts before '9'), so an index that keeps insertion order shows.
const CONTACTS = ['c-9', 'c-10', 'c-2', 'c-1', 'c-30', 'c-4', 'c-11', 'c-0', 'c-5', 'c-20', 'c-3', 'c-8'];
const TASKS = ['t-5', 't-10', 't-1', 't-3', 't-20', 't-0', 't-7', 't-2'];
const BRAINS = ['b-2', 'b-1'];
const PHONES = ['p-9', 'p-10', 'p-2', 'p-1', 'p-30', 'p-4'];
const SESSIONS = ['s-3', 's-1', 's-20', 's-0', 's-9'];
/** A phone number or a session never changes country or user in the product; only its status moves. */
const countryOf = (phoneId: string) => COUNTRIES[phoneId.length % 2]!;
const userOfSession = (sessionId: string) => USERS[sessionId.length % USERS.length]!;

const user = fc.record({
  id: fc.constantFrom(...USERS),
  name: fc.constantFrom('ana', 'Bruno', 'carla', 'Ana'),
  role: fc.constantFrom('admin' as const, 'member' as const),
  status: fc.constantFrom('active' as const, 'inactive' as const),
  license: fc.option(fc.record({ country: fc.constantFrom(...COUNTRIES), status: fc.constantFrom('active' as const, 'inactive' as const) }), { nil: null }),
});
const contact = fc.record({ id: fc.constantFrom(...CONTACTS), ownerId: fc.constantFrom(...USERS, 'u-gone') });
const task = fc.record({
  id: fc.constantFrom(...TASKS),
  assigneeId: fc.constantFrom(...USERS),
  state: fc.constantFrom('created' as const, 'completed' as const),
  transferable: fc.boolean(),
});

type Step =
  | { kind: 'user'; user: Omit<User, 'email' | 'version'> }
  | { kind: 'contact'; contact: { id: string; ownerId: string } }
  | { kind: 'contacts'; moves: { id: string; ownerId: string }[] }
  | { kind: 'task'; task: { id: string; assigneeId: string; state: 'created' | 'completed'; transferable: boolean } }
  | { kind: 'tasks'; moves: { id: string; assigneeId: string; transferable: boolean }[] }
  | { kind: 'brain'; id: string; memberIds: string[] }
  | { kind: 'phone'; id: string; status: 'active' | 'inactive' }
  | { kind: 'session'; id: string; ended: boolean }
  | { kind: 'audit'; targetId: string }
  | { kind: 'retract' }
  | { kind: 'settle' };

const step: fc.Arbitrary<Step> = fc.oneof(
  user.map((u) => ({ kind: 'user' as const, user: u })),
  contact.map((c) => ({ kind: 'contact' as const, contact: c })),
  fc.uniqueArray(contact, { selector: (c) => c.id, maxLength: 6 }).map((moves) => ({ kind: 'contacts' as const, moves })),
  task.map((t) => ({ kind: 'task' as const, task: t })),
  fc
    .uniqueArray(fc.record({ id: fc.constantFrom(...TASKS), assigneeId: fc.constantFrom(...USERS), transferable: fc.boolean() }), { selector: (t) => t.id, maxLength: 4 })
    .map((moves) => ({ kind: 'tasks' as const, moves })),
  fc.record({ id: fc.constantFrom(...BRAINS), memberIds: fc.uniqueArray(fc.constantFrom(...USERS), { maxLength: 3 }) }).map((b) => ({ kind: 'brain' as const, ...b })),
  fc.record({ id: fc.constantFrom(...PHONES), status: fc.constantFrom('active' as const, 'inactive' as const) }).map((p) => ({ kind: 'phone' as const, ...p })),
  fc.record({ id: fc.constantFrom(...SESSIONS), ended: fc.boolean() }).map((s) => ({ kind: 'session' as const, ...s })),
  fc.constantFrom(...USERS, 'c-1').map((targetId) => ({ kind: 'audit' as const, targetId })),
  fc.constant({ kind: 'retract' as const }),
  fc.constant({ kind: 'settle' as const }),
);

function organisation(): OffboardData {
  const history: HistoryRecord[] = [
    { id: 'h-2', kind: 'call', userId: 'u-2', contactId: 'c-10', at: '2026-01-02T00:00:00.000Z', summary: 'call' },
    { id: 'h-1', kind: 'email', userId: 'u-2', contactId: null, at: '2026-01-01T00:00:00.000Z', summary: 'email' },
    { id: 'h-3', kind: 'call', userId: 'u-3', contactId: 'c-10', at: '2026-01-03T00:00:00.000Z', summary: 'call' },
  ];
  const audit: AuditEntry = { id: 'a-1', seq: 1, at: '2026-01-01T00:00:00.000Z', actorId: 'u-1', action: 'user.reactivated', target: { type: 'user', id: 'u-2' }, effects: {} };
  return {
    organisationId: 'org-store',
    seats: { total: 3 },
    users: [{ id: 'u-1', name: 'Zoe', email: null, role: 'admin', status: 'active', license: { country: 'ES', status: 'active' }, version: 1 }],
    contacts: [{ id: 'c-1', name: 'contact c-1', ownerId: 'u-1', version: 1 }],
    tasks: [],
    salesBrains: [],
    phoneNumbers: PHONES.map((id): PhoneNumber => ({ id, number: `+34 ${id}`, country: countryOf(id), status: 'active', version: 1 })),
    history,
    sessions: [],
    auditLog: [audit],
  };
}

/** What every index should say, from a scan of the records. */
function scanned(store: OrganisationStore, settled = true) {
  const users = [...store.users.values()];
  const sortedIds = (list: Iterable<{ id: string }>) => [...list].map((record) => record.id).sort(compareKeys);
  const contactsOf = (ownerId: string) => sortedIds([...store.contacts.values()].filter((c) => c.ownerId === ownerId));
  const tasksOf = (userId: string) => [...store.tasks.values()].filter((t) => t.assigneeId === userId);
  return {
    admins: users.filter((u) => u.role === 'admin' && u.status === 'active').length,
    salespeople: users.filter(isSalesperson).length,
    licenses: COUNTRIES.map((country) => users.filter((u) => u.license?.status === 'active' && u.license.country === country).length),
    seats: users.filter((u) => u.license?.status === 'active').length,
    phones: [...COUNTRIES, 'AR'].map((country) => sortedIds([...store.phoneNumbers.values()].filter((p) => p.country === country && p.status === 'active'))),
    perUser: [...USERS, 'u-gone', 'u-none'].map((id) => ({
      id,
      contacts: contactsOf(id),
      tasks: sortedIds(tasksOf(id)),
      open: sortedIds(tasksOf(id).filter((t) => t.state === 'created')),
      openTransferable: tasksOf(id).filter((t) => t.state === 'created' && t.transferable).length,
      brains: sortedIds([...store.salesBrains.values()].filter((b) => b.memberIds.includes(id))),
      sessions: sortedIds([...store.sessions.values()].filter((s) => s.userId === id && s.endedAt === null)),
      audit: store.auditLog.filter((entry) => entry.target.id === id).map((entry) => entry.id),
    })),
    transferable: sortedIds([...store.tasks.values()].filter((t) => t.transferable)),
    orphaned: settled ? sortedIds([...store.contacts.values()].filter((c) => !users.some((u) => u.id === c.ownerId && isSalesperson(u)))) : 'read once settled',
    all: settled ? sortedIds(store.contacts.values()) : 'read once settled',
    byName: [...users].sort((a, b) => compareKeys(`${a.name.toLowerCase()}\u0000${a.id}`, `${b.name.toLowerCase()}\u0000${b.id}`)).map((u) => u.id),
  };
}

/** What the indexes say. Listings cached until `settle` are read only once a change has settled, as the backend does. */
function indexed(store: OrganisationStore, settled: boolean) {
  const sortedIds = (list: Iterable<string | { id: string }>) => [...list].map((item) => (typeof item === 'string' ? item : item.id)).sort(compareKeys);
  return {
    admins: store.activeAdminCount(),
    salespeople: store.salespersonCount(),
    licenses: COUNTRIES.map((country) => store.activeLicenseCount(country)),
    seats: store.seatUsage().used,
    phones: [...COUNTRIES, 'AR'].map((country) => store.activePhoneNumbers(country).map((p) => p.id)),
    perUser: [...USERS, 'u-gone', 'u-none'].map((id) => ({
      id,
      contacts: settled ? [...store.sortedContactIds({ ownerId: id })] : sortedIds(store.contactIdsOf(id)),
      tasks: sortedIds(store.taskIdsOf(id)),
      open: sortedIds(store.openTasks(id)),
      openTransferable: store.openTaskCount(id).transferable,
      brains: sortedIds(store.salesBrainsOf(id)),
      sessions: sortedIds(store.openSessionsOf(id)),
      audit: store.auditOf(id).map((entry) => entry.id),
    })),
    transferable: sortedIds(store.transferableTasks()),
    // Whole-organisation listings are cached until the change settles, so they are compared only then.
    orphaned: settled ? [...store.sortedContactIds('orphaned')] : 'read once settled',
    all: settled ? [...store.sortedContactIds('all')] : 'read once settled',
    byName: store.userListing('every user', (u) => `${u.name.toLowerCase()}\u0000${u.id}`, () => true).map((u) => u.id),
  };
}

function apply(store: OrganisationStore, s: Step, audits: AuditEntry[]): boolean {
  const version = (record: { version: number } | undefined) => (record?.version ?? 0) + 1;
  switch (s.kind) {
    case 'user':
      store.put('user', { ...s.user, email: null, version: version(store.users.get(s.user.id)) } satisfies User);
      return false;
    case 'contact':
      store.put('contact', { ...s.contact, name: `contact ${s.contact.id}`, version: version(store.contacts.get(s.contact.id)) } satisfies Contact);
      return false;
    case 'contacts': {
      // The bulk path replaces records that exist: moves of unknown contacts are single writes first.
      for (const move of s.moves) if (!store.contacts.has(move.id)) store.put('contact', { id: move.id, name: `contact ${move.id}`, ownerId: 'u-1', version: 1 });
      const prevs = s.moves.map((move) => store.contacts.get(move.id)!);
      const nexts = prevs.map((prev, i) => ({ ...prev, ownerId: s.moves[i]!.ownerId, version: prev.version + 1 }));
      store.replaceAll('contact', prevs, nexts);
      // The scan reads the records the store holds: that they are the ones written is checked here.
      expect(nexts.filter((next) => store.contacts.get(next.id) !== next)).toEqual([]);
      return false;
    }
    case 'task':
      store.put('task', { ...s.task, title: s.task.id, transferReason: null, version: version(store.tasks.get(s.task.id)) } satisfies Task);
      return false;
    case 'tasks': {
      for (const move of s.moves) if (!store.tasks.has(move.id)) store.put('task', { id: move.id, title: move.id, assigneeId: 'u-1', state: 'created', transferable: false, transferReason: null, version: 1 });
      const prevs = s.moves.map((move) => store.tasks.get(move.id)!);
      const nexts = prevs.map((prev, i) => ({ ...prev, assigneeId: s.moves[i]!.assigneeId, transferable: s.moves[i]!.transferable, version: prev.version + 1 }));
      store.replaceAll('task', prevs, nexts);
      expect(nexts.filter((next) => store.tasks.get(next.id) !== next)).toEqual([]);
      return false;
    }
    case 'brain':
      store.put('salesBrain', { id: s.id, name: s.id, memberIds: s.memberIds } satisfies SalesBrain);
      return false;
    case 'phone':
      store.put('phoneNumber', { ...store.phoneNumbers.get(s.id)!, status: s.status, version: version(store.phoneNumbers.get(s.id)) });
      return false;
    case 'session':
      store.put('session', { id: s.id, userId: userOfSession(s.id), startedAt: '2026-01-01T00:00:00.000Z', endedAt: s.ended ? '2026-01-02T00:00:00.000Z' : null } satisfies Session);
      return false;
    case 'audit': {
      const entry: AuditEntry = { id: `a-${store.auditLog.length + 1}`, seq: store.auditLog.length + 1, at: '2026-01-01T00:00:00.000Z', actorId: 'u-1', action: 'user.reactivated', target: { type: 'user', id: s.targetId }, effects: {} };
      store.appendAudit(entry);
      audits.push(entry);
      return false;
    }
    case 'retract': {
      const entry = audits.pop();
      if (entry) store.retractLastAudit(entry);
      return false;
    }
    case 'settle':
      store.settle();
      return true;
  }
}

describe('OrganisationStore: every index says what a scan of the records says', () => {
  it('after any sequence of single and bulk writes, audit appends and retractions, and settles', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), (steps) => {
        const store = new OrganisationStore(organisation(), DEFAULT_POLICY);
        const audits: AuditEntry[] = [];
        // Reads before any write fill the caches a later write must invalidate.
        store.settle();
        expect(indexed(store, true)).toEqual(scanned(store));
        let settled = true;
        for (const s of steps) {
          // A change's writes are settled before anything lists them; `settle` steps also come between writes.
          settled = apply(store, s, audits) || (s.kind === 'audit' || s.kind === 'retract' ? settled : false);
          expect(indexed(store, settled), JSON.stringify(s)).toEqual(scanned(store, settled));
        }
        store.settle();
        expect(indexed(store, true)).toEqual(scanned(store));
        // One cached listing per owner with contacts (the five users and 'u-gone'), plus orphaned and all: bounded by the owners, not by the reads.
        expect(store.cachedListings).toBeGreaterThanOrEqual(2);
        expect(store.cachedListings).toBeLessThanOrEqual(USERS.length + 3);
      }),
      { seed: 20_261_130, numRuns: 300 },
    );
  });

  it('history is indexed by user and by contact; a record without a contact only by its user', () => {
    const store = new OrganisationStore(organisation(), DEFAULT_POLICY);
    expect(store.historyOf({ userId: 'u-2' }).map((r) => r.id)).toEqual(['h-2', 'h-1']);
    expect(store.historyOf({ contactId: 'c-10' }).map((r) => r.id)).toEqual(['h-2', 'h-3']);
    expect(store.historyOf({ userId: 'u-9' })).toEqual([]);
    expect(store.historyOf({ contactId: 'c-9' })).toEqual([]);
    expect(store.historyOf({}).map((r) => r.id)).toEqual(['h-2', 'h-1', 'h-3']);
  });

  it('R10: the audit log given with the data is kept, indexed by target; only the newest entry can be retracted (a rolled-back change taking its own back)', () => {
    const store = new OrganisationStore(organisation(), DEFAULT_POLICY);
    expect(store.auditOf('u-2').map((entry) => entry.id)).toEqual(['a-1']);
    expect(new OrganisationStore({ ...organisation(), auditLog: undefined }, DEFAULT_POLICY).auditLog).toEqual([]);
    const entry: AuditEntry = { ...store.auditLog[0]!, id: 'a-2', seq: 2, target: { type: 'user', id: 'u-3' } };
    store.appendAudit(entry);
    expect(() => store.retractLastAudit(store.auditLog[0]!)).toThrow('audit log can only retract its newest entry');
    expect(store.auditLog.map((e) => e.id)).toEqual(['a-1', 'a-2']);
    store.retractLastAudit(entry);
    expect(store.auditLog.map((e) => e.id)).toEqual(['a-1']);
    expect(store.auditOf('u-3')).toEqual([]);
    expect(store.auditOf('u-2').map((e) => e.id)).toEqual(['a-1']);
  });

  it('compareKeys orders by UTF-16 code units and says 0 only for the same key', () => {
    expect(['b', 'B', 'a', 'a0', '10', '9'].sort(compareKeys)).toEqual(['10', '9', 'B', 'a', 'a0', 'b']);
    expect(compareKeys('a', 'a')).toBe(0);
    expect(compareKeys('a', 'b')).toBe(-1);
    expect(compareKeys('b', 'a')).toBe(1);
  });

  it('keeps at most 16 filtered user listings, and a listing is computed again once a user changes', () => {
    const store = new OrganisationStore(organisation(), DEFAULT_POLICY);
    let selections = 0;
    const keyOf = (u: User) => u.id;
    const list = (filterKey: string) =>
      store.userListing(filterKey, keyOf, () => {
        selections += 1;
        return true;
      });
    for (let i = 0; i < 16; i++) list(`filter ${i}`);
    expect(selections).toBe(16);
    for (let i = 0; i < 16; i++) list(`filter ${i}`);
    expect(selections).toBe(16);
    // The 17th clears the 16 before it: asking the first again selects again.
    list('filter 16');
    list('filter 0');
    expect(selections).toBe(18);
    store.put('user', { ...store.users.get('u-1')!, version: 2 });
    list('filter 0');
    expect(selections).toBe(19);
  });
});
