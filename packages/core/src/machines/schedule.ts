import { SCHEDULE_SCOPES, type ScheduleScope, type ScheduledDeactivation } from '../domain/schedules';
import { hasActiveLicense } from '../domain/types';
import type { Explainable } from '../i18n/createTranslator';
import { text, type Text } from '../i18n/text';
import type { OffboardingPlan } from '../rules/plan';
import type { KeyedActionConnectOptions } from './keyedAction/keyedAction.connect';
import type { KeyedRequest } from './keyedAction/keyedAction.types';

/**
 * R15 in the kit: "Deactivate on a date…" (a form of scope, local date and time, and reason) and
 * the pending schedules a plan carries, each with its Cancel.
 */

/** The form as typed: `date` and `time` as a native date and time field gives them, in the viewer's time zone. */
export interface ScheduleDraft {
  readonly scope: ScheduleScope;
  /** `YYYY-MM-DD`, or '' until chosen. */
  readonly date: string;
  /** `HH:MM`. */
  readonly time: string;
}

export type SetScheduleEvent = { readonly type: 'SET_SCHEDULE'; readonly scope?: ScheduleScope; readonly date?: string; readonly time?: string };

/** Office hours' start: a time most schedules want, changed in one keystroke when not. */
export const DEFAULT_SCHEDULE_TIME = '09:00';

export const nextSchedule = (draft: ScheduleDraft, { scope, date, time }: SetScheduleEvent): ScheduleDraft => ({
  scope: scope ?? draft.scope,
  date: date ?? draft.date,
  time: time ?? draft.time,
});

/**
 * The instant a local date and time name in the viewer's time zone, or `null` for an incomplete or
 * impossible one (a 31 February a typed field let through). Sent as UTC (`toISOString`), which the
 * contract takes.
 */
export function scheduleInstant({ date, time }: ScheduleDraft): Date | null {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!parts || !/^\d{2}:\d{2}$/.test(time)) return null;
  const at = new Date(`${date}T${time}`);
  return at.getDate() === Number(parts[3]) && at.getMonth() + 1 === Number(parts[2]) ? at : null;
}

/** What keeps the form from being sent, judged before anything is: a missing or a past instant. */
export function scheduleHold(draft: ScheduleDraft, now: Date): Text | null {
  const at = scheduleInstant(draft);
  if (!at) return text('schedule.hold.incomplete');
  return at.getTime() > now.getTime() ? null : text('schedule.hold.past');
}

const pad = (n: number) => String(n).padStart(2, '0');
/** `now`'s local date as a date field's value: its `min`, so no earlier day is offered. */
export const localDate = (now: Date): string => `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;

/** The refusals the backend makes at once (R15): standing and self as for deactivating, no license, a pending one of the scope. */
const NOW_CODES: readonly string[] = ['FORBIDDEN', 'CANNOT_DEACTIVATE_SELF', 'NOT_FOUND', 'ALREADY_INACTIVE'];

/**
 * Why each scope cannot be scheduled now, from the plan: what the backend would refuse at once.
 * R4 and R9's last admin are left out: they are judged when it runs, as the backend does.
 */
export function scheduleRefusals(plan: OffboardingPlan): Readonly<Record<ScheduleScope, Explainable | null>> {
  const deactivate = plan.refusals.deactivateUser;
  const standing = deactivate && NOW_CODES.includes(deactivate.code) ? deactivate : null;
  const of = (scope: ScheduleScope): Explainable | null => {
    const pending = plan.scheduled[scope];
    if (standing) return standing;
    if (scope === 'license' && !hasActiveLicense(plan.user)) return { code: 'NO_LICENSE', details: { id: plan.user.id } };
    return pending ? { code: 'SCHEDULE_CONFLICT', details: { entity: 'schedule', id: pending.id, scope } } : null;
  };
  return { license: of('license'), user: of('user') };
}

/** The scope a form opens on: the preferred one when it can be scheduled, else the first that can; `null` when none. */
export function openingScope(plan: OffboardingPlan, preferred: ScheduleScope): ScheduleScope | null {
  const refusals = scheduleRefusals(plan);
  return [preferred, ...SCHEDULE_SCOPES].find((scope) => refusals[scope] === null) ?? null;
}

/** A pending schedule where the user appears: what and when, in the viewer's locale and zone, and its Cancel (a keyed action, R11). */
export interface PendingScheduleView {
  readonly schedule: ScheduledDeactivation;
  /** "License deactivation scheduled for 1 Dec 2026, 09:00 CET"; the instant is said with Intl. */
  readonly label: Text;
  /** The menu item that cancels it: "Cancel the deactivation scheduled for …". */
  readonly menuLabel: Text;
  /** The reason it will carry, in words; `null` without one. */
  readonly reason: Text | null;
  /** The keyed action that cancels it, under the schedule's version. */
  readonly cancel: { readonly request: KeyedRequest; readonly options: KeyedActionConnectOptions };
}

export function pendingScheduleView(schedule: ScheduledDeactivation): PendingScheduleView {
  return {
    schedule,
    label: text(`schedule.pending.${schedule.scope}`, { at: schedule.at }),
    menuLabel: text(`menu.cancelSchedule.${schedule.scope}`, { at: schedule.at }),
    reason: schedule.reason ? text('schedule.pending.reason', { reason: schedule.reason.code }) : null,
    cancel: {
      request: { kind: 'cancelSchedule', scheduleId: schedule.id, expectedVersion: schedule.version },
      options: { part: 'cancel-schedule', label: text('schedule.cancel') },
    },
  };
}

/** The plan's pending schedules (R15; none for a member, R12), user first. */
export const pendingSchedules = (plan: OffboardingPlan): readonly PendingScheduleView[] =>
  (['user', 'license'] as const).flatMap((scope) => (plan.scheduled[scope] ? [pendingScheduleView(plan.scheduled[scope])] : []));
