import * as Dialog from '@radix-ui/react-dialog';
import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { useMessages, useOffboard } from '../provider/OffboardContext';
import { part } from './partProps';

export interface ModalDialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  title: ReactNode;
  description?: ReactNode;
  /** The content's part name: `data-part` and `.ob-<part>`. */
  part: string;
  /** `alertdialog` for confirmations of destructive actions. @default 'dialog' */
  role?: 'dialog' | 'alertdialog';
  /**
   * Where focus goes on close. Dialogs opened from a menu item need it: the item is gone by then,
   * so the trigger that opened the menu gets focus back. Read when the dialog opens.
   * @default the element focused when the dialog opens
   */
  returnFocusTo?: () => HTMLElement | null | undefined;
  children: ReactNode;
}

/** A modal dialog (Radix: focus moved in, trapped, returned) rendered inside the provider's themed layer. */
export function ModalDialog({ open, onOpenChange, title, description, part: partName, role = 'dialog', returnFocusTo, children }: ModalDialogProps) {
  const { portalContainer } = useOffboard();
  const messages = useMessages();
  // Where focus goes back, decided when the dialog opens: later the opener may be gone (a menu
  // item) and the caller's state may no longer say who opened it. Radix's own return can also
  // land inside the dialog when its content remounts while open.
  const opener = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    if (!open) return;
    const active = document.activeElement;
    opener.current = returnFocusTo?.() ?? (active instanceof HTMLElement ? active : null);
    // Only on opening: the target is the one of this opening, whatever re-renders follow.
  }, [open]);
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal container={portalContainer}>
        <Dialog.Overlay {...part('overlay')} />
        <Dialog.Content
          {...part(partName)}
          className={`ob-dialog ob-${partName}`}
          role={role}
          {...(description ? {} : { 'aria-describedby': undefined })}
          onCloseAutoFocus={(event) => {
            const target = opener.current;
            if (target?.isConnected) {
              event.preventDefault();
              target.focus();
            }
          }}
        >
          <Dialog.Title {...part('dialog-title')}>{title}</Dialog.Title>
          {description ? <Dialog.Description {...part('dialog-description')}>{description}</Dialog.Description> : null}
          <div {...part('dialog-body')}>{children}</div>
          <Dialog.Close {...part('dialog-close')} aria-label={messages.t('common.close')}>
            <span aria-hidden="true">×</span>
          </Dialog.Close>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
