import type { ConfirmationView } from '@offboard/core/machines';
import { useMessages } from '../provider/OffboardContext';
import { ConfirmationPanel, type ConfirmationPanelProps } from './ConfirmationPanel';
import { ModalDialog, type ModalDialogProps } from './ModalDialog';

type ConfirmDialogProps = Omit<ConfirmationPanelProps, 'confirmation'> & Pick<ModalDialogProps, 'returnFocusTo'> & { confirmation: ConfirmationView | null };

/** A confirmation in its own modal, open while the core has one: an alert dialog for destructive actions, closing cancels. */
export function ConfirmDialog({ confirmation, returnFocusTo, autoFocus = true, ...panel }: ConfirmDialogProps) {
  const messages = useMessages();
  return (
    <ModalDialog
      open={confirmation !== null}
      onOpenChange={(next) => {
        if (!next && confirmation && !confirmation.busy) confirmation.cancel();
      }}
      title={confirmation ? messages.text(confirmation.title) : ''}
      description={confirmation ? messages.text(confirmation.description) : undefined}
      part="confirm-dialog"
      role={confirmation?.tone === 'default' ? 'dialog' : 'alertdialog'}
      returnFocusTo={returnFocusTo}
    >
      {/* Cancel takes focus, not the first field (a reason's radio): a destructive action is never one keystroke away. */}
      {confirmation ? <ConfirmationPanel confirmation={confirmation} autoFocus={autoFocus} {...panel} /> : null}
    </ModalDialog>
  );
}
