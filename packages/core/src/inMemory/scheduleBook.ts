import type { ListScheduledDeactivationsQuery } from '../adapter/OffboardAdapter';
import type { ScheduledDeactivation } from '../domain/schedules';
import { deepFreeze } from './transaction';

/** Schedules sort by when they run, then id; `at` is ISO 8601 in UTC, so text order is time order. */
export const scheduleKey = (schedule: ScheduledDeactivation): string => `${schedule.at}\u0000${schedule.id}`;
const byKey = (a: ScheduledDeactivation, b: ScheduledDeactivation) => (scheduleKey(a) < scheduleKey(b) ? -1 : 1);

/**
 * R15: one organisation's scheduled deactivations, with the pending ones indexed by user. Records
 * are replaced, never edited, so a rolled-back change puts the previous one back.
 */
export class ScheduleBook {
  private readonly records = new Map<string, ScheduledDeactivation>();
  private readonly pendingByUser = new Map<string, Map<string, ScheduledDeactivation>>();

  /** Ids count up per organisation; a rolled-back creation gives its id back. */
  nextId(): string {
    return `sd-${this.records.size + 1}`;
  }

  find(scheduleId: string): ScheduledDeactivation | undefined {
    return this.records.get(scheduleId);
  }

  pendingOf(userId: string): readonly ScheduledDeactivation[] {
    return [...(this.pendingByUser.get(userId)?.values() ?? [])];
  }

  /** Pending schedules due by `now`, soonest first. */
  due(now: Date): ScheduledDeactivation[] {
    const due: ScheduledDeactivation[] = [];
    for (const pending of this.pendingByUser.values()) for (const schedule of pending.values()) if (Date.parse(schedule.at) <= now.getTime()) due.push(schedule);
    return due.sort(byKey);
  }

  /** Every schedule the query selects, soonest first. */
  list(query: ListScheduledDeactivationsQuery): ScheduledDeactivation[] {
    const selected = [...this.records.values()].filter(
      (schedule) => (!query.userId || schedule.userId === query.userId) && (!query.status || schedule.status === query.status),
    );
    return selected.sort(byKey);
  }

  /** Writes a schedule and keeps the index in step; returns the one it replaced. Records are frozen: listings hand them out as they are. */
  put(next: ScheduledDeactivation): ScheduledDeactivation | undefined {
    const prev = this.records.get(next.id);
    this.records.set(next.id, deepFreeze(next));
    this.unindex(next);
    if (next.status === 'pending') {
      let pending = this.pendingByUser.get(next.userId);
      if (!pending) this.pendingByUser.set(next.userId, (pending = new Map()));
      pending.set(next.scope, next);
    }
    return prev;
  }

  /** Only a rolled-back creation removes a schedule. */
  remove(scheduleId: string): void {
    const schedule = this.records.get(scheduleId);
    if (!schedule) return;
    this.records.delete(scheduleId);
    this.unindex(schedule);
  }

  private unindex(schedule: ScheduledDeactivation): void {
    const pending = this.pendingByUser.get(schedule.userId);
    if (pending?.get(schedule.scope)?.id === schedule.id) pending.delete(schedule.scope);
  }
}
