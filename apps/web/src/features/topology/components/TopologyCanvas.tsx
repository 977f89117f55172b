import { useEffect, useMemo, useRef, useState } from 'react';
import { formatCount } from '../../../shared/format/count';
import { useTheme } from '../../../shared/theme/useTheme';
import { type MapSummary, mapAriaLabel } from '../details/mapSummary';
import type { TopologyLayout } from '../layout/layoutTypes';
import type { BayColouring } from '../map/bayColouring';
import { type HoverInfo, MapController } from '../map/MapController';
import { paletteFor } from '../map/paletteFor';
import type { TopologyModel } from '../model/topologyModel';
import { MapTooltip } from './MapTooltip';

interface TopologyCanvasProps {
  model: TopologyModel;
  layout: TopologyLayout;
  summary: MapSummary;
  selectedDriveId: string | null;
  onSelectDrive: (id: string) => void;
  onSelectEnclosure: (id: string) => void;
  /** The canvas changed shape enough that the map should be laid out again. */
  onAspectRatioChange: (aspectRatio: number) => void;
  /** Colours other than health (media, utilisation …); null draws health. */
  colouring: BayColouring | null;
  /** Drives outlined besides the selection (a found volume's members). */
  highlightDriveIds: readonly string[];
  selectedEnclosureId: string | null;
}

/** The topology map: one canvas, zoom and pan controls, and a tooltip. */
export function TopologyCanvas({
  model,
  layout,
  summary,
  selectedDriveId,
  onSelectDrive,
  onSelectEnclosure,
  onAspectRatioChange,
  colouring,
  highlightDriveIds,
  selectedEnclosureId,
}: TopologyCanvasProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const controllerRef = useRef<MapController | null>(null);
  const selectRef = useRef(onSelectDrive);
  const selectEnclosureRef = useRef(onSelectEnclosure);
  const aspectRef = useRef(onAspectRatioChange);
  const [hover, setHover] = useState<HoverInfo | null>(null);
  const theme = useTheme();

  useEffect(() => {
    selectRef.current = onSelectDrive;
    selectEnclosureRef.current = onSelectEnclosure;
    aspectRef.current = onAspectRatioChange;
  }, [onSelectDrive, onSelectEnclosure, onAspectRatioChange]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const controller = new MapController(canvas, {
      onHover: setHover,
      onSelectDrive: (id) => selectRef.current(id),
      onSelectEnclosure: (id) => selectEnclosureRef.current(id),
      onAspectRatio: (aspectRatio) => aspectRef.current(aspectRatio),
    });
    controllerRef.current = controller;
    return () => {
      controller.destroy();
      controllerRef.current = null;
    };
  }, []);

  // A new palette object repaints the cached bay sprites, which is what a colour change needs.
  const palette = useMemo(
    () => (colouring ? { ...paletteFor(theme), colouring } : paletteFor(theme)),
    [theme, colouring],
  );
  useEffect(() => {
    controllerRef.current?.update({
      model,
      layout,
      palette,
      selectedDriveId,
      highlightDriveIds,
      selectedEnclosureId,
    });
  }, [model, layout, palette, selectedDriveId, highlightDriveIds, selectedEnclosureId]);

  const handleZoomIn = () => controllerRef.current?.zoomBy(1.6);
  const handleZoomOut = () => controllerRef.current?.zoomBy(1 / 1.6);
  const handleFit = () => controllerRef.current?.fit();

  return (
    <div className="map">
      <canvas
        ref={canvasRef}
        className="map-canvas"
        role="img"
        aria-label={mapAriaLabel(summary)}
        data-revision={summary.revision}
        data-drive-count={summary.drives}
        data-locate-count={model.locates.size}
        data-failed-count={summary.failed}
        data-degraded-count={summary.degraded}
        data-offline-count={summary.offline}
        data-enclosure-count={summary.enclosures}
        data-offline-enclosure-count={summary.offlineEnclosures}
        data-selected-drive={selectedDriveId ?? ''}
      >
        {`${formatCount(summary.drives)} drives; use Find drive to select one.`}
      </canvas>
      <div className="map-controls">
        <button type="button" className="icon-button" onClick={handleZoomIn} aria-label="Zoom in">
          +
        </button>
        <button type="button" className="icon-button" onClick={handleZoomOut} aria-label="Zoom out">
          −
        </button>
        <button type="button" onClick={handleFit}>
          Fit
        </button>
      </div>
      {hover && <MapTooltip model={model} hover={hover} />}
    </div>
  );
}
