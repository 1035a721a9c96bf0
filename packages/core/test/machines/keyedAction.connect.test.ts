import { describe, expect, it } from 'vitest';
import { text } from '../../src/i18n';
import { OffboardError, forbidden } from '../../src';
import { connectKeyedAction, keyedActionMachine, keyedActionRefusal, phoneNumbersWords, type KeyedActionContext, type KeyedActionEvent, type KeyedRequest } from '../../src/machines';
import { callerOf, recorder, snapshotOf } from './connectHelpers';

const take = (taskId: string): KeyedRequest => ({ kind: 'takeTask', taskId });
const numbers: KeyedRequest = { kind: 'deactivatePhoneNumbers', phoneNumberIds: ['pn-co-1', 'pn-co-2'] };

function connect(value: string, context: Partial<KeyedActionContext>, request: KeyedRequest, confirm = false) {
  const full: KeyedActionContext = { ...callerOf('u-carla', { standing: 'salesperson' }), request: null, key: null, results: [], ...context };
  const { sent, send } = recorder<KeyedActionEvent>();
  const view = connectKeyedAction(snapshotOf(keyedActionMachine, value, full), send, request, {
    part: 'take-task',
    label: text('tasks.take'),
    ...(confirm ? { confirm: phoneNumbersWords('CO', 2) } : {}),
  });
  return { view, sent };
}

describe('connectKeyedAction', () => {
  it('held while the caller’s record loads or waits for a retry after a transport failure; R6: blocked with the standing’s refusal', () => {
    expect(connect('checking', {}, take('t-1')).view.control).toMatchObject({ state: 'held', held: { key: 'common.loading' } });
    const lost = connect('loadFailed', { error: new OffboardError('NETWORK_ERROR') }, take('t-1'));
    expect(lost.view.control).toMatchObject({ state: 'held', held: { key: 'common.loading' }, blockedBy: null });
    lost.view.control.press();
    expect(lost.sent).toEqual([]);
    const refusal = forbidden('not-salesperson', { id: 'u-julia' });
    const { view, sent } = connect('refused', { refusal }, take('t-1'));
    expect(view.control).toMatchObject({ state: 'blocked', blockedBy: refusal, attributes: { 'data-part': 'take-task', 'data-state': 'blocked' } });
    view.control.press();
    expect(sent).toEqual([]);
  });

  it('R6: the refusal that blocks every intent alike is one, for a list to say once; none while loading, ready or after a transport failure', () => {
    const snapshot = (value: string, context: Partial<KeyedActionContext>) =>
      snapshotOf(keyedActionMachine, value, { ...callerOf('u-carla', { standing: 'salesperson' }), request: null, key: null, results: [], ...context });
    const refusal = forbidden('not-salesperson', { id: 'u-julia' });
    expect(keyedActionRefusal(snapshot('refused', { refusal }))).toBe(refusal);
    // Someone no longer active: their own record is refused for good, which blocks every intent too.
    const gone = new OffboardError('USER_INACTIVE', { id: 'u-karla' });
    expect(keyedActionRefusal(snapshot('loadFailed', { error: gone }))).toBe(gone);
    expect(keyedActionRefusal(snapshot('loadFailed', { error: new OffboardError('NETWORK_ERROR') }))).toBeNull();
    expect(keyedActionRefusal(snapshot('checking', {}))).toBeNull();
    expect(keyedActionRefusal(snapshot('idle', {}))).toBeNull();
  });

  it('one intent per request: only the task in flight is busy, only the failed one shows its failure and retries', () => {
    const running = connect('running', { request: take('t-1'), key: 'k' }, take('t-1'));
    expect(running.view.control.state).toBe('busy');
    expect(connect('running', { request: take('t-1'), key: 'k' }, take('t-2')).view.control.state).toBe('ready');

    const failed = connect('failed', { request: take('t-1'), key: 'k', error: new OffboardError('NETWORK_ERROR') }, take('t-1'));
    expect(failed.view.error?.code).toBe('NETWORK_ERROR');
    failed.view.retry();
    expect(failed.sent).toEqual([{ type: 'RETRY' }]);
    expect(connect('failed', { request: take('t-1'), error: new OffboardError('NETWORK_ERROR') }, take('t-2')).view.error).toBeNull();
  });

  it('without a confirmation, pressing starts the intent at once', () => {
    const { view, sent } = connect('idle', {}, take('t-1'));
    view.control.press();
    expect(sent).toEqual([{ type: 'START', request: take('t-1') }]);
    expect(view.confirmation).toBeNull();
  });

  it('R4’s way out asks first; its confirmation is open while asked, running or failed', () => {
    const idle = connect('idle', {}, numbers, true);
    idle.view.control.press();
    expect(idle.sent).toEqual([{ type: 'ASK', request: numbers }]);
    expect(idle.view.confirmation).toBeNull();

    const asked = connect('confirming', { request: numbers }, numbers, true);
    expect(asked.view.confirmation).toMatchObject({ title: { key: 'confirm.phoneNumbers.title' }, busy: false, primary: { state: 'ready' } });
    asked.view.confirmation!.primary.press();
    asked.view.confirmation!.cancel();
    expect(asked.sent).toEqual([{ type: 'CONFIRM' }, { type: 'CANCEL' }]);

    expect(connect('running', { request: numbers, key: 'k' }, numbers, true).view.confirmation).toMatchObject({ busy: true });
    const failed = connect('failed', { request: numbers, key: 'k', error: new OffboardError('SERVER_ERROR') }, numbers, true);
    expect(failed.view.confirmation).toMatchObject({ error: { code: 'SERVER_ERROR' }, primary: { label: { key: 'common.retry' } } });
    expect(failed.view.error).toBeNull();
    // R11: its primary button now retries the intent (under its key), not a new confirmation.
    failed.view.confirmation!.primary.press();
    expect(failed.sent).toEqual([{ type: 'RETRY' }]);
  });

  it('a confirmation belongs to its intent: another request’s view opens none', () => {
    const others: KeyedRequest = { kind: 'deactivatePhoneNumbers', phoneNumberIds: ['pn-ar-1'] };
    for (const value of ['confirming', 'running', 'failed']) {
      const { view } = connect(value, { request: numbers, key: 'k', error: new OffboardError('SERVER_ERROR') }, others, true);
      expect(view.confirmation).toBeNull();
    }
  });
});
