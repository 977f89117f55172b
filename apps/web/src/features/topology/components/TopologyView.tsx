import { useCallback, useMemo, useState } from 'react';
import { errorMessage } from '../../../shared/api/apiError';
import { useEscape } from '../../../shared/hooks/useEscape';
import { hiddenRacksNote, mapSummaryLine, summarizeMap } from '../details/mapSummary';
import { useBayColouring } from '../hooks/useBayColouring';
import { useColourMode } from '../hooks/useColourMode';
import { useMapHighlight } from '../hooks/useMapHighlight';
import { useSelectedDrive } from '../hooks/useSelectedDrive';
import { useSelectedEnclosure } from '../hooks/useSelectedEnclosure';
import { useTopologyLayout } from '../hooks/useTopologyLayout';
import type { TopologyModel } from '../model/topologyModel';
import { ColourLegend } from './ColourLegend';
import { ColourModePicker } from './ColourModePicker';
import { DrivePanel } from './DrivePanel';
import { EnclosurePanel } from './EnclosurePanel';
import { FindDrive } from './FindDrive';
import { HighlightNote } from './HighlightNote';
import { Legend } from './Legend';
import './topology-tools.css';
import { TopologyCanvas } from './TopologyCanvas';

interface TopologyViewProps {
  model: TopologyModel;
  /** A failed refresh while older data is still on screen. */
  refreshError: Error | null;
  onRetry: () => void;
}

/** The map with its summary, legend, search and the selected drive's panel. */
export function TopologyView({ model, refreshError, onRetry }: TopologyViewProps) {
  const [aspectRatio, setAspectRatio] = useState<number | undefined>(undefined);
  const layout = useTopologyLayout(model, aspectRatio);
  const summary = useMemo(() => summarizeMap(model), [model]);
  const [selectedDriveId, select] = useSelectedDrive();
  const handleClose = useCallback(() => select(null), [select]);
  const handleSelect = useCallback(
    (id: string) => {
      if (id !== selectedDriveId) select(id);
    },
    [select, selectedDriveId],
  );
  const [selectedEnclosureId, selectEnclosure] = useSelectedEnclosure();
  const handleCloseEnclosure = useCallback(() => selectEnclosure(null), [selectEnclosure]);
  useEscape(selectedDriveId !== null, handleClose);
  useEscape(selectedDriveId === null && selectedEnclosureId !== null, handleCloseEnclosure);
  const { setHighlight, highlightWithDrive, ...resolved } = useMapHighlight();
  const handleClearHighlight = useCallback(() => setHighlight(null), [setHighlight]);
  const [colourMode, setColourMode] = useColourMode();
  const colouring = useBayColouring(colourMode, model);

  return (
    <section className="page topology-page">
      <div className="topology-toolbar">
        <div className="page-header">
          <h1>Topology</h1>
          <p className="map-summary" data-failed-count={summary.failed}>
            {mapSummaryLine(summary)}
          </p>
          {layout.racksWithoutEnclosures > 0 && (
            <p
              className="map-summary"
              data-hidden-racks={layout.racksWithoutEnclosures}
              title="These racks hold no drive enclosures (servers only, or nothing), so the drive map leaves them out."
            >
              {hiddenRacksNote(layout.racksWithoutEnclosures)}
            </p>
          )}
        </div>
        <div className="topology-tools">
          <ColourModePicker mode={colourMode} onChange={setColourMode} />
          <FindDrive model={model} onFound={handleSelect} onHighlight={highlightWithDrive} />
        </div>
      </div>
      {refreshError && (
        <div role="alert" className="banner">
          Showing revision {model.revision}; the last refresh failed: {errorMessage(refreshError)}{' '}
          <button type="button" onClick={onRetry}>
            Retry
          </button>
        </div>
      )}
      <HighlightNote resolved={resolved} onClear={handleClearHighlight} />
      {colouring ? <ColourLegend colouring={colouring} /> : <Legend summary={summary} />}
      <div className="topology-body">
        <TopologyCanvas
          model={model}
          layout={layout}
          summary={summary}
          selectedDriveId={selectedDriveId}
          onSelectDrive={handleSelect}
          onSelectEnclosure={selectEnclosure}
          onAspectRatioChange={setAspectRatio}
          colouring={colouring}
          highlightDriveIds={resolved.driveIds}
          selectedEnclosureId={selectedDriveId ? null : selectedEnclosureId}
        />
        {selectedDriveId && <DrivePanel model={model} driveId={selectedDriveId} onClose={handleClose} />}
        {!selectedDriveId && selectedEnclosureId && (
          <EnclosurePanel
            model={model}
            enclosureId={selectedEnclosureId}
            onSelectDrive={handleSelect}
            onClose={handleCloseEnclosure}
          />
        )}
      </div>
    </section>
  );
}
