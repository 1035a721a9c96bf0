import type { User } from '@offboard/core';
import { useState } from 'react';
import { ManageLicenseDialog } from '../src/components/ManageLicenseDialog/ManageLicenseDialog';

/** What a host puts around the controlled `ManageLicenseDialog`: a button that opens it. */
export function LicenseOpener({ user }: { user: User }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Open license
      </button>
      <ManageLicenseDialog user={user} open={open} onOpenChange={setOpen} />
    </>
  );
}
