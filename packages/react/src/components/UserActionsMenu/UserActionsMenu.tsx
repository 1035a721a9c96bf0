'use client';

import type { User } from '@offboard/core';
import { useCallback, useRef, useState } from 'react';
import { MenuRoot, MenuTrigger } from '../../parts/Menu';
import { part, useRootProps } from '../../parts/partProps';
import { useMessages } from '../../provider/OffboardContext';
import { ManageLicenseDialog } from '../ManageLicenseDialog/ManageLicenseDialog';
import { UserActionsContent } from './UserActionsContent';

export interface UserActionsMenuProps {
  /** The user the actions are for. */
  user: User;
  /** Opens the host's contact reassignment for this user; without it the item is not shown. */
  onReassignContacts?: (user: User) => void;
  /** Opens the host's offboarding checklist for this user; without it the item is not shown. */
  onStartOffboarding?: (user: User) => void;
  /** Opens the host's `UserHistory` (from `@offboard/react/audit`) for this user; without it the item is not shown. */
  onShowHistory?: (user: User) => void;
  /** Added to the root element's classes. */
  className?: string;
}

/**
 * A WAI-ARIA menu button of one user's actions: Manage license, Reassign contacts, Start
 * offboarding, Deactivate or Activate user. What is allowed, and why not, comes from the user's
 * plan; destructive actions confirm their effects first.
 */
export function UserActionsMenu({ user, onReassignContacts, onStartOffboarding, onShowHistory, className }: UserActionsMenuProps) {
  const messages = useMessages();
  const rootProps = useRootProps('user-actions', className);
  const [open, setOpen] = useState(false);
  const [engaged, setEngaged] = useState(false);
  const [licenseOpen, setLicenseOpen] = useState(false);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const focusTrigger = useCallback(() => triggerRef.current, []);
  const keyboardOpen = useRef(false);
  const openedByKeyboard = useCallback(() => keyboardOpen.current, []);

  return (
    <div {...rootProps} data-user-id={user.id}>
      {/* Non-modal: a menu need not hide the page. */}
      <MenuRoot
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (next) setEngaged(true);
        }}
      >
        <MenuTrigger
          ref={triggerRef}
          {...part('menu-trigger')}
          data-user-id={user.id}
          aria-label={messages.t('menu.trigger', { name: user.name })}
          onKeyDown={() => (keyboardOpen.current = true)}
          onPointerDown={() => (keyboardOpen.current = false)}
        >
          <span aria-hidden="true">⋯</span>
        </MenuTrigger>
        {engaged ? (
          <UserActionsContent
            key={user.id}
            user={user}
            onManageLicense={() => setLicenseOpen(true)}
            onReassignContacts={onReassignContacts}
            onStartOffboarding={onStartOffboarding}
            onShowHistory={onShowHistory}
            returnFocusTo={focusTrigger}
            openedByKeyboard={openedByKeyboard}
          />
        ) : null}
      </MenuRoot>
      <ManageLicenseDialog user={user} open={licenseOpen} onOpenChange={setLicenseOpen} returnFocusTo={focusTrigger} />
    </div>
  );
}
