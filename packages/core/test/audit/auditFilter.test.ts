import { describe, expect, it } from 'vitest';
import { auditFilterOf, auditQueryOf, inAuditRange } from '../../src/audit';
import { OffboardError, type AuditEntry } from '../../src';

const at = (instant: string) => ({ at: instant }) as AuditEntry;

describe('auditFilterOf', () => {
  it('leaves empty fields out: an empty form is no filter', () => {
    expect(auditFilterOf({ actorId: '', targetId: '', action: '', fromDay: '', toDay: '' })).toEqual({});
  });

  it('reads days in the viewer time zone, the last day included', () => {
    const filter = auditFilterOf({ fromDay: '2026-03-01', toDay: '2026-03-02' });
    expect(filter.from).toBe(new Date(2026, 2, 1).toISOString());
    expect(filter.to).toBe(new Date(2026, 2, 3).toISOString());
  });

  it('keeps actor, target and action for the adapter, without the dates', () => {
    const filter = auditFilterOf({ actorId: 'u-1', targetId: 'u-2', action: 'user.deactivated', fromDay: '2026-03-01' });
    expect(auditQueryOf(filter)).toEqual({ actorId: 'u-1', targetId: 'u-2', action: 'user.deactivated' });
  });

  it.each([
    [{ fromDay: '2026-02-31' }, 'fromDay'],
    [{ toDay: 'yesterday' }, 'toDay'],
    [{ fromDay: '2026-03-05', toDay: '2026-03-01' }, 'toDay'],
    [{ action: 'user.deleted' }, 'action'],
  ])('refuses %j with VALIDATION_FAILED naming %s', (fields, path) => {
    let error: unknown;
    try {
      auditFilterOf(fields);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(OffboardError);
    expect((error as OffboardError).code).toBe('VALIDATION_FAILED');
    expect((error as OffboardError).details.issues?.map((issue) => issue.path)).toEqual([path]);
  });
});

describe('inAuditRange', () => {
  const filter = { from: '2026-03-01T00:00:00.000Z', to: '2026-03-02T00:00:00.000Z' };
  it('includes the first instant and excludes the end', () => {
    expect(inAuditRange(at('2026-03-01T00:00:00.000Z'), filter)).toBe(true);
    expect(inAuditRange(at('2026-03-01T23:59:59.999Z'), filter)).toBe(true);
    expect(inAuditRange(at('2026-03-02T00:00:00.000Z'), filter)).toBe(false);
    expect(inAuditRange(at('2026-02-28T23:59:59.999Z'), filter)).toBe(false);
  });

  it('compares instants as times, whatever their offset', () => {
    expect(inAuditRange(at('2026-03-01T01:00:00.000+02:00'), filter)).toBe(false);
    expect(inAuditRange(at('2026-03-01T01:00:00.000-02:00'), filter)).toBe(true);
  });
});
