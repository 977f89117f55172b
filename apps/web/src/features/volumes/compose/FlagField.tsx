import { FieldError } from '../../../shared/components/FieldError';

interface FlagFieldProps {
  id: string;
  label: string;
  hint: string;
  checked: boolean;
  error: string | undefined;
  onChange: (checked: boolean) => void;
}

/** A checkbox with its label, a hint and an error. */
export function FlagField({ id, label, hint, checked, error, onChange }: FlagFieldProps) {
  return (
    <div className="field">
      <label className="check">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          aria-describedby={`${id}-hint`}
          onChange={(e) => onChange(e.target.checked)}
        />
        {label}
      </label>
      <p id={`${id}-hint`} className="field-hint">
        {hint}
      </p>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
