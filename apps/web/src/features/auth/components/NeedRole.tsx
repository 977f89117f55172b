import type { Role } from '@drivebay/api-types';
import { EmptyState } from '../../../shared/components/EmptyState';
import { useSessionInfo } from '../hooks/useSession';

/** The page exists but the signed-in role may not use it: say which role it needs and what to do. */
export function NeedRole({ needed, what }: { needed: Role; what: string }) {
  const info = useSessionInfo();
  return (
    <div data-need-role={needed}>
      <EmptyState title={`You need the ${needed} role`}>
        <p>
          {what} is for users with the {needed} role. You are signed in as{' '}
          <strong>{info?.user.username ?? 'someone else'}</strong> with the <strong>{info?.user.role}</strong>{' '}
          role. Ask an admin to change your role if you need it.
        </p>
      </EmptyState>
    </div>
  );
}
