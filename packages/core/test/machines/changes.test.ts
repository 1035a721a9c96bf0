import { as, observer } from '../../src/testing/harness';
import { describe, expect, it } from 'vitest';
import { CHANGE_TOUCHES, OffboardError } from '../../src';
import { callerView, changeFeedback, confirmationView } from '../../src/machines';
import { text } from '../../src/i18n';
import { demoOrganisation } from '../../src/fixtures';
import { setup } from './helpers';

/** A task made transferable by R2: Elena's, once her license is gone. */
async function transferableTasks(backend: ReturnType<typeof setup>['backend']) {
  await backend.deactivateLicense('u-elena', as('u-ana'));
  return (await backend.listTasks({ transferable: true, state: 'created' }, observer)).items;
}

describe('changeFeedback: one map from a change to what it touches and what to say', () => {
  it('R10: every result names its audit action, which says what to refresh and how to announce it', async () => {
    const { backend } = setup();
    const change = await backend.deactivateUser('u-elena', as('u-ana'));
    expect(changeFeedback([change])).toEqual({ touches: CHANGE_TOUCHES['user.deactivated'], announcement: { key: 'done.user.deactivated', values: { name: 'Elena Torres', country: 'ES' } } });
    const numbers = await Promise.all(['pn-co-1', 'pn-co-2'].map((id) => backend.deactivatePhoneNumber(id, as('u-ana'))));
    expect(changeFeedback(numbers)).toEqual({ touches: ['phoneNumbers', 'plans', 'auditLog'], announcement: { key: 'done.phoneNumber.deactivated', values: { count: 2 } } });
    const moved = await backend.reassignContacts({ fromOwnerId: 'u-marta', toUserIds: ['u-carla'] }, as('u-ana'));
    expect(changeFeedback([moved]).announcement).toEqual({ key: 'done.contacts.reassigned', values: { count: 9 } });
  });

  it('a machine’s words for the whole intent win; touches still come from every result', async () => {
    const { backend } = setup();
    const licenses = [await backend.deactivateLicense('u-fernando', as('u-ana')), await backend.deactivateLicense('u-hugo', as('u-ana'))];
    const feedback = changeFeedback(licenses, text('downsizing.done', { count: 2 }));
    expect(feedback.announcement).toEqual({ key: 'downsizing.done', values: { count: 2 } });
    expect(feedback.touches).toEqual(CHANGE_TOUCHES['license.deactivated']);
    expect(changeFeedback([], text('downsizing.done', { count: 0 })).touches).toEqual([]);
  });

  it('R6, R10: a task taken is announced by its title and refreshes tasks and plans', async () => {
    const { backend } = setup();
    const [task] = await transferableTasks(backend);
    const taken = await backend.takeTask(task!.id, as('u-carla'));
    expect(changeFeedback([taken])).toEqual({ touches: CHANGE_TOUCHES['task.taken'], announcement: { key: 'done.task.taken', values: { title: task!.title } } });
  });

  it('R8, R10: a bulk task transfer (checklist step 2) is announced by how many tasks moved', async () => {
    const { backend } = setup();
    const tasks = (await backend.listTasks({ assigneeId: 'u-elena', state: 'created' }, observer)).items;
    expect(tasks.length).toBeGreaterThan(1);
    const transfer = await backend.transferTasks({ fromUserId: 'u-elena', toUserId: 'u-carla' }, as('u-ana'));
    expect(changeFeedback([transfer])).toEqual({
      touches: CHANGE_TOUCHES['tasks.transferred'],
      announcement: { key: 'done.tasks.transferred', values: { count: tasks.length } },
    });
  });

  it('R5, R10: a contact reassignment is announced by its total, whatever the split', async () => {
    const { backend } = setup();
    const moved = await backend.reassignContacts({ fromOwnerId: 'u-marta', toUserIds: ['u-carla', 'u-ana'] }, as('u-ana'));
    expect(moved.moved.map((share) => share.userId)).toEqual(['u-carla', 'u-ana']);
    expect(changeFeedback([moved])).toEqual({ touches: CHANGE_TOUCHES['contacts.reassigned'], announcement: { key: 'done.contacts.reassigned', values: { count: moved.moved.reduce((sum, share) => sum + share.contacts, 0) } } });
  });

  it('no result and no words from the machine: a plain “done” and nothing to refresh', () => {
    expect(changeFeedback([])).toEqual({ touches: [], announcement: { key: 'common.done' } });
  });
});

describe('callerView: which parts of a screen exist for the caller (R9, R12)', () => {
  const users = demoOrganisation().users;
  const ana = users.find((user) => user.id === 'u-ana');
  const carla = users.find((user) => user.id === 'u-carla');

  it('nothing until the caller’s record is known; an admin sees everything; a member neither seats, others’ contacts, inactive users nor bulk selection', () => {
    expect(callerView(as('u-ana'), undefined)).toEqual({ known: false, selectsRows: false, seesSeats: false, seesOrphanedContacts: false, seesInactiveUsers: false });
    expect(callerView(as('u-ana'), ana)).toEqual({ known: true, selectsRows: true, seesSeats: true, seesOrphanedContacts: true, seesInactiveUsers: true });
    expect(callerView(as('u-carla'), carla)).toEqual({ known: true, selectsRows: false, seesSeats: false, seesOrphanedContacts: false, seesInactiveUsers: false });
  });

  it('a service identity has no record and is known at once, with an admin’s view', () => {
    expect(callerView({ ...as('svc-directory'), kind: 'service' }, undefined)).toMatchObject({ known: true, selectsRows: true, seesSeats: true });
  });
});

describe('confirmationView', () => {
  const words = { title: text('confirm.deactivateUser.title'), description: text('confirm.deactivateUser.description'), confirmLabel: text('confirm.deactivateUser.action'), tone: 'danger', effects: [] } as const;
  const calls: string[] = [];
  const controls = { confirm: () => calls.push('confirm'), retry: () => calls.push('retry'), cancel: () => calls.push('cancel') };

  it('the primary button keeps its place: confirm, busy, retry after a transport failure, inert after a refusal or with nothing to confirm', () => {
    const states = [
      confirmationView(words, { ...controls, busy: false, error: null }),
      confirmationView(words, { ...controls, busy: true, error: null }),
      confirmationView(words, { ...controls, busy: false, error: new OffboardError('SERVER_ERROR') }),
      confirmationView(words, { ...controls, busy: false, error: new OffboardError('LAST_ADMIN') }),
      confirmationView(words, { ...controls, busy: false, error: null, canConfirm: false }),
    ];
    expect(states.map((view) => [view.primary.label.key, view.primary.state, view.attributes['data-state'], view.cancelLabel.key])).toEqual([
      ['confirm.deactivateUser.action', 'ready', 'idle', 'common.cancel'],
      ['common.working', 'busy', 'busy', 'common.cancel'],
      ['common.retry', 'ready', 'failed', 'common.close'],
      ['confirm.deactivateUser.action', 'blocked', 'failed', 'common.close'],
      ['confirm.deactivateUser.action', 'blocked', 'idle', 'common.cancel'],
    ]);
    for (const view of states) view.primary.press();
    expect(calls).toEqual(['confirm', 'retry']);
  });
});
