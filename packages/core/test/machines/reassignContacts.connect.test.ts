import { describe, expect, it } from 'vitest';
import { OffboardError, forbidden, type ReassignContactsResult, type User } from '../../src';
import { connectReassignContacts, reassignCandidates, reassignContactsMachine, type ReassignContactsContext, type ReassignContactsEvent } from '../../src/machines';
import { demoOrganisation } from '../../src/fixtures';
import { callerOf, recorder, snapshotOf } from './connectHelpers';

const users = demoOrganisation().users;
const diego = users.find((user) => user.id === 'u-diego')!;
const candidates: User[] = reassignCandidates(users.filter((user) => user.status === 'active'), 'u-diego');

function connect(value: string, context: Partial<ReassignContactsContext> = {}) {
  const full: ReassignContactsContext = {
    ...callerOf('u-ana'),
    fromOwnerId: 'u-diego',
    owner: diego,
    ownerContacts: 40,
    candidates,
    selection: { mode: 'some', ids: [] },
    targets: [],
    pending: null,
    result: null,
    ...context,
  };
  const { sent, send } = recorder<ReassignContactsEvent>();
  return { view: connectReassignContacts(snapshotOf(reassignContactsMachine, value, full), send), sent };
}

describe('connectReassignContacts', () => {
  it('R9: refused in the first state: the refusal, the generic title, no step', () => {
    const refusal = forbidden('not-admin', { id: 'u-carla' });
    const { view } = connect('refused', { refusal, owner: null });
    expect(view).toMatchObject({ phase: 'refused', refusal, title: { key: 'users.reassignTitle' }, progress: null, contacts: null, targets: null, review: null, result: null });
  });

  it('while the owner is read: no step yet; a failed read offers its retry, or says why when asking again will not help', () => {
    expect(connect('loading', { owner: null }).view).toMatchObject({ phase: 'loading', title: { key: 'users.reassignTitle' }, refusal: null, loadError: null, progress: null, contacts: null });
    const network = new OffboardError('NETWORK_ERROR');
    const failed = connect('loadFailed', { owner: null, error: network });
    expect(failed.view).toMatchObject({ phase: 'loadFailed', refusal: null, loadError: network, progress: null, contacts: null });
    failed.view.retryLoad();
    expect(failed.sent).toEqual([{ type: 'RETRY' }]);
    const missing = new OffboardError('NOT_FOUND');
    expect(connect('loadFailed', { owner: null, error: missing }).view).toMatchObject({ phase: 'loadFailed', refusal: missing, loadError: null });
  });

  it('step 1: the selection and its count; Next held until a contact is chosen, saying so', () => {
    const empty = connect('choosingContacts');
    expect(empty.view.title).toEqual({ key: 'wizard.title', values: { name: 'Diego Rojas' } });
    expect(empty.view.progress).toMatchObject({ label: { key: 'wizard.progress', values: { current: 1, total: 4 } }, stepLabel: { key: 'wizard.step.contacts' } });
    expect(empty.view.progress!.steps.map((step) => step.attributes['data-state'])).toEqual(['current', 'upcoming', 'upcoming', 'upcoming']);
    expect(empty.view.progress!.steps.map(({ id, label, current, attributes }) => [id, label.key, current, attributes['data-part']])).toEqual([
      ['contacts', 'wizard.step.contacts', true, 'wizard-progress-step'],
      ['targets', 'wizard.step.targets', false, 'wizard-progress-step'],
      ['review', 'wizard.step.review', false, 'wizard-progress-step'],
      ['result', 'wizard.step.result', false, 'wizard-progress-step'],
    ]);
    const contacts = empty.view.contacts!;
    expect(contacts.selected).toEqual({ key: 'wizard.selected', values: { selected: 0, count: 40 } });
    expect(contacts.next).toMatchObject({ state: 'held', held: { key: 'wizard.hold.contacts' }, label: { key: 'common.next' }, attributes: { 'data-part': 'next', 'data-state': 'held' } });
    expect(contacts.selectAll.label).toEqual({ key: 'wizard.selectAll', values: { count: 40 } });
    expect(contacts.clear.label).toEqual({ key: 'wizard.clear' });
    expect([contacts.isSelected('c-056'), contacts.isSelected('c-057')]).toEqual([false, false]);
    contacts.next.press();
    contacts.selectAll.press();
    contacts.toggle('c-056');
    contacts.selectShown(['c-001']);
    contacts.clear.press();
    expect(empty.sent).toEqual([{ type: 'SELECT_ALL' }, { type: 'TOGGLE_CONTACT', contactId: 'c-056' }, { type: 'SELECT_CONTACTS', contactIds: ['c-001'] }, { type: 'CLEAR' }]);

    const some = connect('choosingContacts', { selection: { mode: 'some', ids: ['c-057'] } }).view.contacts!;
    expect([some.isSelected('c-056'), some.isSelected('c-057')]).toEqual([false, true]);

    const allButOne = connect('choosingContacts', { selection: { mode: 'all', except: ['c-056'] } });
    const all = allButOne.view.contacts!;
    expect(all.selected.values).toEqual({ selected: 39, count: 40 });
    expect([all.isSelected('c-001'), all.isSelected('c-056')]).toEqual([true, false]);
    expect(all.next.state).toBe('ready');
    all.next.press();
    expect(allButOne.sent).toEqual([{ type: 'NEXT' }]);
  });

  it('R5: step 2 offers the candidates with what each chosen one receives; none at all says why', () => {
    const { view, sent } = connect('choosingTargets', { selection: { mode: 'all', except: [] }, targets: ['u-carla', 'u-oscar'] });
    const targets = view.targets!;
    expect(targets.candidates.map((candidate) => candidate.user.id)).toEqual(candidates.map((user) => user.id));
    const carla = targets.candidates.find((candidate) => candidate.user.id === 'u-carla')!;
    expect(carla).toMatchObject({ chosen: true, share: { key: 'wizard.receives', values: { count: 20 } }, attributes: { 'data-state': 'chosen' } });
    expect(targets.candidates.find((candidate) => !candidate.chosen)!.share).toBeNull();
    expect(targets.noneReason).toBeNull();
    targets.only('u-elena');
    targets.toggle('u-elena');
    targets.keepFirst();
    targets.back();
    expect(sent).toEqual([
      { type: 'SET_TARGETS', userIds: ['u-elena'] },
      { type: 'TOGGLE_TARGET', userId: 'u-elena' },
      { type: 'SET_TARGETS', userIds: ['u-carla'] },
      { type: 'BACK' },
    ]);
    expect(connect('choosingTargets', { selection: { mode: 'all', except: [] } }).view.targets!.next.held).toEqual({ key: 'wizard.hold.targets' });
    expect(connect('choosingTargets', { candidates: [] }).view.targets!.noneReason).toEqual({ code: 'NO_ELIGIBLE_TARGET', details: {} });
  });

  it('R5: step 2 shows each chosen salesperson the share the backend deals them, the first ones one more; Next goes on', () => {
    const { view, sent } = connect('choosingTargets', { selection: { mode: 'all', except: [] }, targets: ['u-carla', 'u-oscar', 'u-elena'] });
    const targets = view.targets!;
    const byId = (id: string) => targets.candidates.find((candidate) => candidate.user.id === id)!;
    expect(['u-carla', 'u-oscar', 'u-elena'].map((id) => byId(id).share)).toEqual([
      { key: 'wizard.receives', values: { count: 14 } },
      { key: 'wizard.receives', values: { count: 13 } },
      { key: 'wizard.receives', values: { count: 13 } },
    ]);
    expect(byId('u-carla').attributes).toEqual({ 'data-part': 'target', 'data-state': 'chosen' });
    expect(byId('u-bruno')).toMatchObject({ chosen: false, share: null, attributes: { 'data-part': 'target', 'data-state': 'unchosen' } });
    expect(targets.next).toMatchObject({ state: 'ready', held: null, label: { key: 'common.next' }, attributes: { 'data-part': 'next', 'data-state': 'ready' } });
    targets.next.press();
    expect(sent).toEqual([{ type: 'NEXT' }]);
  });

  it('step 3: the split the backend will make, named; submit, busy, and a retry after a transport failure', () => {
    const context = { selection: { mode: 'all', except: [] }, targets: ['u-carla', 'u-oscar', 'u-elena'] } as const;
    const { view, sent } = connect('reviewing', context);
    expect(view.review!.summary).toEqual({ key: 'wizard.review', values: { count: 40, name: 'Diego Rojas' } });
    expect(view.review!.shares.map((share) => [share.name, share.receives.values?.count])).toEqual([
      ['Carla Méndez', 14],
      ['Óscar Paredes', 13],
      ['Elena Torres', 13],
    ]);
    expect(view.review!.confirmation).toMatchObject({
      title: { key: 'wizard.step.review' },
      description: { key: 'wizard.review', values: { count: 40, name: 'Diego Rojas' } },
      busy: false,
      error: null,
      primary: { label: { key: 'wizard.submit' }, state: 'ready' },
      cancelLabel: { key: 'common.back' },
      tone: 'default',
    });
    view.review!.confirmation.primary.press();
    view.review!.confirmation.cancel();
    expect(sent).toEqual([{ type: 'SUBMIT' }, { type: 'BACK' }]);
    expect(connect('submitting', context).view.review!.confirmation).toMatchObject({ busy: true, primary: { state: 'busy' } });
    const failed = connect('failed', { ...context, error: new OffboardError('NETWORK_ERROR') });
    expect(failed.view.review!.confirmation).toMatchObject({ error: { code: 'NETWORK_ERROR' }, primary: { label: { key: 'common.retry' } } });
    // The failure is the confirmation's to say: the wizard's own load went well.
    expect(failed.view).toMatchObject({ phase: 'review', loadError: null, refusal: null });
    failed.view.review!.confirmation.primary.press();
    expect(failed.sent).toEqual([{ type: 'RETRY' }]);
  });

  it('R11: Back from a failed submit to the review shows a fresh confirmation, not the old failure', () => {
    const context = { selection: { mode: 'all', except: [] }, targets: ['u-carla'], error: new OffboardError('NETWORK_ERROR') } as const;
    const { view, sent } = connect('reviewing', context);
    expect(view.review!.confirmation).toMatchObject({ error: null, primary: { label: { key: 'wizard.submit' }, state: 'ready' } });
    view.review!.confirmation.primary.press();
    expect(sent).toEqual([{ type: 'SUBMIT' }]);
  });

  it('step 4: the result as the audit log recorded it, and another round', () => {
    const result = { total: 40, moved: [{ userId: 'u-carla', contacts: 40 }], audit: { at: '2026-11-29T10:00:00.000Z' } } as unknown as ReassignContactsResult;
    const { view, sent } = connect('done', { result });
    expect(view.progress!.steps.map((step) => step.attributes['data-state'])).toEqual(['done', 'done', 'done', 'current']);
    expect(view.result).toMatchObject({
      summary: { key: 'done.contacts.reassigned', values: { count: 40 } },
      moved: [{ userId: 'u-carla', name: 'Carla Méndez', receives: { key: 'wizard.received', values: { count: 40 } } }],
      recordedAt: '2026-11-29T10:00:00.000Z',
    });
    view.result!.restart();
    expect(sent).toEqual([{ type: 'RESTART' }]);
  });

  it('step 4: a salesperson the wizard did not offer is named by id, and the view still renders', () => {
    const result = { total: 2, moved: [{ userId: 'u-carla', contacts: 1 }, { userId: 'u-gone', contacts: 1 }], audit: { at: '2026-11-29T10:00:00.000Z' } } as unknown as ReassignContactsResult;
    expect(connect('done', { result }).view.result!.moved.map((share) => share.name)).toEqual(['Carla Méndez', 'u-gone']);
  });
});
