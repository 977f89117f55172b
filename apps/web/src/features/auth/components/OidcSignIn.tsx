import { useQuery } from '@tanstack/react-query';
import { oidcLoginHref } from '../api/authApi';
import { authConfigQuery } from '../api/sessionQueries';

/** "Sign in with <provider>" when single sign-on is set up: a plain link, the server redirects. */
export function OidcSignIn({ next }: { next: string }) {
  const config = useQuery(authConfigQuery());
  const oidc = config.data?.oidc;
  if (!oidc?.enabled) return null;
  return (
    <div className="auth-oidc">
      <p className="auth-divider">
        <span>or</span>
      </p>
      <a className="button-link" href={oidcLoginHref(next)}>
        Sign in with {oidc.label}
      </a>
    </div>
  );
}
