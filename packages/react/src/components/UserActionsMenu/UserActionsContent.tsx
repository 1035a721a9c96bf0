import type { User } from '@offboard/core';
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useSelector } from '@xstate/react';
import { useEffect, useRef } from 'react';
import { lifecycleControls, selectLifecyclePhase, useUserLifecycle } from '../../machines/useUserLifecycle';
import { ConfirmDialog } from '../../parts/ConfirmDialog';
import { lifecycleConfirmation } from '../../parts/lifecycleConfirmation';
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
 * The menu's items and the lifecycle confirmation, bound to the user's lifecycle machine. It
 * mounts when the menu first opens, so a table of users loads a plan only for the rows used.
 */
export function UserActionsContent({ user, onManageLicense, onReassignContacts, onStartOffboarding, returnFocusTo, openedByKeyboard }: UserActionsContentProps) {
  const { portalContainer } = useOffboard();
  const messages = useMessages();
  const actorRef = useUserLifecycle(user.id);
  const plan = useSelector(actorRef, (snapshot) => snapshot.context.plan);
  const phase = useSelector(actorRef, selectLifecyclePhase);
  const pending = useSelector(actorRef, (snapshot) => snapshot.context.pending);
  const error = useSelector(actorRef, (snapshot) => snapshot.context.error);
  // A dialog opened from an item takes focus; the menu must not pull it back to its trigger.
  const dialogOpening = useRef(false);
  const openingDialog = (open: () => void) => () => {
    dialogOpening.current = true;
    open();
  };

  // Radix focuses the first item of a menu opened by keyboard, but the first time the items
  // arrive with the plan, after opening: focus it then, as Radix would have.
  const contentRef = useRef<HTMLDivElement>(null);
  const loaded = plan !== null;
  useEffect(() => {
    const content = contentRef.current;
    if (loaded && content && openedByKeyboard() && content.ownerDocument.activeElement === content) {
      content.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    }
  }, [loaded, openedByKeyboard]);

  const confirming = plan !== null && pending !== null && (phase === 'confirming' || phase === 'submitting' || phase === 'failed');
  const confirmation = confirming ? lifecycleConfirmation(messages, plan, pending) : null;
  const current = plan?.user ?? user;

  return (
    <>
      <DropdownMenu.Portal container={portalContainer}>
        <DropdownMenu.Content
          ref={contentRef}
          {...part('menu', plan ? 'ready' : phase)}
          align="end"
          sideOffset={4}
          onCloseAutoFocus={(event) => {
            if (dialogOpening.current) event.preventDefault();
            dialogOpening.current = false;
          }}
        >
          {plan === null && phase === 'loadFailed' && error ? (
            // The failure in words, and a retry that keeps the menu open for the items it brings.
            <ActionMenuItem action="retry" label={messages.t('common.retry')} refusal={null} note={error} keepOpen onSelect={() => actorRef.send({ type: 'RETRY' })} />
          ) : null}
          {plan === null && phase !== 'loadFailed' ? (
            // An inert item, not a bare label: a menu must contain menu items (ARIA), even while loading.
            <DropdownMenu.Item disabled {...part('menu-status')}>
              {messages.t('common.loading')}
            </DropdownMenu.Item>
          ) : null}
          {plan ? (
            <>
              <ActionMenuItem action="manage-license" label={messages.t('menu.manageLicense')} refusal={null} onSelect={openingDialog(onManageLicense)} />
              {onReassignContacts ? (
                <ActionMenuItem
                  action="reassign-contacts"
                  label={messages.t('menu.reassignContacts')}
                  refusal={plan.refusals.reassignContacts}
                  onSelect={() => onReassignContacts(current)}
                />
              ) : null}
              {onStartOffboarding ? (
                <ActionMenuItem action="start-offboarding" label={messages.t('menu.startOffboarding')} refusal={null} onSelect={() => onStartOffboarding(current)} />
              ) : null}
              <DropdownMenu.Separator {...part('menu-separator')} />
              {current.status === 'active' ? (
                <ActionMenuItem
                  action="deactivate-user"
                  label={messages.t('menu.deactivateUser')}
                  refusal={plan.refusals.deactivateUser}
                  onSelect={openingDialog(() => actorRef.send({ type: 'DEACTIVATE_USER' }))}
                />
              ) : (
                <ActionMenuItem
                  action="activate-user"
                  label={messages.t('menu.activateUser')}
                  refusal={plan.refusals.reactivateUser}
                  onSelect={openingDialog(() => actorRef.send({ type: 'REACTIVATE_USER' }))}
                />
              )}
            </>
          ) : null}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
      {confirmation ? (
        <ConfirmDialog
          open
          title={confirmation.title}
          description={confirmation.description}
          returnFocusTo={returnFocusTo}
          effects={confirmation.effects}
          subjectName={current.name}
          confirmLabel={confirmation.confirmLabel}
          tone={confirmation.tone}
          {...lifecycleControls(actorRef, phase, error)}
        />
      ) : null}
    </>
  );
}
