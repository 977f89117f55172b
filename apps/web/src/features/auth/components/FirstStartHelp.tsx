import { useQuery } from '@tanstack/react-query';
import { authConfigQuery } from '../api/sessionQueries';

/**
 * Where the first admin's password is, as the server says: its real path in the data directory,
 * shown only while that file is still there.
 */
export function FirstStartHelp() {
  const file = useQuery(authConfigQuery()).data?.initialPasswordFile;
  if (!file) return null;
  return (
    <aside className="auth-help" aria-label="First start">
      <h2>First start?</h2>
      <p>
        The first admin's password was printed on the console at first start and saved on the server in{' '}
        <code>{file}</code>. Sign in as <code>admin</code> with it, change it under Account, then delete that
        file.
      </p>
    </aside>
  );
}
