import { Navigate, useSearchParams } from 'react-router';
import { parseLoginReason, safeNext } from '../../shared/api/loginPath';
import { BrandMark } from '../../shared/components/BrandMark';
import { ThemeToggle } from '../../shared/components/ThemeToggle';
import { FirstStartHelp } from './components/FirstStartHelp';
import { LoginForm } from './components/LoginForm';
import { OidcSignIn } from './components/OidcSignIn';
import { useSession } from './hooks/useSession';
import { loginNotice } from './model/loginMessages';
import './auth.css';

/** /login, outside the shell: sign in, then go back to the page that was asked for (`?next=`). */
export function LoginPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const notice = loginNotice(parseLoginReason(params.get('reason')));
  const session = useSession();
  if (session.data?.status === 'signed-in') return <Navigate to={next} replace />;

  return (
    <main className="auth-page">
      <div className="auth-tools">
        <ThemeToggle />
      </div>
      <section className="auth-card" aria-labelledby="login-heading">
        <p className="auth-brand">
          <BrandMark size={28} />
          Drivebay
        </p>
        <h1 id="login-heading">Sign in</h1>
        <p className="auth-tagline">The console for your composable storage.</p>
        {notice && (
          <p role="status" className="auth-notice">
            {notice}
          </p>
        )}
        <LoginForm />
        <OidcSignIn next={next} />
        <FirstStartHelp />
      </section>
    </main>
  );
}
