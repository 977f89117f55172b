import { Link } from 'react-router';
import { PageHeader } from '../../shared/components/PageHeader';
import { RoleBadge } from '../../shared/components/RoleBadge';
import { formatTimestamp } from '../../shared/format/time';
import { ChangePasswordForm } from './components/ChangePasswordForm';
import { useSessionInfo } from './hooks/useSession';
import './auth.css';

/** /account: who you are signed in as, your password, and a way to your API tokens. */
export function AccountPage() {
  const info = useSessionInfo();
  if (!info) return null;
  const { user } = info;
  return (
    <section className="page account-page">
      <PageHeader title="Account" />
      <dl className="detail-list account-facts">
        <dt>Username</dt>
        <dd>{user.username}</dd>
        <dt>Role</dt>
        <dd>
          <RoleBadge role={user.role} />
        </dd>
        <dt>Signs in with</dt>
        <dd>{user.source === 'oidc' ? 'the identity provider (single sign-on)' : 'a Drivebay password'}</dd>
        <dt>Session ends</dt>
        <dd>
          {formatTimestamp(info.expiresAt)} at the latest, or after {Math.round(info.idleTimeoutSeconds / 60)}{' '}
          min without activity
        </dd>
      </dl>
      <p>
        <Link to="/account/tokens">API tokens</Link> let scripts call the API as you.
      </p>
      {user.source === 'local' ? (
        <ChangePasswordForm />
      ) : (
        <p className="muted">Your password is managed by your identity provider; change it there.</p>
      )}
    </section>
  );
}
