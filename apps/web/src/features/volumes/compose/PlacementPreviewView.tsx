import type { PlacementPreview } from '@drivebay/api-types';
import { WarningIcon } from '../../../shared/components/StatusIcon';
import { formatBytes } from '../../../shared/format/bytes';
import { layoutLabel } from '../../../shared/model/volumeLabels';
import { PreviewMembers } from './PreviewMembers';

/** The dry run's answer: the layout and drives chosen and why, or the constraint that cannot be met. */
export function PlacementPreviewView({ preview, stale }: { preview: PlacementPreview; stale: boolean }) {
  return (
    <div className="placement-preview" data-feasible={preview.feasible} data-stale={stale || undefined}>
      {stale && (
        <p className="layout-warning">
          <WarningIcon /> The form changed since this preview; preview again to see what would be chosen now.
        </p>
      )}
      {preview.feasible ? (
        <>
          <p className="preview-verdict">
            <span aria-hidden="true">✓ </span>
            Fits: <strong>{layoutLabel(preview.layout)}</strong> on {preview.media.toUpperCase()},{' '}
            {formatBytes(preview.capacityBytes)} usable, {preview.members.length}{' '}
            {preview.members.length === 1 ? 'member' : 'members'}.
          </p>
          <PreviewMembers members={preview.members} />
          {preview.explanation.length > 0 && (
            <ul className="preview-notes">
              {preview.explanation.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
          {preview.warnings.map((warning) => (
            <p key={warning} className="layout-warning">
              <WarningIcon /> {warning}
            </p>
          ))}
        </>
      ) : (
        <div className="preview-failure" role="alert">
          <p className="preview-verdict">
            <span aria-hidden="true">✕ </span>
            Does not fit: {preview.error.message}
          </p>
          <p className="muted">
            {preview.error.code}
            {preview.error.field && ` · about ${preview.error.field}`}. Change the size, type or constraints
            and preview again.
          </p>
        </div>
      )}
    </div>
  );
}
