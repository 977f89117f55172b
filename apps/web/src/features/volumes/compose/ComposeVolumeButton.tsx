import { useState } from 'react';
import { useCan } from '../../auth';
import { ComposeDialog } from './ComposeDialog';

/** "Compose volume" for operators and admins; for viewers it is not there at all. */
export function ComposeVolumeButton() {
  const canCompose = useCan('operator');
  const [open, setOpen] = useState(false);
  if (!canCompose) return null;
  return (
    <>
      <button type="button" className="button-primary" onClick={() => setOpen(true)}>
        Compose volume
      </button>
      {open && <ComposeDialog onClose={() => setOpen(false)} />}
    </>
  );
}
