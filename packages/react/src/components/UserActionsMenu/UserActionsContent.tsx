import type { User } from '@offboard/core';
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useSelector } from '@xstate/react';
import { useEffect, useRef } from 'react';
import type { MessageKey } from '../../i18n/catalog';
import type { Explainable } from '../../i18n/createTranslator';
import { PLAN_GATES } from '../../machines/cachedPlanLoader';
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
 * mounts when the menu first opens, so a table of users loads a plan only for the rows used. A
 * caller without an admin's standing (R9) never asks for the plan, which R12 keeps from members
 * anyway: every item shows, blocked by that refusal.
 */
export function UserActionsContent({ user, onManageLicense, onReassignContacts, onStartOffboarding, returnFocusTo, openedByKeyboard }: UserActionsContentProps) {
  const { portalContainer } = useOffboard();
  const messages = useMessages();
  const actorRef = useUserLifecycle(user.id, PLAN_GATES.admin);
  const plan = useSelector(actorRef, (snapshot) => snapshot.context.plan);
  const phase = useSelector(actorRef, selectLifecyclePhase);
  const pending = useSelector(actorRef, (snapshot) => snapshot.context.pending);
  const error = useSelector(actorRef, (snapshot) => snapshot.context.error);
  // A failure that asking again will not change (a rule's refusal) is the answer for every item.
  const refusal = plan === null && phase === 'loadFailed' && error && !error.retryable ? error : null;
  // A dialog opened from an item takes focus; the menu must not pull it back to its trigger.
  const dialogOpening = useRef(false);
  const openingDialog = (open: () => void) => () => {
    dialogOpening.current = true;
    open();
  };

  // Radix focuses the first item of a menu opened by keyboard, but the first time the items
  // arrive with the plan (or its refusal), after opening: focus it then, as Radix would have.
  const contentRef = useRef<HTMLDivElement>(null);
  const loaded = plan !== null || refusal !== null;
  useEffect(() => {
    const content = contentRef.current;
    if (loaded && content && openedByKeyboard() && content.ownerDocument.activeElement === content) {
      content.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    }
  }, [loaded, openedByKeyboard]);

  const confirming = plan !== null && pending !== null && (phase === 'confirming' || phase === 'submitting' || phase === 'failed');
  const confirmation = confirming ? lifecycleConfirmation(messages, plan, pending) : null;
  const current = plan?.user ?? user;
  const item = (action: string, label: MessageKey, blockedBy: Explainable | null, onSelect: () => void) => (
    <ActionMenuItem action={action} label={messages.t(label)} refusal={refusal ?? blockedBy} onSelect={onSelect} />
  );

  return (
    <>
      <DropdownMenu.Portal container={portalContainer}>
        <DropdownMenu.Content
          ref={contentRef}
          {...part('menu', plan ? 'ready' : refusal ? 'refused' : phase)}
          align="end"
          sideOffset={4}
          onCloseAutoFocus={(event) => {
            if (dialogOpening.current) event.preventDefault();
            dialogOpening.current = false;
          }}
        >
          {!loaded && phase === 'loadFailed' && error ? (
            // The failure in words, and a retry that keeps the menu open for the items it brings.
            <ActionMenuItem action="retry" label={messages.t('common.retry')} refusal={null} note={error} keepOpen onSelect={() => actorRef.send({ type: 'RETRY' })} />
          ) : null}
          {!loaded && phase !== 'loadFailed' ? (
            // An inert item, not a bare label: a menu must contain menu items (ARIA), even while loading.
            <DropdownMenu.Item disabled {...part('menu-status')}>
              {messages.t('common.loading')}
            </DropdownMenu.Item>
          ) : null}
          {loaded ? (
            <>
              {item('manage-license', 'menu.manageLicense', null, openingDialog(onManageLicense))}
              {onReassignContacts
                ? item('reassign-contacts', 'menu.reassignContacts', plan?.refusals.reassignContacts ?? null, () => onReassignContacts(current))
                : null}
              {onStartOffboarding ? item('start-offboarding', 'menu.startOffboarding', null, () => onStartOffboarding(current)) : null}
              <DropdownMenu.Separator {...part('menu-separator')} />
              {current.status === 'active'
                ? item('deactivate-user', 'menu.deactivateUser', plan?.refusals.deactivateUser ?? null, openingDialog(() => actorRef.send({ type: 'DEACTIVATE_USER' })))
                : item('activate-user', 'menu.activateUser', plan?.refusals.reactivateUser ?? null, openingDialog(() => actorRef.send({ type: 'REACTIVATE_USER' })))}
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
