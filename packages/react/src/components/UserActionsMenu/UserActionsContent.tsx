import type { User } from '@offboard/core';
import type { UserActionId } from '@offboard/core/machines';
import { Fragment, useEffect, useRef } from 'react';
import { useKeyedAction } from '../../bindings/useKeyedAction';
import { useUserLifecycle } from '../../bindings/useUserLifecycle';
import { ConfirmDialog } from '../../parts/ConfirmDialog';
import { ErrorNotice } from '../../parts/ErrorNotice';
import { MenuContent, MenuItem, MenuSeparator } from '../../parts/Menu';
import { part } from '../../parts/partProps';
import { ScheduleDialog } from '../../parts/ScheduleDialog';
import { useMessages, useOffboard } from '../../provider/OffboardContext';
import { ActionMenuItem } from './ActionMenuItem';

interface UserActionsContentProps {
  user: User;
  onManageLicense(): void;
  onReassignContacts?: (user: User) => void;
  onStartOffboarding?: (user: User) => void;
  onShowHistory?: (user: User) => void;
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
export function UserActionsContent({ user, onManageLicense, onReassignContacts, onStartOffboarding, onShowHistory, returnFocusTo, openedByKeyboard }: UserActionsContentProps) {
  const { portalContainer } = useOffboard();
  const messages = useMessages();
  const view = useUserLifecycle('admin', { user, offers: { reassignContacts: onReassignContacts !== undefined, startOffboarding: onStartOffboarding !== undefined, showHistory: onShowHistory !== undefined } });
  // R15: each pending schedule's Cancel, a keyed action; its failure shows beside the menu's button.
  const { connect: connectCancel } = useKeyedAction('admin');
  const cancels = view.scheduled.map((pending) => ({ pending, action: connectCancel(pending.cancel.request, pending.cancel.options) }));
  // A dialog opened from an item takes focus; the menu must not pull it back to its trigger.
  const dialogOpening = useRef(false);

  // A menu opened by keyboard focuses its first item, but the first time the items arrive with
  // the plan (or its refusal), after opening: focus it then.
  const contentRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const content = contentRef.current;
    if (view.settled && content && openedByKeyboard() && content.ownerDocument.activeElement === content) {
      content.querySelector<HTMLElement>('[role="menuitem"]')?.focus({ preventScroll: true });
    }
  }, [view.settled, openedByKeyboard]);

  // What the host opens itself; the core's own items (deactivate, activate) carry their `select`.
  const hostSelect: Partial<Record<UserActionId, () => void>> = {
    'manage-license': onManageLicense,
    'reassign-contacts': () => onReassignContacts?.(view.user),
    'start-offboarding': () => onStartOffboarding?.(view.user),
    'show-history': () => onShowHistory?.(view.user),
  };

  return (
    <>
      <MenuContent
        ref={contentRef}
        container={portalContainer}
        {...part(view.attributes['data-part'], view.attributes['data-state'])}
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
          <MenuItem disabled {...part('menu-status')}>
            {messages.t('common.loading')}
          </MenuItem>
        ) : null}
        {view.items.map((item) => (
          <Fragment key={item.id}>
            {item.separated ? <MenuSeparator {...part('menu-separator')} /> : null}
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
        {cancels.map(({ pending, action }) => (
          <ActionMenuItem
            key={pending.schedule.id}
            label={messages.text(pending.menuLabel)}
            blockedBy={action.control.blockedBy}
            attributes={{ 'data-part': 'menu-item', 'data-state': action.control.state, 'data-action': 'cancel-schedule' }}
            onSelect={action.control.press}
          />
        ))}
      </MenuContent>
      <ConfirmDialog confirmation={view.confirmation} returnFocusTo={returnFocusTo} />
      <ScheduleDialog form={view.schedule} returnFocusTo={returnFocusTo} />
      {cancels.map(({ pending, action }) => (action.error ? <ErrorNotice key={pending.schedule.id} error={action.error} onRetry={action.retry} /> : null))}
    </>
  );
}
