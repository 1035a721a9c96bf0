import { as } from '../../src/testing/harness';
import { describe, expect, it } from 'vitest';
import { OffboardError } from '../../src';
import { isRetryable, keyedActionMachine } from '../../src/machines';
import { countingKeys, run, settled, setup } from './helpers';

describe('isRetryable: which failures a RETRY may resend (R11)', () => {
  it('R11: a transport failure may be retried; a rule’s refusal and no failure at all may not', () => {
    expect(isRetryable({ context: { error: new OffboardError('NETWORK_ERROR') } })).toBe(true);
    expect(isRetryable({ context: { error: new OffboardError('LAST_ADMIN') } })).toBe(false);
    expect(isRetryable({ context: { error: null } })).toBe(false);
  });
});

describe('callerGateStates: the caller is loaded and judged before anything is read', () => {
  it('R12: the caller’s own record is read before anything else; a failed read waits in loadFailed, and RETRY reads it again, clears the error and goes on', async () => {
    const { adapter } = setup();
    adapter.failNext('getUser', { when: 'before' });
    const actor = run(keyedActionMachine, { adapter, caller: as('u-carla'), requires: 'salesperson', createKey: countingKeys() });
    await settled(actor, 'loadFailed');
    expect(actor.getSnapshot().context).toMatchObject({ actor: undefined, refusal: null, error: { code: 'NETWORK_ERROR' } });
    actor.send({ type: 'RETRY' });
    await settled(actor, 'idle');
    expect(adapter.calls.getUser).toBe(2);
    expect(actor.getSnapshot().context).toMatchObject({ actor: { id: 'u-carla' }, refusal: null, error: null });
  });
});
