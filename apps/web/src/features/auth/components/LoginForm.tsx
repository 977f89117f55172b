import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { ApiError } from '../../../shared/api/apiError';
import { login } from '../api/authApi';
import { authKeys } from '../api/authKeys';
import { loginErrorText } from '../model/loginMessages';
import { type SessionState, signedIn } from '../model/sessionState';

/**
 * Username and password. On success the session goes into the cache and the login page
 * moves on; data cached for whoever was signed in before is dropped first.
 */
export function LoginForm() {
  const queryClient = useQueryClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const passwordRef = useRef<HTMLInputElement>(null);
  const mutation = useMutation({
    mutationFn: login,
    onSuccess: (info) => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== authKeys.all[0] });
      queryClient.setQueryData<SessionState>(authKeys.me(), signedIn(info));
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 401) {
        setPassword('');
        passwordRef.current?.focus();
      }
    },
  });
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate({ username: username.trim(), password });
  };
  const error = mutation.isError ? loginErrorText(mutation.error) : undefined;

  return (
    <form
      className="form auth-form"
      onSubmit={handleSubmit}
      aria-describedby={error ? 'login-error' : undefined}
    >
      <label className="field">
        <span className="field-label">Username</span>
        <input
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          // biome-ignore lint/a11y/noAutofocus: the login page has one job; the cursor belongs here.
          autoFocus
          required
          value={username}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'login-error' : undefined}
          onChange={(e) => setUsername(e.target.value)}
        />
      </label>
      <label className="field">
        <span className="field-label">Password</span>
        <input
          ref={passwordRef}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'login-error' : undefined}
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      {error && (
        <p id="login-error" role="alert" className="form-error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
      <button type="submit" className="button-primary" disabled={mutation.isPending}>
        {mutation.isPending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
