import { useState } from 'react';
import { formatTimestamp } from '../../../shared/format/time';
import { useTheme } from '../../../shared/theme/useTheme';
import { paletteFor, renderMapPng, type TopologyModel } from '../../topology';
import { downloadBlob, exportBaseName } from '../export/download';
import type { IncidentReport } from '../model/incidentReport';

/** The incident as JSON, and the map as PNG, for the postmortem. */
export function ExportButtons({ report, model }: { report: IncidentReport; model: TopologyModel }) {
  const theme = useTheme();
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
