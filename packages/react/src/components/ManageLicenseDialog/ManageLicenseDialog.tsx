'use client';

import type { User } from '@offboard/core';
import { ModalDialog } from '../../parts/ModalDialog';
import { useMessages } from '../../provider/OffboardContext';
import { LicensePanel } from './LicensePanel';

export interface ManageLicenseDialogProps {
  /** Whose license to manage. */
  user: User;
  open: boolean;
  onOpenChange(open: boolean): void;
  /**
   * ISO 3166-1 alpha-2 countries offered when assigning a license.
   * @default the countries of the organisation's phone numbers, and the user's previous license country
   */
  countries?: readonly string[];
  /** Element to focus when the dialog closes. @default the element focused before it opened */
  returnFocusTo?: () => HTMLElement | null | undefined;
}

/**
 * License status and country, seat usage, and the one license action that applies: deactivate it
 * (R2, with its effects; R4 explained with the numbers to deactivate first) or assign one (R7,
 * with a seat check). Its content mounts on open, so a closed dialog asks the backend nothing.
 */
export function ManageLicenseDialog({ user, open, onOpenChange, countries, returnFocusTo }: ManageLicenseDialogProps) {
  const messages = useMessages();
  return (
    <ModalDialog
      open={open}
      onOpenChange={onOpenChange}
      title={messages.t('license.title')}
      description={messages.t('license.description', { name: user.name })}
      part="license-dialog"
      returnFocusTo={returnFocusTo}
    >
      <LicensePanel key={user.id} user={user} countries={countries} />
    </ModalDialog>
  );
}
