import { ManageLicenseDialog, useMessages, type ManageLicenseDialogProps } from '@offboard/react';
import { useEffect, useState } from 'react';

/**
 * `ManageLicenseDialog` is controlled (`open` + `onOpenChange`), so a story needs what a host
 * has: a button that opens it. The `open` control opens and closes it too; the dialog closing
 * itself (Escape, Close) is reported through `onOpenChange` as a host would see it.
 */
export function LicenseDialogOpener({ open: openArg, onOpenChange, ...props }: ManageLicenseDialogProps) {
  const messages = useMessages();
  const [open, setOpen] = useState(openArg);
  useEffect(() => setOpen(openArg), [openArg]);
  const change = (next: boolean) => {
    setOpen(next);
    onOpenChange(next);
  };
  return (
    <>
      <button type="button" onClick={() => change(true)}>
        {messages.t('menu.manageLicense')}: {props.user.name}
      </button>
      <ManageLicenseDialog {...props} open={open} onOpenChange={change} />
    </>
  );
}
