import type { Role } from '@drivebay/api-types';

/** A role in words, in a pill; the text carries the meaning, the border only groups it. */
export function RoleBadge({ role }: { role: Role }) {
  return (
    <span className="role-badge" data-role={role}>
      {role}
    </span>
  );
}
