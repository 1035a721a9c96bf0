import { describe, expect, it } from 'vitest';
import { auditCsv, auditFilterOf, auditPages, auditReadRefusal, loadHistorySummary, readAuditPage, auditEffectLines } from '../../src/audit';
import { createInMemoryBackend } from '../../src/inMemory';
import { demoOrganisation, generateOrganisation, withGeneratedAuditLog } from '../../src/fixtures';
import { as, refusal } from '../../src/testing';
import type { AuditEntry, ListAuditLogQuery, OffboardAdapter } from '../../src';

const data = withGeneratedAuditLog(generateOrganisation({ contacts: 200, users: 20 }), { entries: 1_200, historyPerUser: 10, spacingMinutes: 60 });
const admin = data.users.find((user) => user.role === 'admin' && user.status === 'active')!;
const member = data.users.find((user) => user.role === 'member' && user.status === 'active')!;

/** The in-memory backend, with every audit-log query it is asked written down. */
function counted() {
  const backend = createInMemoryBackend({ data });
  const queries: ListAuditLogQuery[] = [];
  const adapter: OffboardAdapter = {
    ...backend,
    listAuditLog: (query, context) => {
      queries.push(query);
      return backend.listAuditLog(query, context);
    },
  };
  return { adapter, queries };
}

const readAll = async (pages: AsyncIterable<readonly AuditEntry[]>) => {
  const all: AuditEntry[] = [];
  for await (const page of pages) all.push(...page);
  return all;
};

describe('auditPages', () => {
  it('reads the whole log page by page, newest first (R10), one request per page', async () => {
    const { adapter, queries } = counted();
    const sizes: number[] = [];
    for await (const page of auditPages(adapter, {}, as(admin.id), 500)) sizes.push(page.length);
    expect(sizes).toEqual([500, 500, 200]);
    expect(queries.map((query) => query.limit)).toEqual([500, 500, 500]);
    expect(queries[0]!.cursor).toBeNull();
    expect(queries[1]!.cursor).toEqual(expect.any(String));
  });

  it('sends actor, target and action to the adapter', async () => {
    const { adapter, queries } = counted();
    const target = data.auditLog![0]!.target.id;
    const entries = await readAll(auditPages(adapter, { targetId: target, action: 'user.deactivated' }, as(admin.id)));
    expect(queries[0]).toMatchObject({ targetId: target, action: 'user.deactivated' });
    expect(entries.length).toBe(data.auditLog!.filter((entry) => entry.target.id === target && entry.action === 'user.deactivated').length);
    expect(entries.every((entry) => entry.target.id === target && entry.action === 'user.deactivated')).toBe(true);
  });

  it('applies the date range itself and stops reading at the first entry older than its start', async () => {
    const { adapter, queries } = counted();
    // The newest 300 hours: entries are an hour apart, so 300 entries, read in pages of 100.
    const newest = Date.parse(data.auditLog!.at(-1)!.at);
    const filter = { from: new Date(newest - 299 * 3_600_000).toISOString(), to: new Date(newest + 1).toISOString() };
    const entries = await readAll(auditPages(adapter, filter, as(admin.id), 100));
    expect(entries.length).toBe(300);
    expect(entries.every((entry) => Date.parse(entry.at) >= Date.parse(filter.from))).toBe(true);
    // Three full pages in range, and a fourth that crosses the start and ends the reading: not all twelve.
    expect(queries.length).toBe(4);
  });

  it('a range with no entries reads until it is passed and yields nothing', async () => {
    const { adapter } = counted();
    const filter = auditFilterOf({ fromDay: '2001-01-01', toDay: '2001-01-02' });
    expect(await readAll(auditPages(adapter, filter, as(admin.id), 500))).toEqual([]);
  });

  it('readAuditPage says the total is unknown with a date range, and the adapter total without', async () => {
    const { adapter } = counted();
    expect((await readAuditPage(adapter, {}, null, 10, as(admin.id))).total).toBe(1_200);
    expect((await readAuditPage(adapter, { to: '2100-01-01T00:00:00.000Z' }, null, 10, as(admin.id))).total).toBeNull();
  });

  it('R12: a member exporting the log is refused FORBIDDEN (admin-only) before anything is written', async () => {
    const { adapter } = counted();
    const chunks = auditCsv(auditPages(adapter, {}, as(member.id)));
    // The header is yielded before the first read; the refusal comes with the first page.
    expect((await chunks.next()).value).toMatch(/^seq,/);
    const error = await refusal(chunks.next(), 'FORBIDDEN');
    expect(error.details.reason).toBe('admin-only');
  });
});

describe('auditReadRefusal (R12)', () => {
  const caller = (actorId: string) => ({ organisationId: data.organisationId, actorId });
  it('R12: lets an active admin read the log', () => {
    expect(auditReadRefusal(caller(admin.id), admin)).toBeNull();
  });
  it('R12: refuses a member as admin-only and someone inactive as actor-inactive', () => {
    expect(auditReadRefusal(caller(member.id), member)?.details.reason).toBe('admin-only');
    const inactive = { ...admin, status: 'inactive' as const };
    expect(auditReadRefusal(caller(admin.id), inactive)?.details.reason).toBe('actor-inactive');
  });
  it('R12: judges nothing while the caller record is unknown', () => {
    expect(auditReadRefusal(caller(admin.id), undefined)).toBeUndefined();
  });
});

describe('loadHistorySummary (R1)', () => {
  it('R1: counts the kept history of a user kind by kind, deactivated or not', async () => {
    const backend = createInMemoryBackend({ data: demoOrganisation() });
    const demo = demoOrganisation();
    const inactive = demo.users.find((user) => user.status === 'inactive' && demo.history.some((record) => record.userId === user.id));
    const userId = (inactive ?? demo.users.find((user) => demo.history.some((record) => record.userId === user.id))!).id;
    const adminId = demo.users.find((user) => user.role === 'admin' && user.status === 'active')!.id;
    const summary = await loadHistorySummary(backend, userId, { organisationId: demo.organisationId, actorId: adminId });
    expect(summary.map((row) => row.kind)).toEqual(['call', 'email', 'whatsapp', 'activity', 'metric']);
    for (const row of summary) expect(row.count).toBe(demo.history.filter((record) => record.userId === userId && record.kind === row.kind).length);
    expect(summary.some((row) => row.count > 0)).toBe(true);
  });

  it('R12: a member is refused FORBIDDEN', async () => {
    const backend = createInMemoryBackend({ data });
    await refusal(loadHistorySummary(backend, admin.id, { organisationId: data.organisationId, actorId: member.id }), 'FORBIDDEN');
  });
});

describe('auditEffectLines (R10)', () => {
  it('says every recorded effect, in a fixed order, with its count', () => {
    const lines = auditEffectLines({
      contactsMoved: [
        { toUserId: 'u-1', contactIds: ['c-1', 'c-2'] },
        { toUserId: 'u-2', contactIds: ['c-3'] },
      ],
      signInRevoked: true,
      licenseDeactivated: { country: 'ES' },
      sessionsEnded: 2,
      schedule: { id: 's-1', scope: 'user', at: '2026-12-01T09:00:00.000Z' },
    });
    expect(lines).toEqual([
      { key: 'audit.effect.licenseDeactivated', values: { country: 'ES' } },
      { key: 'audit.effect.signInRevoked' },
      { key: 'audit.effect.sessionsEnded', values: { count: 2 } },
      { key: 'audit.effect.contactsMoved', values: { count: 3, people: 2 } },
      { key: 'audit.effect.schedule.user', values: { at: '2026-12-01T09:00:00.000Z' } },
    ]);
  });

  it('has no line for empty lists or zero counts', () => {
    expect(auditEffectLines({ salesBrainsLeft: [], contactsOrphaned: 0, seatFreed: false })).toEqual([]);
  });
});
