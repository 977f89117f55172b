import type { User } from '@drivebay/api-types';
import { useNow } from '../../../shared/hooks/useNow';
import { UserRow } from './UserRow';

/** One row per user, with its actions. */
export function UsersTable({ users }: { users: readonly User[] }) {
  const now = useNow();
  return (
    <div className="table-scroll">
      <table className="data-table users-table">
        <caption className="visually-hidden">Users</caption>
        <thead>
          <tr>
            <th scope="col">Username</th>
            <th scope="col">Role</th>
            <th scope="col">Signs in with</th>
            <th scope="col">Created (UTC)</th>
            <th scope="col">Locked until (UTC)</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <UserRow key={user.username} user={user} now={now} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
