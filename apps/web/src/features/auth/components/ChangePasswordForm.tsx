import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../../shared/api/apiError';
import { type FieldErrors, serverFieldErrors } from '../../../shared/api/fieldErrors';
import { FormError } from '../../../shared/components/FormError';
import { PasswordField } from '../../../shared/components/PasswordField';
import { changePassword } from '../api/authApi';
import { markSessionEnded, recheckSession } from '../api/sessionQueries';
import { checkPasswordChange, type PasswordChangeInput } from '../model/passwordChange';

const FIELDS = ['currentPassword', 'newPassword'];
const EMPTY: PasswordChangeInput = { currentPassword: '', newPassword: '', confirmPassword: '' };

/** Current, new and repeated password. Success ends every session of the user, so it leads to the login page. */
export function ChangePasswordForm() {
  const queryClient = useQueryClient();
  const [input, setInput] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const mutation = useMutation({
    mutationFn: changePassword,
    onSuccess: () => markSessionEnded(queryClient, 'password-changed'),
    onError: async (error) => {
      setErrors(serverFieldErrors(error, FIELDS));
      // A 401 is the wrong current password, or a session that ended meanwhile: ask which.
      if (error instanceof ApiError && error.status === 401) await recheckSession(queryClient);
    },
  });
  const set = (field: keyof PasswordChangeInput) => (value: string) => setInput({ ...input, [field]: value });
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkPasswordChange(input);
    setErrors(checked.ok ? {} : checked.errors);
    if (checked.ok) mutation.mutate(checked.request);
  };
  const formError = mutation.isError && Object.keys(errors).length === 0 ? mutation.error : undefined;

  return (
    <form className="form" aria-labelledby="change-password-heading" onSubmit={handleSubmit} noValidate>
      <h2 id="change-password-heading">Change password</h2>
      <p className="muted">
        This signs you out everywhere, this browser included; sign in again with the new one.
      </p>
      <PasswordField
        name="currentPassword"
        label="Current password"
        autoComplete="current-password"
        value={input.currentPassword}
        onChange={set('currentPassword')}
        error={errors.currentPassword}
      />
      <PasswordField
        name="newPassword"
        label="New password"
        autoComplete="new-password"
        hint="At least 12 characters. A few unrelated words make a strong one."
        value={input.newPassword}
        onChange={set('newPassword')}
        error={errors.newPassword}
      />
      <PasswordField
        name="confirmPassword"
        label="New password again"
        autoComplete="new-password"
        value={input.confirmPassword}
        onChange={set('confirmPassword')}
        error={errors.confirmPassword}
      />
      <FormError
        error={formError}
        prefix={
          formError instanceof ApiError && formError.status === 401 ? 'Current password not accepted: ' : ''
        }
      />
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={mutation.isPending}>
          {mutation.isPending ? 'Changing…' : 'Change password'}
        </button>
      </div>
    </form>
  );
}
