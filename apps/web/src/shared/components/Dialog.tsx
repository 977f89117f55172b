import { type ReactNode, useEffect, useRef } from 'react';

interface DialogProps {
  /** The dialog's accessible name. */
  label: string;
  /** Escape, or the caller closing it. */
  onClose: () => void;
  children: ReactNode;
  className?: string;
}

/**
 * A modal dialog on the native <dialog>: the browser traps focus, makes the page behind inert,
 * and closes it on Escape. Mounted means open.
 */
export function Dialog({ label, onClose, children, className }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-label={label}
      className={className ? `dialog ${className}` : 'dialog'}
      onClose={onClose}
    >
      {children}
    </dialog>
  );
}
