import { ConfirmationPanel, type ConfirmationPanelProps } from './ConfirmationPanel';
import { ModalDialog, type ModalDialogProps } from './ModalDialog';

type ConfirmDialogProps = ConfirmationPanelProps & Pick<ModalDialogProps, 'open' | 'title' | 'description' | 'returnFocusTo'>;

/** A confirmation in its own modal: an alert dialog for destructive actions, closing cancels. */
export function ConfirmDialog({ open, title, description, returnFocusTo, ...panel }: ConfirmDialogProps) {
  return (
    <ModalDialog
      open={open}
      onOpenChange={(next) => {
        if (!next && !panel.busy) panel.onCancel();
      }}
      title={title}
      description={description}
      part="confirm-dialog"
      role={panel.tone === 'default' ? 'dialog' : 'alertdialog'}
      returnFocusTo={returnFocusTo}
    >
      <ConfirmationPanel {...panel} />
    </ModalDialog>
  );
}
