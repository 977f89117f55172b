import type { ReactNode } from 'react';
import { Dialog } from './Dialog';
import { FormError } from './FormError';

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  /** The action in words: "Delete user bob". */
  confirmLabel: string;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onCancel: () => void;
  /** The action cannot be done now; the text says why, and only Close is offered. */
  blocked?: boolean;
}

/** "Are you sure?" for an action that cannot be undone; Cancel has the focus, so Enter is safe. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { title, children, confirmLabel, pending, error, onConfirm, onCancel, blocked = false } = props;
  return (
    <Dialog label={title} onClose={onCancel} className="dialog-confirm">
      <h2>{title}</h2>
      <div className="dialog-body">{children}</div>
      <FormError error={error} />
      <div className="form-actions">
        {/* biome-ignore lint/a11y/noAutofocus: in a confirmation the safe choice takes the focus. */}
        <button type="button" onClick={onCancel} autoFocus>
          {blocked ? 'Close' : 'Cancel'}
        </button>
        {!blocked && (
          <button type="button" className="button-danger" onClick={onConfirm} disabled={pending}>
            {pending ? 'Working…' : confirmLabel}
          </button>
        )}
      </div>
    </Dialog>
  );
}
