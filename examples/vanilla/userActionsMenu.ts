import type { Caller, OffboardAdapter, User } from '@offboard/core';
import type { Translator } from '@offboard/core/i18n';
import { changeFeedback, connectUserLifecycle, menuKey, menuTriggerKey, userLifecycleMachine, type ConfirmationView, type UserLifecycleView } from '@offboard/core/machines';
import { createActor } from 'xstate';

/** Characters typed within this long of each other make one type-ahead prefix. */
const TYPEAHEAD_MS = 500;

/**
 * `UserActionsMenu` without React: a WAI-ARIA menu button of one user's actions and its
 * confirmation, in plain DOM. Every decision — which items exist, which are blocked and why, the
 * confirmation's words and effects, busy, failed, retry with the same key — is the core's
 * `connectUserLifecycle`; this file only renders a view and forwards its events, which is the
 * proof that the core is headless.
 */
export interface UserActionsMenuOptions {
  readonly adapter: OffboardAdapter;
  readonly caller: Caller;
  readonly user: User;
  /** The words: `createTranslator(locale, resolveCatalog(messages))` from `@offboard/core/i18n`. */
  readonly translator: Translator;
  /** Says a result; by default through a polite live region the menu adds next to its button. */
  readonly announce?: (text: string) => void;
  /** The items the host opens itself; without a handler an item is left out (Manage license is always listed). */
  readonly onManageLicense?: (user: User) => void;
  readonly onReassignContacts?: (user: User) => void;
  readonly onStartOffboarding?: (user: User) => void;
  /** Where idempotency keys come from (tests pass a deterministic one). */
  readonly createKey?: () => string;
}

export interface MountedMenu {
  /** Stops the machine and removes what the menu added to the page. */
  destroy(): void;
}

type Attributes = Readonly<Record<string, string | undefined>>;
let ids = 0;
const nextId = (name: string) => `ob-vanilla-${name}-${++ids}`;

/** An element with attributes (undefined ones left out) and children; text goes in as text, never as markup. */
function el(tag: string, attributes: Attributes = {}, ...children: (Node | string | null)[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) element.setAttribute(name, value);
  for (const child of children) if (child !== null) element.append(child);
  return element;
}

export function mountUserActionsMenu(root: HTMLElement, options: UserActionsMenuOptions): MountedMenu {
  const { translator: t } = options;
  const actor = createActor(userLifecycleMachine, {
    input: { adapter: options.adapter, caller: options.caller, userId: options.user.id, gate: 'admin', ...(options.createKey ? { createKey: options.createKey } : {}) },
  });
  // This example renders the menu and the confirmation; "Deactivate on a date…" (R15) needs its form, which it leaves to the React kit.
  const offers = { reassignContacts: options.onReassignContacts !== undefined, startOffboarding: options.onStartOffboarding !== undefined, scheduleDeactivation: false };
  const view = (): UserLifecycleView => connectUserLifecycle(actor.getSnapshot(), actor.send, { user: options.user, offers });

  const menuId = nextId('menu');
  const triggerId = nextId('trigger');
  const trigger = el('button', { id: triggerId, type: 'button', 'data-part': 'menu-trigger', 'aria-haspopup': 'menu', 'aria-expanded': 'false', 'aria-controls': menuId, 'aria-label': t.text(view().triggerLabel) }, el('span', { 'aria-hidden': 'true' }, '⋯'));
  const menu = el('div', { id: menuId, role: 'menu', 'aria-labelledby': triggerId, tabindex: '-1', 'data-part': 'menu', hidden: '' });
  const liveRegion = el('div', { role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true', 'data-part': 'announcer', class: 'ob-visually-hidden' });
  const dialogLayer = el('div', { 'data-part': 'dialog-layer' });
  const container = el('div', { class: 'ob-root ob-user-actions', 'data-part': 'user-actions', 'data-user-id': options.user.id }, trigger, menu, dialogLayer, options.announce ? null : liveRegion);
  root.append(container);
  const announce = options.announce ?? ((words: string) => liveRegion.replaceChildren(el('span', {}, words)));

  let open = false;
  let started = false;
  /** The item focused last, to keep focus on it when the items are drawn again. */
  let focusedKey: string | null = null;

  // ── the menu ──────────────────────────────────────────────────────────────
  const items = () => [...menu.querySelectorAll<HTMLElement>('[role="menuitem"]')];
  const focusItem = (index: number) => {
    const all = items();
    if (all.length === 0) return menu.focus();
    const item = all[(index + all.length) % all.length]!;
    focusedKey = item.dataset.action ?? null;
    item.focus();
  };

  function openMenu(focus: 'first' | 'last') {
    if (!started) {
      // The plan loads when the menu first opens, so a list of users reads a plan only for the rows used.
      started = true;
      actor.start();
    }
    open = true;
    menu.hidden = false;
    trigger.setAttribute('aria-expanded', 'true');
    render();
    focusItem(focus === 'first' ? 0 : -1);
  }

  function closeMenu(returnFocus: boolean) {
    open = false;
    menu.hidden = true;
    trigger.setAttribute('aria-expanded', 'false');
    focusedKey = null;
    if (returnFocus) trigger.focus();
  }

  function menuItem(key: string, label: string, state: string, blockedBy: string | null, note: string | null, select: (() => void) | null): HTMLElement {
    const labelId = nextId('label');
    const reasonId = nextId('reason');
    const description = blockedBy ?? note;
    const item = el(
      'div',
      {
        role: 'menuitem',
        tabindex: '-1',
        'data-part': 'menu-item',
        'data-state': state,
        'data-action': key,
        'aria-disabled': blockedBy ? 'true' : undefined,
        'aria-labelledby': labelId,
        'aria-describedby': description ? reasonId : undefined,
      },
      el('span', { id: labelId, 'data-part': 'menu-item-label' }, label),
      description ? el('span', { id: reasonId, 'data-part': 'reason' }, description) : null,
    );
    item.addEventListener('click', () => select?.());
    item.addEventListener('focus', () => (focusedKey = key));
    return item;
  }

  function renderMenu(current: UserLifecycleView) {
    const hostSelect: Record<string, (() => void) | undefined> = {
      'manage-license': options.onManageLicense && (() => options.onManageLicense!(current.user)),
      'reassign-contacts': options.onReassignContacts && (() => options.onReassignContacts!(current.user)),
      'start-offboarding': options.onStartOffboarding && (() => options.onStartOffboarding!(current.user)),
    };
    const children: HTMLElement[] = [];
    if (current.loadError) {
      // The failure in words, and a retry that keeps the menu open for the items it brings.
      children.push(menuItem('retry', t.t('common.retry'), 'ready', null, t.explain(current.loadError), current.retryLoad));
    } else if (!current.settled) {
      // A menu must contain menu items, even while loading: an inert one says so.
      children.push(menuItem('loading', t.t('common.loading'), 'held', null, null, null));
      children[0]!.setAttribute('aria-disabled', 'true');
    }
    for (const item of current.items) {
      if (item.separated) children.push(el('div', { role: 'separator', 'data-part': 'menu-separator' }));
      const select = item.select ?? hostSelect[item.id] ?? null;
      children.push(
        menuItem(item.id, t.text(item.label), item.attributes['data-state'] ?? 'ready', item.blockedBy && t.explain(item.blockedBy), null, () => {
          if (!item.blockedBy && select) choose(select);
        }),
      );
    }
    const hadFocus = menu.contains(document.activeElement) || document.activeElement === menu;
    const wanted = focusedKey;
    menu.setAttribute('data-state', current.attributes['data-state'] ?? '');
    menu.replaceChildren(...children);
    if (open && hadFocus) {
      const index = items().findIndex((item) => item.dataset.action === wanted);
      focusItem(index === -1 ? 0 : index);
    }
  }

  /** Choosing an enabled item closes the menu, focus back on its button, before the item's dialog takes it. */
  function choose(select: () => void) {
    closeMenu(true);
    select();
  }

  trigger.addEventListener('click', () => (open ? closeMenu(true) : openMenu('first')));
  // What each key does is the core's (menuKey), as in the React kit; this only moves focus.
  trigger.addEventListener('keydown', (event) => {
    const opening = menuTriggerKey(event.key);
    if (!opening) return;
    event.preventDefault();
    openMenu(opening);
  });
  let typed = { text: '', at: 0 };
  menu.addEventListener('keydown', (event) => {
    const all = items();
    const index = all.findIndex((item) => item === document.activeElement);
    const text = event.key.length === 1 ? (event.timeStamp - typed.at < TYPEAHEAD_MS ? typed.text : '') + event.key : '';
    typed = { text, at: event.timeStamp };
    const effect = menuKey(event.key, index, all.map((item) => item.querySelector('[data-part="menu-item-label"]')?.textContent ?? ''), text || event.key);
    if (!effect) return;
    // Tab closes and lets focus move on from the menu, which sits right after its button.
    if (effect.kind === 'close' && !effect.focusTrigger) return closeMenu(false);
    event.preventDefault();
    if (effect.kind === 'focus') focusItem(effect.index);
    else if (effect.kind === 'close') closeMenu(true);
    else (document.activeElement as HTMLElement | null)?.click();
  });
  const onOutside = (event: Event) => {
    if (open && !container.contains(event.target as Node)) closeMenu(false);
  };
  document.addEventListener('pointerdown', onOutside);

  // ── the confirmation ──────────────────────────────────────────────────────
  let confirmationShown = false;

  function renderConfirmation(confirmation: ConfirmationView | null) {
    if (!confirmation) {
      if (confirmationShown) {
        confirmationShown = false;
        dialogLayer.replaceChildren();
        // The item that opened it is gone with the menu: focus goes back to the menu button.
        trigger.focus();
      }
      return;
    }
    const titleId = nextId('title');
    const descriptionId = nextId('description');
    const effectsId = nextId('effects');
    const focused = dialogLayer.contains(document.activeElement) ? (document.activeElement as HTMLElement).dataset.part : 'cancel';
    const cancel = el('button', { type: 'button', 'data-part': 'cancel' }, t.text(confirmation.cancelLabel));
    const { primary } = confirmation;
    const confirm = el(
      'button',
      { type: 'button', 'data-part': 'confirm', 'data-state': primary.attributes['data-state'], 'aria-disabled': primary.state === 'ready' ? undefined : 'true', 'aria-busy': primary.state === 'busy' ? 'true' : undefined },
      t.text(primary.label),
    );
    cancel.addEventListener('click', () => confirmation.cancel());
    confirm.addEventListener('click', () => primary.press());
    const effects = confirmation.effects
      ? el(
          'section',
          { 'data-part': 'effects', 'aria-labelledby': effectsId },
          el('h3', { id: effectsId, 'data-part': 'effects-heading' }, t.t('effects.heading')),
          el('ul', { 'data-part': 'effect-list' }, ...(confirmation.effects.length ? confirmation.effects.map((line) => el('li', { 'data-part': 'effect', 'data-effect': line.key }, t.effect(line))) : [el('li', { 'data-part': 'effect' }, t.t('effects.none'))])),
        )
      : null;
    const error = confirmation.error ? el('div', { role: 'alert', 'data-part': 'error', 'data-code': confirmation.error.code }, el('p', { 'data-part': 'error-message' }, t.explain(confirmation.error))) : null;
    const dialog = el(
      'div',
      {
        role: confirmation.tone === 'danger' ? 'alertdialog' : 'dialog',
        'aria-modal': 'true',
        'aria-labelledby': titleId,
        'aria-describedby': descriptionId,
        'data-part': 'confirm-dialog',
        'data-state': confirmation.attributes['data-state'],
      },
      el('h2', { id: titleId, 'data-part': 'dialog-title' }, t.text(confirmation.title)),
      el('p', { id: descriptionId, 'data-part': 'dialog-description' }, t.text(confirmation.description)),
      effects,
      error,
      el('div', { 'data-part': 'confirmation-actions' }, cancel, confirm),
    );
    dialog.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        if (!confirmation.busy) confirmation.cancel();
      } else if (event.key === 'Tab') {
        // Modal: focus stays on the dialog's two buttons.
        event.preventDefault();
        (document.activeElement === cancel ? confirm : cancel).focus();
      }
    });
    dialogLayer.replaceChildren(el('div', { 'data-part': 'overlay' }), dialog);
    // A destructive confirmation starts on Cancel; through busy and retry focus stays where it was.
    const first = !confirmationShown;
    confirmationShown = true;
    (first || focused !== 'confirm' ? cancel : confirm).focus();
  }

  // ── rendering ─────────────────────────────────────────────────────────────
  function render() {
    const current = view();
    trigger.setAttribute('aria-label', t.text(current.triggerLabel));
    if (open) renderMenu(current);
    renderConfirmation(current.confirmation);
  }

  const changes = actor.on('changed', (event) => announce(t.text(changeFeedback(event.results, event.announcement).announcement)));
  const subscription = actor.subscribe(render);

  return {
    destroy() {
      subscription.unsubscribe();
      changes.unsubscribe();
      actor.stop();
      document.removeEventListener('pointerdown', onOutside);
      container.remove();
    },
  };
}
