import { type FormEvent, useState } from 'react';
import { serverFieldErrors } from '../../../shared/api/fieldErrors';
import { FieldError } from '../../../shared/components/FieldError';
import { FormError } from '../../../shared/components/FormError';
import { useUpdateUser } from '../hooks/useUserMutations';
import { checkPassword } from '../model/userForms';

/** "Reset password" opens a field for the new one; saving signs the user out everywhere. */
export function ResetPassword({ username }: { username: string }) {
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const mutation = useUpdateUser(username);
  const id = `reset-${username}`;
  const close = () => {
    setOpen(false);
    setPassword('');
    setError(undefined);
  };
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkPassword(password);
    setError(checked.ok ? undefined : checked.errors.password);
    if (!checked.ok) return;
    mutation.mutate(
      { password: checked.value },
      { onSuccess: close, onError: (e) => setError(serverFieldErrors(e, ['password']).password) },
    );
  };
  if (!open) {
    return (
      <>
        <button type="button" onClick={() => setOpen(true)}>
          Reset password
        </button>
        {mutation.isSuccess && <span role="status"> Password reset.</span>}
      </>
    );
  }
  return (
    <form className="inline-form" onSubmit={handleSubmit} noValidate>
      <label htmlFor={id}>New password for {username}</label>
      <input
        id={id}
        type="password"
        autoComplete="new-password"
        value={password}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : `${id}-hint`}
        onChange={(e) => setPassword(e.target.value)}
      />
      <p id={`${id}-hint`} className="field-hint">
        At least 12 characters.
      </p>
      <FieldError id={`${id}-error`} message={error} />
      {!error && <FormError error={mutation.error} />}
      <button type="submit" className="button-primary" disabled={mutation.isPending}>
        Set password
      </button>
      <button type="button" onClick={close}>
        Cancel
      </button>
    </form>
  );
}
