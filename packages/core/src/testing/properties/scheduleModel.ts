import type { ScheduleScope } from '../../domain/schedules';
import { DEMO_NOW } from '../../fixtures/demoOrganisation';
import {
  Refused,
  checkLastAdmin,
  checkLastLicense,
  checkSelf,
  deactivateUserInModel,
  dropLicense,
  licensed,
  refuse,
  userOf,
  type ModelCommand,
  type ModelSchedule,
  type ModelState,
} from './model';

/** R15, restated plainly: what scheduling, cancelling and the passing of time do, written without the core's guards. */

const HOUR = 60 * 60 * 1000;

/** The instant a `scheduleDeactivation` command names. */
export const scheduledAt = (hours: number): string => new Date(Date.parse(DEMO_NOW) + hours * HOUR).toISOString();

const pendingOf = (m: ModelState, userId: string, scope: ScheduleScope) =>
  [...m.schedules.values()].find((schedule) => schedule.userId === userId && schedule.scope === scope && schedule.status === 'pending');

export function scheduleInModel(m: ModelState, c: Extract<ModelCommand, { op: 'scheduleDeactivation' }>): void {
  if (Date.parse(scheduledAt(c.hours)) <= m.now) refuse('VALIDATION_FAILED');
  const u = userOf(m, c.target);
  checkSelf(m, c.actor, c.target);
  if (u.status === 'inactive') refuse('ALREADY_INACTIVE');
  if (c.scope === 'license' && !licensed(u)) refuse('NO_LICENSE');
  if (pendingOf(m, c.target, c.scope)) refuse('SCHEDULE_CONFLICT');
  m.schedules.set(`sd-${m.schedules.size + 1}`, { userId: c.target, scope: c.scope, at: Date.parse(scheduledAt(c.hours)), status: 'pending', version: 1 });
}

export function cancelInModel(m: ModelState, c: Extract<ModelCommand, { op: 'cancelScheduledDeactivation' }>): void {
  const schedule = m.schedules.get(c.schedule) ?? refuse('NOT_FOUND');
  if (c.expectedVersion !== undefined && c.expectedVersion !== schedule.version) refuse('VERSION_CONFLICT');
  if (schedule.status !== 'pending') refuse('SCHEDULE_NOT_PENDING');
  settle(schedule, 'cancelled');
}

function settle(schedule: ModelSchedule, status: 'completed' | 'failed' | 'cancelled'): void {
  schedule.status = status;
  schedule.version += 1;
}

/** A deactivation completes the pending schedules it makes moot: answers how many (one audit entry each). */
export function settleMootSchedules(m: ModelState, userId: string, scope: ScheduleScope): number {
  const moot = (scope === 'license' ? ['license'] : ['license', 'user']) as ScheduleScope[];
  const settled = moot.map((candidate) => pendingOf(m, userId, candidate)).filter((schedule) => schedule !== undefined);
  for (const schedule of settled) settle(schedule, 'completed');
  return settled.length;
}

/**
 * The clock moves on by `hours`; every pending schedule due by then runs, soonest first (then by
 * id), as a service meeting the guards of that moment: a refusal fails it, changing nothing else.
 */
export function passTimeInModel(m: ModelState, hours: number): void {
  m.now += hours * HOUR;
  const due = [...m.schedules].filter(([, schedule]) => schedule.status === 'pending' && schedule.at <= m.now);
  due.sort(([a, x], [b, y]) => x.at - y.at || (a < b ? -1 : 1));
  for (const [, schedule] of due) {
    if (schedule.status !== 'pending') continue;
    const u = m.users.get(schedule.userId)!;
    try {
      if (schedule.scope === 'license') {
        if (u.license?.status !== 'active') refuse('NO_LICENSE');
        checkLastLicense(m, u);
        dropLicense(m, schedule.userId, u);
        u.version += 1;
      } else {
        if (u.status === 'inactive') refuse('ALREADY_INACTIVE');
        checkLastAdmin(m, u);
        checkLastLicense(m, u);
        deactivateUserInModel(m, schedule.userId, u);
      }
      m.audits += 1 + settleMootSchedules(m, schedule.userId, schedule.scope);
    } catch (error) {
      if (!(error instanceof Refused)) throw error;
      settle(schedule, 'failed');
      m.audits += 1;
    }
  }
}
