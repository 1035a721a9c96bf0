import { as, observer } from '../../src/testing/harness';
import { describe, expect, it, vi } from 'vitest';
import { reassignContactsMachine, reassignPreview, selectedCount } from '../../src/machines';
import { countingKeys, run, settled, setup } from './helpers';

const start = (adapter: ReturnType<typeof setup>['adapter'], fromOwnerId: string, contactIds?: string[]) =>
  run(reassignContactsMachine, { adapter, caller: as('u-ana'), fromOwnerId, contactIds, createKey: countingKeys() });

describe('reassignContactsMachine', () => {
  it('R5: all of an owner’s contacts split evenly among three salespeople: choose → targets → review → result', async () => {
    const { adapter, backend } = setup();
    const actor = start(adapter, 'u-diego');
    const changes: unknown[] = [];
    actor.on('changed', (event) => changes.push(event));
    await settled(actor, 'choosingContacts');
    expect(actor.getSnapshot().context.ownerContacts).toBe(40);
    expect(actor.getSnapshot().context.owner?.name).toBe('Diego Rojas');
    actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().value).toBe('choosingContacts');
    actor.send({ type: 'SELECT_ALL' });
    actor.send({ type: 'TOGGLE_CONTACT', contactId: 'c-056' });
    expect(selectedCount(actor.getSnapshot().context.selection, 40)).toBe(39);
    actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().value).toBe('choosingTargets');
    actor.send({ type: 'SET_TARGETS', userIds: ['u-carla', 'u-elena', 'u-oscar'] });
    actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().value).toBe('reviewing');
    expect(reassignPreview(actor.getSnapshot().context)).toEqual([
      { userId: 'u-carla', contacts: 13 },
      { userId: 'u-elena', contacts: 13 },
      { userId: 'u-oscar', contacts: 13 },
    ]);
    actor.send({ type: 'SUBMIT' });
    await settled(actor, 'done');
    expect(actor.getSnapshot().context.result).toMatchObject({ total: 39, moved: [
      { userId: 'u-carla', contacts: 13 },
      { userId: 'u-elena', contacts: 13 },
      { userId: 'u-oscar', contacts: 13 },
    ] });
    expect((await backend.listContacts({ ownerId: 'u-diego' }, observer)).items.map((contact) => contact.id)).toEqual(['c-056']);
    expect(changes).toEqual([{ type: 'changed', results: [actor.getSnapshot().context.result] }]);
  });

  it('choosing contacts one by one: a second toggle unchooses; a search’s contacts join the choice without repeats', async () => {
    const { adapter } = setup();
    const actor = start(adapter, 'u-diego', ['c-056']);
    await settled(actor, 'choosingContacts');
    const selection = () => actor.getSnapshot().context.selection;
    expect(selection()).toEqual({ mode: 'some', ids: ['c-056'] });
    actor.send({ type: 'TOGGLE_CONTACT', contactId: 'c-057' });
    actor.send({ type: 'TOGGLE_CONTACT', contactId: 'c-058' });
    actor.send({ type: 'TOGGLE_CONTACT', contactId: 'c-056' });
    expect(selection()).toEqual({ mode: 'some', ids: ['c-057', 'c-058'] });
    actor.send({ type: 'SELECT_CONTACTS', contactIds: ['c-058', 'c-059'] });
    expect(selection()).toEqual({ mode: 'some', ids: ['c-057', 'c-058', 'c-059'] });
    expect(selectedCount(selection(), 40)).toBe(3);
  });

  it('after "select all": toggling leaves a contact out and takes it back; a search’s contacts are taken back in', async () => {
    const { adapter } = setup();
    const actor = start(adapter, 'u-diego');
    await settled(actor, 'choosingContacts');
    const selection = () => actor.getSnapshot().context.selection;
    actor.send({ type: 'SELECT_ALL' });
    actor.send({ type: 'TOGGLE_CONTACT', contactId: 'c-056' });
    actor.send({ type: 'TOGGLE_CONTACT', contactId: 'c-057' });
    actor.send({ type: 'TOGGLE_CONTACT', contactId: 'c-058' });
    actor.send({ type: 'TOGGLE_CONTACT', contactId: 'c-057' });
    expect(selection()).toEqual({ mode: 'all', except: ['c-056', 'c-058'] });
    actor.send({ type: 'SELECT_CONTACTS', contactIds: ['c-058', 'c-059'] });
    expect(selection()).toEqual({ mode: 'all', except: ['c-056'] });
    expect(selectedCount(selection(), 40)).toBe(39);
  });

  it('R5: the targets are read from the active licensed users only, 500 a page', async () => {
    const { adapter } = setup();
    const listUsers = vi.spyOn(adapter, 'listUsers');
    const actor = start(adapter, 'u-diego');
    await settled(actor, 'choosingContacts');
    expect(listUsers).toHaveBeenCalledTimes(1);
    expect(listUsers.mock.calls[0]![0]).toEqual({ status: 'active', licensed: true, limit: 500, cursor: null });
  });

  it('R5: only salespeople other than the owner are offered as targets', async () => {
    const { adapter } = setup();
    const actor = start(adapter, 'u-diego', ['c-056']);
    await settled(actor, 'choosingContacts');
    const candidates = actor.getSnapshot().context.candidates.map((user) => user.id);
    expect(candidates).not.toContain('u-diego');
    for (const ineligible of ['u-julia', 'u-karla', 'u-marta', 'u-nora']) expect(candidates).not.toContain(ineligible);
    expect(candidates).toEqual(expect.arrayContaining(['u-ana', 'u-carla', 'u-bruno']));
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'TOGGLE_TARGET', userId: 'u-julia' });
    actor.send({ type: 'SET_TARGETS', userIds: ['u-carla', 'u-karla'] });
    expect(actor.getSnapshot().context.targets).toEqual([]);
    actor.send({ type: 'TOGGLE_TARGET', userId: 'u-carla' });
    expect(actor.getSnapshot().context.targets).toEqual(['u-carla']);
  });

  it('R9: a member is refused in the first state, before choosing anything or reading a contact', async () => {
    const { adapter } = setup();
    const actor = run(reassignContactsMachine, { adapter, caller: as('u-carla'), fromOwnerId: 'u-diego' });
    await settled(actor, 'refused');
    expect(actor.getSnapshot().context.refusal).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'not-admin' } });
    expect(actor.getSnapshot().context).toMatchObject({ owner: null, ownerContacts: 0, candidates: [], selection: { mode: 'some', ids: [] }, targets: [] });
    actor.send({ type: 'SELECT_ALL' });
    actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().value).toBe('refused');
    expect(adapter.calls.listContacts).toBeUndefined();
    expect(adapter.calls.listUsers).toBeUndefined();
  });

  it('R11: an error keeps every choice; retry and resubmitting unchanged choices reuse the key, so nothing moves twice', async () => {
    const { adapter, backend } = setup();
    const actor = start(adapter, 'u-marta');
    await settled(actor, 'choosingContacts');
    actor.send({ type: 'SELECT_ALL' });
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'SET_TARGETS', userIds: ['u-carla', 'u-elena'] });
    actor.send({ type: 'NEXT' });
    adapter.failNext('reassignContacts', { when: 'after', times: 2 });
    actor.send({ type: 'SUBMIT' });
    await settled(actor, 'failed');
    const { selection, targets, pending } = actor.getSnapshot().context;
    expect({ selection, targets }).toEqual({ selection: { mode: 'all', except: [] }, targets: ['u-carla', 'u-elena'] });
    actor.send({ type: 'BACK' });
    actor.send({ type: 'SUBMIT' });
    await settled(actor, 'failed');
    expect(actor.getSnapshot().context.pending?.idempotencyKey).toBe(pending?.idempotencyKey);
    actor.send({ type: 'RETRY' });
    await settled(actor, 'done');
    expect(actor.getSnapshot().context.result).toMatchObject({ total: 9, moved: [
      { userId: 'u-carla', contacts: 5 },
      { userId: 'u-elena', contacts: 4 },
    ] });
    expect((await backend.listAuditLog({ action: 'contacts.reassigned' }, observer)).total).toBe(1);
    expect(adapter.calls.reassignContacts).toBe(3);
  });

  it('changed choices after a failure get a new key', async () => {
    const { adapter } = setup();
    const actor = start(adapter, 'u-marta', ['c-001']);
    await settled(actor, 'choosingContacts');
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'TOGGLE_TARGET', userId: 'u-carla' });
    actor.send({ type: 'NEXT' });
    adapter.failNext('reassignContacts', { when: 'before' });
    actor.send({ type: 'SUBMIT' });
    await settled(actor, 'failed');
    expect(actor.getSnapshot().context.error?.code).toBe('NETWORK_ERROR');
    actor.send({ type: 'BACK' });
    actor.send({ type: 'BACK' });
    actor.send({ type: 'TOGGLE_TARGET', userId: 'u-elena' });
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'SUBMIT' });
    await settled(actor, 'failed');
    expect(actor.getSnapshot().context.pending?.idempotencyKey).toBe('key-2');
    expect(actor.getSnapshot().context.error?.code).toBe('VERSION_CONFLICT');
  });

  it('R11: a refusal is not retried: RETRY after a VERSION_CONFLICT stays failed and sends nothing', async () => {
    const { adapter } = setup();
    const actor = start(adapter, 'u-marta', ['c-001']);
    await settled(actor, 'choosingContacts');
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'TOGGLE_TARGET', userId: 'u-carla' });
    actor.send({ type: 'NEXT' });
    adapter.failNext('reassignContacts', { when: 'before', code: 'VERSION_CONFLICT' });
    actor.send({ type: 'SUBMIT' });
    await settled(actor, 'failed');
    actor.send({ type: 'RETRY' });
    expect(actor.getSnapshot().value).toBe('failed');
    expect(actor.getSnapshot().context.error?.code).toBe('VERSION_CONFLICT');
    expect(adapter.calls.reassignContacts).toBe(1);
  });

  it('a failed read of the owner keeps its error in loadFailed; RETRY reads everything again', async () => {
    const { adapter } = setup();
    adapter.failNext('listContacts', { when: 'before' });
    const actor = start(adapter, 'u-diego');
    await settled(actor, 'loadFailed');
    expect(actor.getSnapshot().context.error?.code).toBe('NETWORK_ERROR');
    expect(actor.getSnapshot().context.owner).toBeNull();
    actor.send({ type: 'RETRY' });
    await settled(actor, 'choosingContacts');
    expect(actor.getSnapshot().context).toMatchObject({ error: null, ownerContacts: 40, owner: { id: 'u-diego' } });
    expect(adapter.calls.listContacts).toBe(2);
  });

  it('Clear after "select all" chooses nothing again, so Next is held', async () => {
    const { adapter } = setup();
    const actor = start(adapter, 'u-diego', ['c-056']);
    await settled(actor, 'choosingContacts');
    actor.send({ type: 'SELECT_ALL' });
    actor.send({ type: 'TOGGLE_CONTACT', contactId: 'c-057' });
    actor.send({ type: 'CLEAR' });
    expect(actor.getSnapshot().context.selection).toEqual({ mode: 'some', ids: [] });
    actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().value).toBe('choosingContacts');
  });

  it('Back from choosing salespeople returns to the contacts with both choices kept', async () => {
    const { adapter } = setup();
    const actor = start(adapter, 'u-diego', ['c-056']);
    await settled(actor, 'choosingContacts');
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'TOGGLE_TARGET', userId: 'u-carla' });
    actor.send({ type: 'BACK' });
    expect(actor.getSnapshot().value).toBe('choosingContacts');
    expect(actor.getSnapshot().context).toMatchObject({ selection: { mode: 'some', ids: ['c-056'] }, targets: ['u-carla'] });
  });

  it('R5: another round after the result reads the owner again and starts with nothing chosen and a new key', async () => {
    const { adapter } = setup();
    const actor = start(adapter, 'u-diego');
    await settled(actor, 'choosingContacts');
    actor.send({ type: 'SELECT_ALL' });
    actor.send({ type: 'TOGGLE_CONTACT', contactId: 'c-056' });
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'SET_TARGETS', userIds: ['u-carla'] });
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'SUBMIT' });
    await settled(actor, 'done');
    actor.send({ type: 'RESTART' });
    expect(actor.getSnapshot().value).toBe('loading');
    await settled(actor, 'choosingContacts');
    expect(actor.getSnapshot().context).toMatchObject({ ownerContacts: 1, selection: { mode: 'some', ids: [] }, targets: [], pending: null, result: null, error: null });
    expect(adapter.calls.listContacts).toBe(2);
    actor.send({ type: 'SELECT_ALL' });
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'SET_TARGETS', userIds: ['u-carla'] });
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'SUBMIT' });
    await settled(actor, 'done');
    expect(actor.getSnapshot().context.pending?.idempotencyKey).toBe('key-2');
    expect(actor.getSnapshot().context.result).toMatchObject({ total: 1, moved: [{ userId: 'u-carla', contacts: 1 }] });
  });
});
