import { type Role, RoleSchema, type User } from '@drivebay/api-types';
import { useState } from 'react';
import { FormError } from '../../../shared/components/FormError';
import { useUpdateUser } from '../hooks/useUserMutations';

/** The user's role as a choice; picking another shows "Change role" (it signs the user out everywhere). */
export function RoleEditor({ user, isMe }: { user: User; isMe: boolean }) {
  const [role, setRole] = useState<Role>(user.role);
  const mutation = useUpdateUser(user.username);
  const changed = role !== user.role;
  const handleSave = () => mutation.mutate({ role }, { onError: () => setRole(user.role) });
  return (
    <div className="role-editor">
      <select
        aria-label={`Role for ${user.username}`}
        value={role}
        onChange={(e) => setRole(RoleSchema.parse(e.target.value))}
      >
        {RoleSchema.options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
      {changed && (
        <>
          <button type="button" className="button-primary" onClick={handleSave} disabled={mutation.isPending}>
            Change role
          </button>
          <button type="button" onClick={() => setRole(user.role)}>
            Undo
          </button>
          {isMe && <p className="field-hint">This signs you out.</p>}
        </>
      )}
      <FormError error={mutation.error} prefix="Role not changed: " />
    </div>
  );
}
