import type { IncidentReport } from '@drivebay/api-types';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { formatTimestamp } from '../../../shared/format/time';
import { useTheme } from '../../../shared/theme/useTheme';
import { loadTopologyModel, paletteFor, renderMapPng } from '../../topology';
import { downloadBlob, exportBaseName } from '../export/download';

/** The incident as JSON, and the map as PNG, for the postmortem. */
export function ExportButtons({ report }: { report: IncidentReport }) {
  const theme = useTheme();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [drawing, setDrawing] = useState(false);
  const base = exportBaseName(report.generatedAt);

  const handleJson = () => {
    const blob = new Blob([`${JSON.stringify(report, null, 2)}\n`], { type: 'application/json' });
    downloadBlob(blob, `${base}.json`);
  };
  const handlePng = async () => {
    setDrawing(true);
    setError(null);
    try {
      const caption = `Drivebay · ${report.site ?? 'site'} · revision ${report.revision} · ${formatTimestamp(report.generatedAt, true)}`;
      const model = await loadTopologyModel(queryClient);
      downloadBlob(await renderMapPng(model, paletteFor(theme), caption), `${base}-map.png`);
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    } finally {
      setDrawing(false);
    }
  };

  return (
    <div className="incident-export">
      <button type="button" onClick={handleJson}>
        Export JSON
      </button>
      <button type="button" onClick={() => void handlePng()} disabled={drawing}>
        {drawing ? 'Drawing the map…' : 'Export map (PNG)'}
      </button>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </div>
  );
}
