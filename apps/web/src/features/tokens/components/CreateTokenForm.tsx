import type { CreatedToken, Role, TokenScope } from '@drivebay/api-types';
import { TokenScopeSchema } from '@drivebay/api-types';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { type FieldErrors, serverFieldErrors } from '../../../shared/api/fieldErrors';
import { FieldError } from '../../../shared/components/FieldError';
import { FormError } from '../../../shared/components/FormError';
import { createToken, tokenKeys } from '../api/tokensApi';
import { checkNewToken, type NewTokenInput, roleForScope, usableScopes } from '../model/tokens';

const FIELDS = ['name', 'scopes', 'expiresInDays'];
const SCOPE_TEXT: Record<TokenScope, string> = {
  read: 'read: every GET',
  write: 'write: operator actions (volumes, incidents)',
  admin: 'admin: users, tokens, settings',
};
const EMPTY: NewTokenInput = { name: '', scopes: ['read'], expiresInDays: '90' };

/** Name, scopes (only those the role can use are offered) and days until it expires. */
export function CreateTokenForm({
  role,
  onCreated,
}: {
  role: Role;
  onCreated: (created: CreatedToken) => void;
}) {
  const queryClient = useQueryClient();
  const [input, setInput] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const usable = usableScopes(role);
  const mutation = useMutation({
    mutationFn: createToken,
    onSuccess: (created) => {
      setInput(EMPTY);
      onCreated(created);
    },
    onError: (error) => setErrors(serverFieldErrors(error, FIELDS)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: tokenKeys.all }),
  });
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkNewToken(input);
    setErrors(checked.ok ? {} : checked.errors);
    if (checked.ok) mutation.mutate(checked.request);
  };
  const toggle = (scope: TokenScope, on: boolean) => {
    const rest = input.scopes.filter((s) => s !== scope);
    setInput({ ...input, scopes: on ? [...rest, scope] : rest });
  };
  const formError = mutation.isError && Object.keys(errors).length === 0 ? mutation.error : undefined;

  return (
    <form className="form" aria-labelledby="create-token-heading" onSubmit={handleSubmit} noValidate>
      <h2 id="create-token-heading">Create a token</h2>
      <div className="field">
        <label className="field-label" htmlFor="token-name">
          Name
        </label>
        <input
          id="token-name"
          value={input.name}
          placeholder="e.g. nightly-backup"
          aria-invalid={errors.name ? true : undefined}
          aria-describedby="token-name-error"
          onChange={(e) => setInput({ ...input, name: e.target.value })}
        />
        <FieldError id="token-name-error" message={errors.name} />
      </div>
      <fieldset className="field" aria-describedby="token-scopes-error">
        <legend className="field-label">Scopes</legend>
        {TokenScopeSchema.options.map((scope) => (
          <label key={scope} className="check">
            <input
              type="checkbox"
              checked={input.scopes.includes(scope)}
              disabled={!usable.includes(scope)}
              onChange={(e) => toggle(scope, e.target.checked)}
            />
            {SCOPE_TEXT[scope]}
            {!usable.includes(scope) && (
              <span className="muted"> (needs the {roleForScope(scope)} role)</span>
            )}
          </label>
        ))}
        <FieldError id="token-scopes-error" message={errors.scopes} />
      </fieldset>
      <div className="field">
        <label className="field-label" htmlFor="token-days">
          Expires after (days)
        </label>
        <input
          id="token-days"
          type="number"
          min={1}
          max={366}
          className="input-short"
          value={input.expiresInDays}
          aria-invalid={errors.expiresInDays ? true : undefined}
          aria-describedby="token-days-hint token-days-error"
          onChange={(e) => setInput({ ...input, expiresInDays: e.target.value })}
        />
        <p id="token-days-hint" className="field-hint">
          1 to 366 days.
        </p>
        <FieldError id="token-days-error" message={errors.expiresInDays} />
      </div>
      <FormError error={formError} prefix="Token not created: " />
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={mutation.isPending}>
          {mutation.isPending ? 'Creating…' : 'Create token'}
        </button>
      </div>
    </form>
  );
}
