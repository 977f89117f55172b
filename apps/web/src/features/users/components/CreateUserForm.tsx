import { RoleSchema } from '@drivebay/api-types';
import { type FormEvent, useState } from 'react';
import { type FieldErrors, serverFieldErrors } from '../../../shared/api/fieldErrors';
import { FieldError } from '../../../shared/components/FieldError';
import { FormError } from '../../../shared/components/FormError';
import { PasswordField } from '../../../shared/components/PasswordField';
import { useCreateUser } from '../hooks/useUserMutations';
import { checkNewUser, type NewUserInput } from '../model/userForms';

const FIELDS = ['username', 'role', 'password'];
const EMPTY: NewUserInput = { username: '', role: 'viewer', password: '' };

/** Adds a local user: username, role and a first password to hand over. */
export function CreateUserForm() {
  const [input, setInput] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [created, setCreated] = useState<string>();
  const mutation = useCreateUser();
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkNewUser(input);
    setErrors(checked.ok ? {} : checked.errors);
    setCreated(undefined);
    if (!checked.ok) return;
    mutation.mutate(checked.value, {
      onSuccess: (user) => {
        setCreated(user.username);
        setInput(EMPTY);
      },
      onError: (error) => setErrors(serverFieldErrors(error, FIELDS)),
    });
  };
  const formError = mutation.isError && Object.keys(errors).length === 0 ? mutation.error : undefined;

  return (
    <form
      className="form create-user"
      aria-labelledby="create-user-heading"
      onSubmit={handleSubmit}
      noValidate
    >
      <h2 id="create-user-heading">Add a user</h2>
      <div className="field">
        <label className="field-label" htmlFor="new-username">
          Username
        </label>
        <input
          id="new-username"
          autoComplete="off"
          spellCheck={false}
          value={input.username}
          aria-invalid={errors.username ? true : undefined}
          aria-describedby="new-username-hint new-username-error"
          onChange={(e) => setInput({ ...input, username: e.target.value })}
        />
        <p id="new-username-hint" className="field-hint">
          Lowercase letters, digits and . _ @ -
        </p>
        <FieldError id="new-username-error" message={errors.username} />
      </div>
      <div className="field">
        <label className="field-label" htmlFor="new-role">
          Role
        </label>
        <select
          id="new-role"
          value={input.role}
          onChange={(e) => setInput({ ...input, role: RoleSchema.parse(e.target.value) })}
        >
          <option value="viewer">viewer: reads everything</option>
          <option value="operator">operator: also composes and runs volumes</option>
          <option value="admin">admin: also manages users and the site</option>
        </select>
        <FieldError id="new-role-error" message={errors.role} />
      </div>
      <PasswordField
        name="new-password"
        label="Password"
        autoComplete="new-password"
        hint="At least 12 characters. Hand it over safely; they can change it under Account."
        value={input.password}
        onChange={(password) => setInput({ ...input, password })}
        error={errors.password}
      />
      <FormError error={formError} prefix="User not added: " />
      {created && (
        <p role="status" className="form-success">
          <span aria-hidden="true">✓ </span>User {created} added.
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={mutation.isPending}>
          {mutation.isPending ? 'Adding…' : 'Add user'}
        </button>
      </div>
    </form>
  );
}
