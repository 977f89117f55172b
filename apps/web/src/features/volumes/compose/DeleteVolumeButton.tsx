import type { Volume } from '@drivebay/api-types';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ConfirmDialog } from '../../../shared/components/ConfirmDialog';
import { useCan } from '../../auth';
import { deleteVolume } from './composeApi';
import { deletePlan } from './deletePlan';

/** "Delete volume" for operators, with a confirmation that says what will happen; absent for viewers. */
export function DeleteVolumeButton({ volume }: { volume: Volume }) {
  const canDelete = useCan('operator');
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const plan = deletePlan(volume);
  const mutation = useMutation({
    mutationFn: () => deleteVolume(volume, plan.kind === 'remove' && plan.purge),
    onSuccess: () => {
      setConfirming(false);
      // A released volume stays (live updates show it Released); a removed one is gone.
      if (plan.kind === 'remove') navigate('/volumes');
    },
  });
  if (!canDelete) return null;
  const handleCancel = () => {
    setConfirming(false);
    mutation.reset();
  };
  return (
    <>
      <button type="button" className="button-danger" onClick={() => setConfirming(true)}>
        Delete volume
      </button>
      {confirming && (
        <ConfirmDialog
          title={`Delete volume ${volume.name}?`}
          confirmLabel={plan.kind === 'remove' && plan.purge ? 'Purge volume' : 'Delete volume'}
          pending={mutation.isPending}
          error={mutation.error}
          onConfirm={() => mutation.mutate()}
          onCancel={handleCancel}
          blocked={plan.kind === 'blocked'}
        >
          <p>{plan.text}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
