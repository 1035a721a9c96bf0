/**
 * The keyboard of a WAI-ARIA menu button (APG "Menu Button" pattern), decided once for every
 * binding: the React kit and the plain-DOM example both ask these functions what a key does and
 * only move focus as told.
 */

/** Where focus goes when a key opens the menu from its button. */
export type MenuOpening = 'first' | 'last';

export type MenuKeyEffect =
  /** Move focus to the item at `index`. */
  | { readonly kind: 'focus'; readonly index: number }
  /** Close the menu; `focusTrigger` says whether focus goes back to its button (Escape) or moves on (Tab). */
  | { readonly kind: 'close'; readonly focusTrigger: boolean }
  /** Activate the focused item, as a click would. */
  | { readonly kind: 'select' };

/** What a key on the closed menu's button does: ArrowDown opens on the first item, ArrowUp on the last. Enter and Space click the button. */
export function menuTriggerKey(key: string): MenuOpening | null {
  if (key === 'ArrowDown') return 'first';
  if (key === 'ArrowUp') return 'last';
  return null;
}

/**
 * What a key in the open menu does, focus being on item `index` of `labels` (-1: on the menu
 * itself). Arrows wrap; a printable character moves to the next item whose label starts with
 * `typed` (the characters typed in quick succession, this one included), the APG's type-ahead.
 */
export function menuKey(key: string, index: number, labels: readonly string[], typed = key): MenuKeyEffect | null {
  const count = labels.length;
  switch (key) {
    case 'ArrowDown':
      return count ? { kind: 'focus', index: (index + 1) % count } : null;
    case 'ArrowUp':
      return count ? { kind: 'focus', index: (index - 1 + count) % count } : null;
    case 'Home':
      return count ? { kind: 'focus', index: 0 } : null;
    case 'End':
      return count ? { kind: 'focus', index: count - 1 } : null;
    case 'Escape':
      return { kind: 'close', focusTrigger: true };
    case 'Tab':
      return { kind: 'close', focusTrigger: false };
    case 'Enter':
    case ' ':
      return index >= 0 ? { kind: 'select' } : null;
  }
  if (key.length !== 1 || !count) return null;
  const prefix = typed.toLocaleLowerCase();
  // A repeated first letter cycles through the items it starts; a longer prefix refines from here.
  const from = prefix.length > 1 ? Math.max(index, 0) : index + 1;
  for (let step = 0; step < count; step += 1) {
    const candidate = (from + step) % count;
    if (labels[candidate]!.toLocaleLowerCase().startsWith(prefix)) return { kind: 'focus', index: candidate };
  }
  return null;
}
