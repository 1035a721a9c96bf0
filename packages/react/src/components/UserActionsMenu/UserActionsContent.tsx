import type { User } from '@offboard/core';
import type { UserActionId } from '@offboard/core/machines';
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { Fragment, useEffect, useRef } from 'react';
import { useUserLifecycle } from '../../bindings/useUserLifecycle';
import { ConfirmDialog } from '../../parts/ConfirmDialog';
import { part } from '../../parts/partProps';
import { useMessages, useOffboard } from '../../provider/OffboardContext';
import { ActionMenuItem } from './ActionMenuItem';

interface UserActionsContentProps {
  user: User;
  onManageLicense(): void;
  onReassignContacts?: (user: User) => void;
  onStartOffboarding?: (user: User) => void;
  returnFocusTo(): HTMLElement | null;
  /** Whether the menu was opened from the keyboard, which puts focus on its first item. */
  openedByKeyboard(): boolean;
}

/**
 * The menu's items and the lifecycle confirmation, rendered from `connectUserLifecycle`. It mounts
 * when the menu first opens, so a table of users loads a plan only for the rows used. A caller
 * without an admin's standing (R9) is refused by the machine before the plan is asked for: every
 * item shows, blocked by that refusal.
 */
export function UserActionsContent({ user, onManageLicense, onReassignContacts, onStartOffboarding, returnFocusTo, openedByKeyboard }: UserActionsContentProps) {
  const { portalContainer } = useOffboard();
  const messages = useMessages();
  const view = useUserLifecycle('admin', { user, offers: { reassignContacts: onReassignContacts !== undefined, startOffboarding: onStartOffboarding !== undefined } });
  // A dialog opened from an item takes focus; the menu must not pull it back to its trigger.
  const dialogOpening = useRef(false);

  // Radix focuses the first item of a menu opened by keyboard, but the first time the items
  // arrive with the plan (or its refusal), after opening: focus it then, as Radix would have.
  const contentRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const content = contentRef.current;
    if (view.settled && content && openedByKeyboard() && content.ownerDocument.activeElement === content) {
      content.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    }
  }, [view.settled, openedByKeyboard]);

  // What the host opens itself; the core's own items (deactivate, activate) carry their `select`.
  const hostSelect: Partial<Record<UserActionId, () => void>> = {
    'manage-license': onManageLicense,
    'reassign-contacts': () => onReassignContacts?.(view.user),
    'start-offboarding': () => onStartOffboarding?.(view.user),
  };

  return (
    <>
      <DropdownMenu.Portal container={portalContainer}>
        <DropdownMenu.Content
          ref={contentRef}
          {...part(view.attributes['data-part'], view.attributes['data-state'])}
          align="end"
          sideOffset={4}
          onCloseAutoFocus={(event) => {
            if (dialogOpening.current) event.preventDefault();
            dialogOpening.current = false;
          }}
        >
          {view.loadError ? (
            // The failure in words, and a retry that keeps the menu open for the items it brings.
            <ActionMenuItem
              label={messages.t('common.retry')}
              blockedBy={null}
              note={view.loadError}
              keepOpen
              attributes={{ 'data-part': 'menu-item', 'data-state': 'ready', 'data-action': 'retry' }}
              onSelect={view.retryLoad}
            />
          ) : null}
          {!view.settled && !view.loadError ? (
            // An inert item, not a bare label: a menu must contain menu items (ARIA), even while loading.
            <DropdownMenu.Item disabled {...part('menu-status')}>
              {messages.t('common.loading')}
            </DropdownMenu.Item>
          ) : null}
          {view.items.map((item) => (
            <Fragment key={item.id}>
              {item.separated ? <DropdownMenu.Separator {...part('menu-separator')} /> : null}
              <ActionMenuItem
                label={messages.text(item.label)}
                blockedBy={item.blockedBy}
                attributes={item.attributes}
                onSelect={() => {
                  dialogOpening.current = item.opensDialog;
                  (item.select ?? hostSelect[item.id])?.();
                }}
              />
            </Fragment>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
      <ConfirmDialog confirmation={view.confirmation} returnFocusTo={returnFocusTo} />
    </>
  );
}
