import type { ScheduleFormView } from '@offboard/core/machines';
import { useMessages } from '../provider/OffboardContext';
import { ModalDialog, type ModalDialogProps } from './ModalDialog';
import { ScheduleForm } from './ScheduleForm';

/** "Deactivate on a date…" in its own modal, open while the core has the form; closing cancels it (not while it is sent). */
export function ScheduleDialog({ form, returnFocusTo }: { form: ScheduleFormView | null } & Pick<ModalDialogProps, 'returnFocusTo'>) {
  const messages = useMessages();
  return (
    <ModalDialog
      open={form !== null}
      onOpenChange={(next) => {
        if (!next && form && !form.confirmation.busy) form.confirmation.cancel();
      }}
      title={form ? messages.text(form.confirmation.title) : ''}
      description={form ? messages.text(form.confirmation.description) : undefined}
      part="schedule-dialog"
      returnFocusTo={returnFocusTo}
    >
      {form ? <ScheduleForm form={form} autoFocus /> : null}
    </ModalDialog>
  );
}
