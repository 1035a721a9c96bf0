import { describe, expect, it } from 'vitest';
import { AUDIT_CSV_COLUMNS, auditCsv, auditCsvRecord, auditJson, csvField } from '../../src/audit';
import type { AuditEntry } from '../../src';

const entry = (seq: number, extra: Partial<AuditEntry> = {}): AuditEntry => ({
  id: `a-${seq}`,
  seq,
  at: `2026-11-0${seq}T10:00:00.000Z`,
  actorId: 'u-admin',
  action: 'user.deactivated',
  target: { type: 'user', id: `u-${seq}` },
  effects: { signInRevoked: true, sessionsEnded: 2 },
  ...extra,
});

async function* pagesOf(...pages: AuditEntry[][]) {
  for (const page of pages) yield page;
}

const collect = async (chunks: AsyncIterable<string>) => {
  const all: string[] = [];
  for await (const chunk of chunks) all.push(chunk);
  return all;
};

describe('csvField (RFC 4180)', () => {
  it('leaves plain text as it is and an absent value empty', () => {
    expect(csvField('plain text')).toBe('plain text');
    expect(csvField(12)).toBe('12');
    expect(csvField(undefined)).toBe('');
  });

  it('quotes a field with a comma, quote or line break, doubling its quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('one\ntwo')).toBe('"one\ntwo"');
    expect(csvField('one\r\ntwo')).toBe('"one\r\ntwo"');
  });

  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tcmd', '\rcmd'])('defuses a field starting with a formula character: %j', (value) => {
    const field = csvField(value);
    expect(field.replace(/^"/, '').startsWith(`'${value[0]}`)).toBe(true);
  });

  it('defuses before quoting, so the quote sits inside the quoted field', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
  });
});

describe('auditCsv', () => {
  it('starts with the header row and ends every record with CRLF', async () => {
    const text = (await collect(auditCsv(pagesOf([entry(1)])))).join('');
    const [header, first, rest] = text.split('\r\n');
    expect(header).toBe(AUDIT_CSV_COLUMNS.join(','));
    expect(first).toBe('1,2026-11-01T10:00:00.000Z,u-admin,,user.deactivated,user,u-1,,,,"{""signInRevoked"":true,""sessionsEnded"":2}"');
    expect(rest).toBe('');
  });

  it('R10: names who acted and the user it was about beside their ids, defused like any field; nothing for an unknown id or a non-user target', async () => {
    const names: Record<string, string> = { 'u-admin': 'Ana García', 'u-1': '=HYPERLINK("http://x","Karla")' };
    const nameOf = (id: string) => names[id];
    const [, first] = (await collect(auditCsv(pagesOf([entry(1)]), nameOf))).join('').split('\r\n');
    expect(first!.split(',').slice(0, 8)).toEqual(['1', '2026-11-01T10:00:00.000Z', 'u-admin', 'Ana García', 'user.deactivated', 'user', 'u-1', `"'=HYPERLINK(""http://x""`]);
    const number = auditCsvRecord(entry(2, { actorId: 'svc-directory', target: { type: 'phoneNumber', id: 'u-1' } }), nameOf);
    expect(number.split(',').slice(2, 8)).toEqual(['svc-directory', '', 'user.deactivated', 'phoneNumber', 'u-1', '']);
  });

  it('writes the reason code and a note with awkward text as one safe field', () => {
    const record = auditCsvRecord(entry(2, { reason: { code: 'other', note: '=cmd|"/c calc"!A1, then\nmore' } }));
    expect(record).toContain(`,other,"'=cmd|""/c calc""!A1, then\nmore",`);
    expect(record.endsWith('\r\n')).toBe(true);
  });

  it('yields one chunk per page read, after the header', async () => {
    const chunks = await collect(auditCsv(pagesOf([entry(3), entry(2)], [entry(1)])));
    expect(chunks).toHaveLength(3);
    expect(chunks[1]!.split('\r\n').filter(Boolean).map((line) => line.split(',')[0])).toEqual(['3', '2']);
    expect(chunks[2]!.startsWith('1,')).toBe(true);
  });
});

describe('auditJson', () => {
  it('streams one JSON array of every entry, across pages', async () => {
    const chunks = await collect(auditJson(pagesOf([entry(3), entry(2)], [entry(1)])));
    expect(chunks.length).toBe(4);
    expect(JSON.parse(chunks.join(''))).toEqual([entry(3), entry(2), entry(1)]);
  });

  it('is an empty array when nothing matches', async () => {
    expect(JSON.parse((await collect(auditJson(pagesOf()))).join(''))).toEqual([]);
    expect(JSON.parse((await collect(auditJson(pagesOf([])))).join(''))).toEqual([]);
  });
});
