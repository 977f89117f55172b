import type { ReactNode } from 'react';
import { FieldError } from '../../../shared/components/FieldError';

interface ComposeFieldProps {
  /** The input's id; hint and error ids derive from it. */
  id: string;
  label: string;
  hint?: ReactNode;
  error: string | undefined;
  /** The input, given `aria-describedby` for hint and error. */
  children: (describedBy: string | undefined) => ReactNode;
}

/** A label, the input, a hint under it and the error beside it. */
export function ComposeField({ id, label, hint, error, children }: ComposeFieldProps) {
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children(describedBy)}
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
