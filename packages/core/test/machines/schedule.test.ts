import { as } from '../../src/testing/harness';
import { describe, expect, it } from 'vitest';
import type { OffboardingPlan } from '../../src';
import { localDate, openingScope, pendingSchedules, pendingScheduleView, scheduleHold, scheduleInstant, scheduleRefusals, type ScheduleDraft } from '../../src/machines';
import { setup } from './helpers';

/**
 * The schedule form's pure parts (R15), judged on their own: what a typed date and time mean, what
 * holds the form, which refusals are shown before anything is sent, and how a pending schedule is said.
 * Every instant is built in the test's own time zone, as the form reads it.
 */
const draft = (date: string, time: string): ScheduleDraft => ({ scope: 'user', date, time });

async function planOf(userId: string, actorId = 'u-ana', prepare?: (backend: ReturnType<typeof setup>['backend']) => Promise<unknown>): Promise<OffboardingPlan> {
  const { backend } = setup();
  await prepare?.(backend);
  return backend.getOffboardingPlan(userId, {}, as(actorId));
}

describe('scheduleInstant: a date field’s YYYY-MM-DD and a time field’s HH:MM, nothing else (R15)', () => {
  it('R15: a complete date and time name that local instant', () => {
    expect(scheduleInstant(draft('2026-12-01', '09:30'))).toEqual(new Date(2026, 11, 1, 9, 30));
    expect(scheduleInstant(draft('', '09:30'))).toBeNull();
    expect(scheduleInstant(draft('2026-12-01', ''))).toBeNull();
  });

  it('R15: the date is anchored at both ends, even where the engine’s lenient parser would read more', () => {
    // Both parse in V8 ('+002026' is an expanded year; '(' opens a comment that swallows the time).
    expect(new Date('+002026-12-01T09:00').getTime()).not.toBeNaN();
    expect(new Date('2026-12-01(T09:00').getTime()).not.toBeNaN();
    expect(scheduleInstant(draft('+002026-12-01', '09:00'))).toBeNull();
    expect(scheduleInstant(draft('2026-12-01(', '09:00'))).toBeNull();
  });

  it('R15: the time is anchored at both ends: seconds or a zone are not a time field’s HH:MM', () => {
    for (const time of ['10:09:00', '09:00:30', '09:00Z']) {
      expect(new Date(`2026-12-01T${time}`).getTime()).not.toBeNaN();
      expect(scheduleInstant(draft('2026-12-01', time))).toBeNull();
    }
  });

  it('R15: an impossible day is refused, not rolled into the next: 30 February, 31 April, and 24:00 (the next day’s midnight)', () => {
    expect(scheduleInstant(draft('2026-02-30', '09:00'))).toBeNull();
    expect(scheduleInstant(draft('2026-04-31', '09:00'))).toBeNull();
    // Same month, next day: only the day tells it from 1 December.
    expect(new Date('2026-12-01T24:00').getMonth()).toBe(11);
    expect(scheduleInstant(draft('2026-12-01', '24:00'))).toBeNull();
    expect(scheduleInstant(draft('2026-02-28', '23:59'))).toEqual(new Date(2026, 1, 28, 23, 59));
  });
});

describe('scheduleHold and localDate (R15)', () => {
  it('R15: the form is held while incomplete, and for an instant that is not after now; exactly now counts as past', () => {
    const now = new Date(2026, 11, 1, 9, 0);
    expect(scheduleHold(draft('2026-12-01', ''), now)).toEqual({ key: 'schedule.hold.incomplete' });
    expect(scheduleHold(draft('2026-02-30', '09:00'), now)).toEqual({ key: 'schedule.hold.incomplete' });
    expect(scheduleHold(draft('2026-12-01', '09:00'), now)).toEqual({ key: 'schedule.hold.past' });
    expect(scheduleHold(draft('2026-12-01', '08:59'), now)).toEqual({ key: 'schedule.hold.past' });
    expect(scheduleHold(draft('2026-12-01', '09:01'), now)).toBeNull();
    expect(scheduleHold(draft('2026-12-01', '09:00'), new Date(now.getTime() - 1))).toBeNull();
  });

  it('R15: localDate is now’s local date as a date field’s value, month and day padded to two digits', () => {
    expect(localDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(localDate(new Date(2026, 11, 31, 0, 0))).toBe('2026-12-31');
  });
});

describe('scheduleRefusals: what the backend refuses at once, shown before anything is sent (R15)', () => {
  it('R15, R9, R12: the caller’s standing and the user’s state refuse both scopes at once, with the deactivation’s own refusal', async () => {
    const cases: [string, string, string][] = [
      ['u-ana', 'u-ana', 'CANNOT_DEACTIVATE_SELF'],
      ['u-carla', 'u-carla', 'FORBIDDEN'],
      ['u-karla', 'u-ana', 'ALREADY_INACTIVE'],
    ];
    for (const [userId, actorId, code] of cases) {
      const plan = await planOf(userId, actorId);
      expect(plan.refusals.deactivateUser?.code).toBe(code);
      expect(scheduleRefusals(plan)).toEqual({ license: plan.refusals.deactivateUser, user: plan.refusals.deactivateUser });
      expect(openingScope(plan, 'user')).toBeNull();
    }
    // A plan from another backend may say the user is gone: nothing can be scheduled for them either.
    const elena = await planOf('u-elena');
    const gone = { code: 'NOT_FOUND', message: 'Not found.', details: { entity: 'user', id: 'u-elena' } } as const;
    expect(scheduleRefusals({ ...elena, refusals: { ...elena.refusals, deactivateUser: gone } })).toEqual({ license: gone, user: gone });
  });

  it('R15, R4: a refusal judged when the schedule runs (the last license of a country with numbers) does not keep one from being made', async () => {
    const diego = await planOf('u-diego');
    expect(diego.refusals.deactivateUser?.code).toBe('LAST_LICENSE_IN_COUNTRY');
    expect(scheduleRefusals(diego)).toEqual({ license: null, user: null });
    expect(openingScope(diego, 'license')).toBe('license');
  });

  it('R15: without an active license the license scope is refused with NO_LICENSE naming the user; the user scope stays open', async () => {
    for (const userId of ['u-julia', 'u-marta']) {
      expect(scheduleRefusals(await planOf(userId))).toEqual({ license: { code: 'NO_LICENSE', details: { id: userId } }, user: null });
    }
  });

  it('R15: a pending schedule refuses its own scope with SCHEDULE_CONFLICT naming it; the form opens on the other scope', async () => {
    const plan = await planOf('u-carla', 'u-ana', (backend) => backend.scheduleDeactivation('u-carla', { scope: 'user', at: '2026-12-05T09:00:00Z' }, { ...as('u-ana'), idempotencyKey: 'k-1' }));
    const pending = plan.scheduled.user!;
    expect(scheduleRefusals(plan)).toEqual({ license: null, user: { code: 'SCHEDULE_CONFLICT', details: { entity: 'schedule', id: pending.id, scope: 'user' } } });
    expect(openingScope(plan, 'user')).toBe('license');
  });
});

describe('pendingScheduleView: a pending schedule where the user appears (R15)', () => {
  it('R15, R11: its words name the scope and the instant, its reason the code, and its Cancel is a keyed cancelSchedule under the schedule’s version', async () => {
    const at = '2026-12-05T09:00:00.000Z';
    const plan = await planOf('u-carla', 'u-ana', async (backend) => {
      await backend.scheduleDeactivation('u-carla', { scope: 'license', at }, { ...as('u-ana'), idempotencyKey: 'k-license' });
      await backend.scheduleDeactivation('u-carla', { scope: 'user', at, reason: { code: 'left-company' } }, { ...as('u-ana'), idempotencyKey: 'k-user' });
    });
    const license = plan.scheduled.license!;
    const user = plan.scheduled.user!;
    expect(pendingScheduleView(license)).toEqual({
      schedule: license,
      label: { key: 'schedule.pending.license', values: { at: license.at } },
      menuLabel: { key: 'menu.cancelSchedule.license', values: { at: license.at } },
      reason: null,
      cancel: { request: { kind: 'cancelSchedule', scheduleId: license.id, expectedVersion: license.version }, options: { part: 'cancel-schedule', label: { key: 'schedule.cancel' } } },
    });
    expect(pendingScheduleView(user)).toMatchObject({
      menuLabel: { key: 'menu.cancelSchedule.user', values: { at: user.at } },
      reason: { key: 'schedule.pending.reason', values: { reason: 'left-company' } },
    });
    // User first, as the menu lists them.
    expect(pendingSchedules(plan).map((view) => view.schedule.id)).toEqual([user.id, license.id]);
  });
});
