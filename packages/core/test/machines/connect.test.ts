import { describe, expect, it } from 'vitest';
import { OffboardError } from '../../src';
import { controlView, partAttributes, topState } from '../../src/machines';
import { text } from '../../src/i18n';

/** What every `connect` shares: part attributes, a control's standing and what it says, a machine's top state. */
describe('connect: the pieces every view is made of', () => {
  it('a part without a state carries no data-state at all; with one, both', () => {
    expect(Object.keys(partAttributes('menu'))).toEqual(['data-part']);
    expect(partAttributes('menu')).toStrictEqual({ 'data-part': 'menu' });
    expect(partAttributes('menu', 'ready')).toStrictEqual({ 'data-part': 'menu', 'data-state': 'ready' });
  });

  it('R9: a control says only what its state is about: a busy one neither a refusal nor a hold, a blocked one its refusal and no hold', () => {
    const refusal = new OffboardError('LAST_ADMIN', { id: 'u-ana' });
    const hold = text('license.hold.loading');
    const calls: string[] = [];
    const act = () => void calls.push('act');
    const busy = controlView('deactivate-user', text('menu.deactivateUser'), act, { blockedBy: refusal, held: hold, busy: true });
    expect(busy).toMatchObject({ state: 'busy', blockedBy: null, held: null, attributes: { 'data-part': 'deactivate-user', 'data-state': 'busy' } });
    const blocked = controlView('deactivate-user', text('menu.deactivateUser'), act, { blockedBy: refusal, held: hold });
    expect(blocked).toMatchObject({ state: 'blocked', blockedBy: refusal, held: null });
    const held = controlView('deactivate-user', text('menu.deactivateUser'), act, { held: hold });
    expect(held).toMatchObject({ state: 'held', blockedBy: null, held: hold });
    for (const control of [busy, blocked, held]) control.press();
    expect(calls).toEqual([]);
  });

  it('topState names a machine’s top-level state, flat or nested', () => {
    expect(topState('loading')).toBe('loading');
    expect(topState({ ready: 'licensed' })).toBe('ready');
  });
});
