import { as, observer } from '../../src/testing/harness';
import { describe, expect, it, vi } from 'vitest';
import { type Standing } from '../../src';
import { keyedActionMachine, type KeyedActionEmitted } from '../../src/machines';
import { countingKeys, run, settled, setup } from './helpers';

const start = (adapter: ReturnType<typeof setup>['adapter'], actorId: string, requires: Standing) =>
  run(keyedActionMachine, { adapter, caller: as(actorId), requires, createKey: countingKeys() });

/** A task made transferable by R2: Elena's, once her license is gone. */
async function transferableTask(backend: ReturnType<typeof setup>['backend']): Promise<string> {
  await backend.deactivateLicense('u-elena', as('u-ana'));
  return (await backend.listTasks({ transferable: true, state: 'created' }, observer)).items[0]!.id;
}

describe('keyedActionMachine', () => {
  it('R6: a salesperson takes a task; the change is emitted with its audit entry', async () => {
    const { adapter, backend } = setup();
    const taskId = await transferableTask(backend);
    const actor = start(adapter, 'u-carla', 'salesperson');
    const changes: KeyedActionEmitted[] = [];
    actor.on('changed', (event) => changes.push(event));
    await settled(actor, 'idle');
    expect(actor.getSnapshot().context.results).toEqual([]);
    actor.send({ type: 'START', request: { kind: 'takeTask', taskId } });
    expect(actor.getSnapshot().context.key).toBe('key-1');
    await settled(actor, 'idle');
    expect(changes[0]!.results).toMatchObject([{ task: { id: taskId, assigneeId: 'u-carla' }, audit: { action: 'task.taken' } }]);
    expect((await backend.listAuditLog({ action: 'task.taken', targetId: taskId }, observer)).total).toBe(1);
  });

  it('R6, R9: without the standing the machine stops in `refused` and sends nothing', async () => {
    const { adapter } = setup();
    const member = start(adapter, 'u-julia', 'salesperson');
    await settled(member, 'refused');
    expect(member.getSnapshot().context.refusal).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'not-salesperson' } });
    member.send({ type: 'START', request: { kind: 'takeTask', taskId: 't-1' } });
    expect(member.getSnapshot().value).toBe('refused');
    const notAdmin = start(adapter, 'u-carla', 'admin');
    await settled(notAdmin, 'refused');
    expect(notAdmin.getSnapshot().context.refusal).toMatchObject({ details: { reason: 'not-admin' } });
    expect(adapter.calls.takeTask).toBeUndefined();
  });

  it('R11: an answer lost after the change is retried with the same key and applied once; a new START is a new key', async () => {
    const { adapter, backend } = setup();
    const taskId = await transferableTask(backend);
    const actor = start(adapter, 'u-carla', 'salesperson');
    await settled(actor, 'idle');
    adapter.failNext('takeTask', { when: 'after' });
    actor.send({ type: 'START', request: { kind: 'takeTask', taskId } });
    await settled(actor, 'failed');
    expect(actor.getSnapshot().context).toMatchObject({ key: 'key-1', error: { code: 'NETWORK_ERROR' }, request: { taskId } });
    actor.send({ type: 'RETRY' });
    await settled(actor, 'idle');
    expect(adapter.calls.takeTask).toBe(2);
    expect((await backend.listAuditLog({ action: 'task.taken', targetId: taskId }, observer)).total).toBe(1);
    adapter.failNext('takeTask', { when: 'before', code: 'SERVER_ERROR' });
    actor.send({ type: 'START', request: { kind: 'takeTask', taskId } });
    await settled(actor, 'failed');
    expect(actor.getSnapshot().context.key).toBe('key-2');
  });

  it('R4’s way out: ASK shows the intent, CANCEL sends nothing, CONFIRM deactivates each number under a key derived from the intent’s', async () => {
    const { adapter, backend } = setup();
    const actor = start(adapter, 'u-ana', 'admin');
    await settled(actor, 'idle');
    const request = { kind: 'deactivatePhoneNumbers', phoneNumberIds: ['pn-co-1', 'pn-co-2'] } as const;
    actor.send({ type: 'ASK', request });
    expect(actor.getSnapshot().value).toBe('confirming');
    actor.send({ type: 'CANCEL' });
    expect(actor.getSnapshot().context.request).toBeNull();
    actor.send({ type: 'ASK', request });
    adapter.failNext('deactivatePhoneNumber', { when: 'after' });
    actor.send({ type: 'CONFIRM' });
    await settled(actor, 'failed');
    actor.send({ type: 'RETRY' });
    await settled(actor, 'idle');
    const log = await backend.listAuditLog({ action: 'phoneNumber.deactivated' }, observer);
    expect(log.items.map((entry) => entry.target.id).sort()).toEqual(['pn-co-1', 'pn-co-2']);
    expect(adapter.calls.deactivatePhoneNumber).toBe(3);
  });

  it('R15, R11: cancelling a pending schedule is sent under the schedule’s version and the intent’s key, also on retry, and emitted once done', async () => {
    const { adapter, backend } = setup();
    const { schedule } = await backend.scheduleDeactivation('u-oscar', { scope: 'user', at: '2026-12-15T09:00:00.000Z' }, as('u-ana'));
    const cancel = vi.spyOn(adapter, 'cancelScheduledDeactivation');
    const actor = start(adapter, 'u-ana', 'admin');
    const changes: KeyedActionEmitted[] = [];
    actor.on('changed', (event) => changes.push(event));
    await settled(actor, 'idle');
    adapter.failNext('cancelScheduledDeactivation', { when: 'after' });
    actor.send({ type: 'START', request: { kind: 'cancelSchedule', scheduleId: schedule.id, expectedVersion: schedule.version } });
    await settled(actor, 'failed');
    actor.send({ type: 'RETRY' });
    await settled(actor, 'idle');
    expect(cancel.mock.calls).toEqual([
      [schedule.id, { ...as('u-ana'), idempotencyKey: 'key-1', expectedVersion: 1 }],
      [schedule.id, { ...as('u-ana'), idempotencyKey: 'key-1', expectedVersion: 1 }],
    ]);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.results).toMatchObject([{ schedule: { id: schedule.id, status: 'cancelled' }, audit: { action: 'schedule.cancelled' } }]);
    expect((await backend.listScheduledDeactivations({ userId: 'u-oscar' }, observer)).items).toMatchObject([{ id: schedule.id, status: 'cancelled' }]);
  });
});
