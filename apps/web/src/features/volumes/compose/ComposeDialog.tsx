import type { PlacementPreview, VolumeRequest } from '@drivebay/api-types';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { FieldErrors } from '../../../shared/api/fieldErrors';
import { Dialog } from '../../../shared/components/Dialog';
import { FormError } from '../../../shared/components/FormError';
import { WarningIcon } from '../../../shared/components/StatusIcon';
import { useDebounced } from '../../../shared/hooks/useDebounced';
import { AdvancedFields } from './AdvancedFields';
import { allocationNote } from './allocationNote';
import { BasicFields } from './BasicFields';
import { composeVolume, previewPlacement } from './composeApi';
import { type ComposeForm, composeFieldErrors, DEFAULT_COMPOSE_FORM, toVolumeRequest } from './composeForm';
import { PlacementPreviewView } from './PlacementPreviewView';

/** How long the form must rest before the dry run runs again. */
const PREVIEW_AFTER_MS = 400;

/**
 * The compose form in a dialog. The dry run runs by itself as the form settles, so what composing
 * will really allocate is said before Compose is pressed; Compose creates and opens the volume.
 */
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
  const settled = useDebounced(checked.ok ? JSON.stringify(checked.request) : null, PREVIEW_AFTER_MS);
  const { mutate: runPreview } = preview;
  useEffect(() => {
    if (settled) runPreview(JSON.parse(settled) as VolumeRequest);
  }, [settled, runPreview]);
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
        <AllocationLine
          request={checked.ok ? checked.request : undefined}
          preview={stale ? undefined : preview.data}
        />
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
            {preview.isPending ? 'Previewing…' : 'Preview again'}
          </button>
          <button type="submit" className="button-primary" disabled={compose.isPending}>
            {compose.isPending ? 'Composing…' : 'Compose'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** Right above Compose: what it will allocate, and a warning when that is far more than asked. */
function AllocationLine({
  request,
  preview,
}: {
  request: VolumeRequest | undefined;
  preview: PlacementPreview | undefined;
}) {
  const note = request && preview ? allocationNote(request, preview) : null;
  if (!note) return null;
  return (
    <p
      className={note.surprise ? 'layout-warning allocation-note' : 'allocation-note'}
      data-surprise={note.surprise || undefined}
    >
      {note.surprise && <WarningIcon />} {note.text}
    </p>
  );
}

function sameRequest(a: VolumeRequest, b: VolumeRequest): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
