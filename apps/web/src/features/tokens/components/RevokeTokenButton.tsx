import type { ApiToken } from '@drivebay/api-types';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog } from '../../../shared/components/ConfirmDialog';
import { revokeToken, tokenKeys } from '../api/tokensApi';

/** "Revoke", then a confirmation: scripts using the token stop working at once. */
export function RevokeTokenButton({ token }: { token: ApiToken }) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const mutation = useMutation({
    mutationFn: () => revokeToken(token.id),
    onSuccess: () => setConfirming(false),
    onSettled: () => queryClient.invalidateQueries({ queryKey: tokenKeys.all }),
  });
  const handleCancel = () => {
    setConfirming(false);
    mutation.reset();
  };
  return (
    <>
      <button type="button" className="button-danger" onClick={() => setConfirming(true)}>
        Revoke<span className="visually-hidden"> {token.name}</span>
      </button>
      {confirming && (
        <ConfirmDialog
          title={`Revoke token ${token.name}?`}
          confirmLabel="Revoke token"
          pending={mutation.isPending}
          error={mutation.error}
          onConfirm={() => mutation.mutate()}
          onCancel={handleCancel}
        >
          <p>
            Anything using this token is refused from now on. This cannot be undone; create a new token
            instead.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
