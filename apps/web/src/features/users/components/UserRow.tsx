import type { User } from '@drivebay/api-types';
import { formatShortTimestamp } from '../../../shared/format/time';
import { useSessionInfo } from '../../auth';
import { lockedUntil } from '../model/userForms';
import { DeleteUserButton } from './DeleteUserButton';
import { LockIcon } from './LockIcon';
import { ResetPassword } from './ResetPassword';
import { RoleEditor } from './RoleEditor';

/** A user: name, role (editable), where they sign in, when created, whether locked out, and actions. */
export function UserRow({ user, now }: { user: User; now: number }) {
  const me = useSessionInfo()?.user.username;
  const isMe = user.username === me;
  const locked = lockedUntil(user, now);
  return (
    <tr data-username={user.username}>
      <th scope="row">
        {user.username}
        {isMe && <span className="muted"> (you)</span>}
      </th>
      <td>
        <RoleEditor user={user} isMe={isMe} />
      </td>
      <td>{user.source === 'oidc' ? 'Identity provider' : 'Password'}</td>
      <td className="cell-time">{formatShortTimestamp(user.createdAt)}</td>
      <td className="cell-time">
        {locked ? (
          <span className="lock-state" data-locked="true">
            <LockIcon /> locked until {formatShortTimestamp(locked)}
          </span>
        ) : (
          <span className="muted">not locked</span>
        )}
      </td>
      <td>
        <div className="row-actions">
          {user.source === 'local' && <ResetPassword username={user.username} />}
          <DeleteUserButton username={user.username} isMe={isMe} />
        </div>
      </td>
    </tr>
  );
}
