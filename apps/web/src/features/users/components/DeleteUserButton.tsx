import { useState } from 'react';
import { ConfirmDialog } from '../../../shared/components/ConfirmDialog';
import { useDeleteUser } from '../hooks/useUserMutations';

/** "Delete", then a confirmation; the server refuses to delete the last admin and says so. */
export function DeleteUserButton({ username, isMe }: { username: string; isMe: boolean }) {
  const [confirming, setConfirming] = useState(false);
  const mutation = useDeleteUser(username);
  const handleCancel = () => {
    setConfirming(false);
    mutation.reset();
  };
  return (
    <>
      <button type="button" className="button-danger" onClick={() => setConfirming(true)}>
        Delete
      </button>
      {confirming && (
        <ConfirmDialog
          title={`Delete user ${username}?`}
          confirmLabel={`Delete ${username}`}
          pending={mutation.isPending}
          error={mutation.error}
          onConfirm={() => mutation.mutate(undefined, { onSuccess: () => setConfirming(false) })}
          onCancel={handleCancel}
        >
          <p>
            {username} will no longer be able to sign in, and their sessions end.
            {isMe && ' This is you: you will be signed out.'}
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
