import type { VolumeRequest } from '@drivebay/api-types';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { FieldErrors } from '../../../shared/api/fieldErrors';
import { Dialog } from '../../../shared/components/Dialog';
import { FormError } from '../../../shared/components/FormError';
import { AdvancedFields } from './AdvancedFields';
import { BasicFields } from './BasicFields';
import { composeVolume, previewPlacement } from './composeApi';
import { type ComposeForm, composeFieldErrors, DEFAULT_COMPOSE_FORM, toVolumeRequest } from './composeForm';
import { PlacementPreviewView } from './PlacementPreviewView';

/** The compose form in a dialog: Preview runs the dry run, Compose creates and opens the volume. */
export function ComposeDialog({ onClose }: { onClose: () => void }) {
  const navigate = useNavigate();
  const [form, setForm] = useState<ComposeForm>(DEFAULT_COMPOSE_FORM);
  const [errors, setErrors] = useState<FieldErrors>({});
  const checked = useMemo(() => toVolumeRequest(form), [form]);
  const preview = useMutation({
    mutationFn: previewPlacement,
    onError: (e) => setErrors(composeFieldErrors(e)),
  });
  const compose = useMutation({
    mutationFn: composeVolume,
    onSuccess: ({ volume }) => navigate(`/volumes/${encodeURIComponent(volume.id)}`),
    onError: (e) => setErrors(composeFieldErrors(e)),
  });
  const change = (patch: Partial<ComposeForm>) => setForm({ ...form, ...patch });
  const run = (action: (request: VolumeRequest) => void) => {
    setErrors(checked.ok ? {} : checked.errors);
    if (checked.ok) action(checked.request);
  };
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    run((request) => compose.mutate(request));
  };
  const stale =
    preview.variables !== undefined && (!checked.ok || !sameRequest(preview.variables, checked.request));
  const composeError = compose.isError && Object.keys(errors).length === 0 ? compose.error : undefined;
  const previewError = preview.isError && Object.keys(errors).length === 0 ? preview.error : undefined;

  return (
    <Dialog label="Compose volume" onClose={onClose} className="compose-dialog">
      <form onSubmit={handleSubmit} noValidate className="form compose-form">
        <h2>Compose volume</h2>
        <BasicFields form={form} errors={errors} onChange={change} />
        <AdvancedFields form={form} errors={errors} onChange={change} />
        <section className="compose-preview" aria-labelledby="compose-preview-heading" aria-live="polite">
          <h3 id="compose-preview-heading">Placement preview</h3>
          <FormError error={previewError} prefix="Preview failed: " />
          {preview.data ? (
            <PlacementPreviewView preview={preview.data} stale={stale} />
          ) : (
            !previewError && (
              <p className="muted">
                Preview shows the layout and drives that would be chosen, without allocating anything.
              </p>
            )
          )}
        </section>
        <FormError error={composeError} prefix="Not composed: " />
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            onClick={() => run((request) => preview.mutate(request))}
            disabled={preview.isPending}
          >
            {preview.isPending ? 'Previewing…' : 'Preview'}
          </button>
          <button type="submit" className="button-primary" disabled={compose.isPending}>
            {compose.isPending ? 'Composing…' : 'Compose'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function sameRequest(a: VolumeRequest, b: VolumeRequest): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
