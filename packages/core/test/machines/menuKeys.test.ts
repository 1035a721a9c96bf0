import { describe, expect, it } from 'vitest';
import { menuKey, menuTriggerKey } from '../../src/machines/menuKeys';

const labels = ['Manage license', 'Reassign contacts', 'Start offboarding', 'Deactivate user', 'Deactivate on a date…'];

describe('menuKey: the WAI-ARIA menu button keyboard', () => {
  it('opens from its button on the first item with ArrowDown and on the last with ArrowUp, and leaves other keys to the button', () => {
    expect([menuTriggerKey('ArrowDown'), menuTriggerKey('ArrowUp'), menuTriggerKey('Enter'), menuTriggerKey('a')]).toEqual(['first', 'last', null, null]);
  });

  it('moves with arrows that wrap, Home and End', () => {
    expect(menuKey('ArrowDown', 0, labels)).toEqual({ kind: 'focus', index: 1 });
    expect(menuKey('ArrowDown', 4, labels)).toEqual({ kind: 'focus', index: 0 });
    expect(menuKey('ArrowUp', 0, labels)).toEqual({ kind: 'focus', index: 4 });
    expect(menuKey('ArrowUp', 3, labels)).toEqual({ kind: 'focus', index: 2 });
    // Focus on the menu itself (-1), as while its items load: ArrowDown starts at the first.
    expect(menuKey('ArrowDown', -1, labels)).toEqual({ kind: 'focus', index: 0 });
    expect(menuKey('Home', 3, labels)).toEqual({ kind: 'focus', index: 0 });
    expect(menuKey('End', 1, labels)).toEqual({ kind: 'focus', index: 4 });
  });

  it('closes with Escape back on the button, with Tab moving on; selects with Enter and Space only on an item', () => {
    expect(menuKey('Escape', 2, labels)).toEqual({ kind: 'close', focusTrigger: true });
    expect(menuKey('Tab', 2, labels)).toEqual({ kind: 'close', focusTrigger: false });
    expect(menuKey('Enter', 2, labels)).toEqual({ kind: 'select' });
    expect(menuKey(' ', 0, labels)).toEqual({ kind: 'select' });
    expect(menuKey('Enter', -1, labels)).toBeNull();
  });

  it('type-ahead: a letter goes to the next item it starts, cycling on repeats; a typed prefix refines from the focused item', () => {
    expect(menuKey('d', 0, labels)).toEqual({ kind: 'focus', index: 3 });
    expect(menuKey('d', 3, labels)).toEqual({ kind: 'focus', index: 4 });
    expect(menuKey('d', 4, labels)).toEqual({ kind: 'focus', index: 3 });
    expect(menuKey('S', 0, labels)).toEqual({ kind: 'focus', index: 2 });
    expect(menuKey('e', 3, labels, 'deactivate o')).toEqual({ kind: 'focus', index: 4 });
    expect(menuKey('x', 0, labels)).toBeNull();
  });

  it('an empty menu has nowhere to move, and keys it does not know are left alone', () => {
    expect(menuKey('ArrowDown', -1, [])).toBeNull();
    expect(menuKey('End', -1, [])).toBeNull();
    expect(menuKey('a', -1, [])).toBeNull();
    expect(menuKey('F5', 0, labels)).toBeNull();
    expect(menuKey('Escape', -1, [])).toEqual({ kind: 'close', focusTrigger: true });
  });

  it('a longer prefix that the focused item still starts keeps focus there, and refines from it rather than from the top', () => {
    const actions = ['Deactivate user', 'Reassign contacts', 'Deactivate on a date…'];
    expect(menuKey('e', 2, actions, 'de')).toEqual({ kind: 'focus', index: 2 });
    expect(menuKey('e', 0, actions, 'de')).toEqual({ kind: 'focus', index: 0 });
    // From the menu itself (-1) a prefix starts at the first item.
    expect(menuKey('e', -1, actions, 'de')).toEqual({ kind: 'focus', index: 0 });
  });

  it('only a single printable character types ahead: a named key is left alone even when an item starts with its name', () => {
    expect(menuKey('Delete', 0, ['Delete draft', 'Deactivate user'])).toBeNull();
    expect(menuKey('Backspace', -1, ['Backspace'])).toBeNull();
  });
});
