import { describe, expect, it } from 'vitest';
import type { ScheduledDeactivation } from '../../src/domain/schedules';
import { DEMO_NOW, DEMO_ORGANISATION_ID, demoOrganisation } from '../../src/fixtures';
import { createInMemoryBackend, type InMemoryBackend } from '../../src/inMemory';
import { ScheduleBook } from '../../src/inMemory/scheduleBook';
import { as, observer, people, refusal, testClock } from '../../src/testing';

const backendAt = () => createInMemoryBackend({ data: demoOrganisation(), clock: testClock() });
/** What an untyped caller (plain JavaScript, a JSON body) may leave out, where the types ask for a value. */
const absent = undefined as never;

const ref = (id: string) => ({ organisationId: DEMO_ORGANISATION_ID, id });

/** The in-memory store answers at once: its read model's answers are values, not promises. */
const findSchedule = (backend: InMemoryBackend, id: string) => backend.readModel().findSchedule(id) as ScheduledDeactivation | undefined;

function schedule(id: string, userId: string, at: string, status: ScheduledDeactivation['status'] = 'pending'): ScheduledDeactivation {
  return { id, userId, scope: 'user', at, reason: null, status, createdBy: people.admin, createdAt: DEMO_NOW, outcome: null, version: 1 };
}

describe('R15 schedules on the in-memory backend', () => {
  it('R12: a member’s listing of schedules is refused as admin-only, naming the read', async () => {
    const backend = backendAt();
    expect((await refusal(backend.listScheduledDeactivations({}, as(people.salesperson)), 'FORBIDDEN')).details).toEqual({ reason: 'admin-only', read: 'scheduled-deactivations' });
  });

  it('R15: a cancellation without a context is refused naming `context`', async () => {
    const backend = backendAt();
    expect((await refusal(backend.cancelScheduledDeactivation('sd-1', absent), 'VALIDATION_FAILED')).details.field).toBe('context');
  });

  it('R15: a run reports what it completed and what it failed, each list soonest first whatever the order they were made in', async () => {
    const backend = backendAt();
    await backend.scheduleDeactivation(people.salesperson, { scope: 'user', at: '2026-11-04T09:00:00Z' }, as(people.admin));
    await backend.scheduleDeactivation(people.spainSeller, { scope: 'license', at: '2026-11-03T09:00:00Z' }, as(people.admin));
    // R4 refuses it when it runs: Diego holds Colombia's last license and its numbers are active.
    await backend.scheduleDeactivation(people.lastInColombia, { scope: 'license', at: '2026-11-03T21:00:00Z' }, as(people.admin));
    await backend.scheduleDeactivation(people.otherSpainSeller, { scope: 'license', at: '2026-11-03T10:00:00Z' }, as(people.admin));
    expect(await backend.runDueSchedules(new Date('2026-11-05T09:00:00Z'))).toEqual({ completed: [ref('sd-2'), ref('sd-4'), ref('sd-1')], failed: [ref('sd-3')] });
    expect(await backend.runDueSchedules(new Date('2026-11-06T09:00:00Z'))).toEqual({ completed: [], failed: [] });
  });

  it('R15: a license schedule meets the license guard, not the user one: it runs for the last active admin (R9 guards users only)', async () => {
    const backend = backendAt();
    const { schedule: scheduled } = await backend.scheduleDeactivation(people.otherAdmin, { scope: 'license', at: '2026-11-03T09:00:00Z' }, as(people.admin));
    await backend.deactivateUser(people.unlicensedAdmin, as(people.admin));
    await backend.deactivateUser(people.admin, as('svc-directory', { kind: 'service' }));
    expect(await backend.runDueSchedules(new Date('2026-11-04T09:00:00Z'))).toEqual({ completed: [ref(scheduled.id)], failed: [] });
    expect(await backend.getUser(people.otherAdmin, observer)).toMatchObject({ status: 'active', license: { country: 'MX', status: 'inactive' } });
  });

  it('R15: the read model lists no pending schedules for a user never scheduled, and the pending one of a scheduled user', async () => {
    const backend = backendAt();
    expect(await backend.readModel().pendingSchedulesOf(people.salesperson)).toEqual([]);
    const { schedule: scheduled } = await backend.scheduleDeactivation(people.salesperson, { scope: 'user', at: '2026-11-03T09:00:00Z' }, as(people.admin));
    expect(await backend.readModel().pendingSchedulesOf(people.salesperson)).toEqual([scheduled]);
  });

  /**
   * A runner collects what is due at once, then takes each in turn in the organisation's queue.
   * The clock below starts one while a creation is half-written (its schedule stored, its audit
   * entry not yet), then throws, so the creation rolls back before the runner's turn.
   */
  function racing(during: (backend: InMemoryBackend) => void) {
    const clock = testClock();
    let armed = false;
    const backend: InMemoryBackend = createInMemoryBackend({
      data: demoOrganisation(),
      clock: () => {
        if (armed && findSchedule(backend, 'sd-1')) {
          armed = false;
          during(backend);
          throw new Error('clock failed while the schedule was being written');
        }
        return clock();
      },
    });
    return {
      backend,
      create: () => {
        armed = true;
        return backend.scheduleDeactivation(people.salesperson, { scope: 'user', at: '2026-11-03T09:00:00Z' }, as(people.admin));
      },
    };
  }

  it('R15: a schedule whose creation rolled back after a runner found it due is skipped, and is gone', async () => {
    let run: Promise<unknown> | undefined;
    const { backend, create } = racing((seen) => (run = seen.runDueSchedules(new Date('2026-11-04T09:00:00Z'))));
    await expect(create()).rejects.toThrow('clock failed while the schedule was being written');
    expect(await run).toEqual({ completed: [], failed: [] });
    expect((await backend.listScheduledDeactivations({}, as(people.admin))).items).toEqual([]);
    expect(await backend.readModel().pendingSchedulesOf(people.salesperson)).toEqual([]);
    expect((await backend.getUser(people.salesperson, observer)).status).toBe('active');
  });

  it('R15: a runner that found sd-1 due skips a new sd-1 (the rolled-back id given again) that is not due yet', async () => {
    let run: Promise<unknown> | undefined;
    let later: Promise<{ schedule: ScheduledDeactivation }> | undefined;
    const { backend, create } = racing((seen) => {
      later = seen.scheduleDeactivation(people.salesperson, { scope: 'user', at: '2026-11-05T09:00:00Z' }, as(people.admin));
      run = seen.runDueSchedules(new Date('2026-11-04T09:00:00Z'));
    });
    await expect(create()).rejects.toThrow('clock failed while the schedule was being written');
    const { schedule: again } = await later!;
    expect([again.id, again.at]).toEqual(['sd-1', '2026-11-05T09:00:00.000Z']);
    expect(await run).toEqual({ completed: [], failed: [] });
    expect((await backend.listScheduledDeactivations({}, as(people.admin))).items).toEqual([again]);
    expect((await backend.getUser(people.salesperson, observer)).status).toBe('active');
  });
});

describe('R15 ScheduleBook: due schedules and removal', () => {
  it('R15: due lists only pending schedules whose time has come, soonest first; none when nothing is due', () => {
    const book = new ScheduleBook();
    expect(book.due(new Date('2026-11-10T00:00:00Z'))).toEqual([]);
    const later = schedule('sd-1', people.salesperson, '2026-11-04T09:00:00.000Z');
    const sooner = schedule('sd-2', people.spainSeller, '2026-11-03T09:00:00.000Z');
    const future = schedule('sd-3', people.otherSpainSeller, '2026-11-06T09:00:00.000Z');
    for (const next of [later, sooner, future]) book.put(next);
    expect(book.due(new Date('2026-11-02T09:00:00Z'))).toEqual([]);
    expect(book.due(new Date('2026-11-05T09:00:00Z'))).toEqual([sooner, later]);
  });

  it('R15: removing an id the book does not hold changes nothing', () => {
    const book = new ScheduleBook();
    const kept = schedule('sd-1', people.salesperson, '2026-11-04T09:00:00.000Z');
    book.put(kept);
    book.remove('sd-9');
    expect([book.find('sd-1'), book.pendingOf(people.salesperson), book.nextId()]).toEqual([kept, [kept], 'sd-2']);
  });
});
