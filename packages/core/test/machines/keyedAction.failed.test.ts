import { as, observer } from '../../src/testing/harness';
import { describe, expect, it, vi } from 'vitest';
import { type Standing } from '../../src';
import { keyedActionMachine, type KeyedActionEmitted, type KeyedRequest } from '../../src/machines';
import { countingKeys, run, settled, setup } from './helpers';

/**
 * What a failed intent does with each next event: RETRY resends it only when the failure was a
 * transport one (R11), a new START or ASK replaces it with a new intent under a new key, CANCEL
 * drops it. The machine file covers the paths from `idle`; these follow the ones from `failed`.
 */
const start = (adapter: ReturnType<typeof setup>['adapter'], actorId: string, requires: Standing) =>
  run(keyedActionMachine, { adapter, caller: as(actorId), requires, createKey: countingKeys() });

/** A task made transferable by R2: one of Elena's, once her license is gone, other than `except`. */
async function transferableTask(backend: ReturnType<typeof setup>['backend'], except?: string): Promise<string> {
  await backend.deactivateLicense('u-elena', as('u-ana'));
  return (await backend.listTasks({ transferable: true, state: 'created' }, observer)).items.find((task) => task.id !== except)!.id;
}

/** Elena still holds her license, so R6 refuses taking her tasks: a rule's refusal, not a transport failure. */
async function heldTask(backend: ReturnType<typeof setup>['backend']): Promise<string> {
  return (await backend.listTasks({ assigneeId: 'u-elena', state: 'created' }, observer)).items[0]!.id;
}

describe('keyedActionMachine after a failure', () => {
  it('R11: a rule’s refusal is not retried — RETRY stays failed and sends nothing; a new START is a new intent under a new key, cleared once done', async () => {
    const { adapter, backend } = setup();
    const refusedTask = await heldTask(backend);
    const take = vi.spyOn(adapter, 'takeTask');
    const actor = start(adapter, 'u-carla', 'salesperson');
    const changes: KeyedActionEmitted[] = [];
    actor.on('changed', (event) => changes.push(event));
    await settled(actor, 'idle');
    actor.send({ type: 'START', request: { kind: 'takeTask', taskId: refusedTask } });
    await settled(actor, 'failed');
    const refusal = actor.getSnapshot().context.error!;
    expect(refusal.retryable).toBe(false);

    actor.send({ type: 'RETRY' });
    expect(actor.getSnapshot().value).toBe('failed');
    expect(actor.getSnapshot().context.error).toBe(refusal);
    expect(take).toHaveBeenCalledTimes(1);

    // Another task: the new intent must replace the failed one, not resend it.
    const taskId = await transferableTask(backend, refusedTask);
    const request: KeyedRequest = { kind: 'takeTask', taskId };
    actor.send({ type: 'START', request });
    expect(actor.getSnapshot().value).toBe('running');
    expect(actor.getSnapshot().context).toMatchObject({ request, key: 'key-2', error: null });
    await settled(actor, 'idle');
    expect(take.mock.calls).toEqual([
      [refusedTask, { ...as('u-carla'), idempotencyKey: 'key-1' }],
      [taskId, { ...as('u-carla'), idempotencyKey: 'key-2' }],
    ]);
    // Done: the results are kept for the view, the intent and its key are gone.
    const { context } = actor.getSnapshot();
    expect(context).toMatchObject({ request: null, key: null, error: null });
    expect(context.results).toMatchObject([{ task: { id: taskId, assigneeId: 'u-carla' }, audit: { action: 'task.taken' } }]);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.results).toBe(context.results);
  });

  it('R4’s way out: ASK after a failure shows the new intent with no key and no error; CONFIRM sends it under a new key, one change per number', async () => {
    const { adapter, backend } = setup();
    const deactivate = vi.spyOn(adapter, 'deactivatePhoneNumber');
    const actor = start(adapter, 'u-ana', 'admin');
    await settled(actor, 'idle');
    adapter.failNext('deactivatePhoneNumber', { when: 'before', code: 'SERVER_ERROR' });
    actor.send({ type: 'ASK', request: { kind: 'deactivatePhoneNumbers', phoneNumberIds: ['pn-ar-1'] } });
    actor.send({ type: 'CONFIRM' });
    expect(actor.getSnapshot().context.key).toBe('key-1');
    await settled(actor, 'failed');

    const request: KeyedRequest = { kind: 'deactivatePhoneNumbers', phoneNumberIds: ['pn-co-1', 'pn-co-2'] };
    actor.send({ type: 'ASK', request });
    expect(actor.getSnapshot().value).toBe('confirming');
    expect(actor.getSnapshot().context).toMatchObject({ request, key: null, error: null });
    expect(deactivate).toHaveBeenCalledTimes(1);

    actor.send({ type: 'CONFIRM' });
    expect(actor.getSnapshot().context.key).toBe('key-2');
    await settled(actor, 'idle');
    expect(deactivate.mock.calls.slice(1).map(([id, context]) => [id, context.idempotencyKey])).toEqual([
      ['pn-co-1', 'key-2.pn-co-1'],
      ['pn-co-2', 'key-2.pn-co-2'],
    ]);
    expect(actor.getSnapshot().context.results.map((change) => ('phoneNumber' in change ? change.phoneNumber : null))).toMatchObject([
      { id: 'pn-co-1', status: 'inactive' },
      { id: 'pn-co-2', status: 'inactive' },
    ]);
    expect((await backend.listAuditLog({ action: 'phoneNumber.deactivated' }, observer)).total).toBe(2);
  });

  it('CANCEL after a failure drops the intent: back to idle with no request, key or error, and nothing more is sent', async () => {
    const { adapter, backend } = setup();
    const taskId = await transferableTask(backend);
    const actor = start(adapter, 'u-carla', 'salesperson');
    await settled(actor, 'idle');
    adapter.failNext('takeTask', { when: 'before' });
    actor.send({ type: 'START', request: { kind: 'takeTask', taskId } });
    await settled(actor, 'failed');
    actor.send({ type: 'CANCEL' });
    expect(actor.getSnapshot().value).toBe('idle');
    expect(actor.getSnapshot().context).toMatchObject({ request: null, key: null, error: null, results: [] });
    // A RETRY now has no intent to resend.
    actor.send({ type: 'RETRY' });
    expect(actor.getSnapshot().value).toBe('idle');
    expect(adapter.calls.takeTask).toBe(1);
  });
});
