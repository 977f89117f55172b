import type { Volume } from '@drivebay/api-types';
import { useMemo } from 'react';
import { EmptyState } from '../../../shared/components/EmptyState';
import { type TopologyModel, useSelectedDrive } from '../../topology';
import { siteSlices } from '../model/siteSlices';
import { HeatLegend } from './HeatLegend';
import { NoSlicesYet } from './NoSlicesYet';
import { SelectedSsd } from './SelectedSsd';
import { SlicedSsdTable } from './SlicedSsdTable';
import { SliceSummaryLine } from './SliceSummaryLine';
import { SsdHeatMap } from './SsdHeatMap';

/** The loaded page: summary, heat map of every SSD, the selected SSD's slices, the sliced SSDs. */
export function SlicesOverview({ model, volumes }: { model: TopologyModel; volumes: readonly Volume[] }) {
  const site = useMemo(() => siteSlices(model, volumes), [model, volumes]);
  const [selectedId, select] = useSelectedDrive();
  if (site.ssdCount === 0) {
    return (
      <EmptyState title="This site has no SSDs">
        <p>Slices are carved from SSDs only; HDDs are always given whole.</p>
      </EmptyState>
    );
  }
  return (
    <>
      <SliceSummaryLine summary={site.summary} />
      <h2 className="slices-heading">Every SSD by how much is sliced</h2>
      <HeatLegend counts={site.counts} />
      <SsdHeatMap cells={site.cells} selectedId={selectedId} onSelect={select} />
      {selectedId && <SelectedSsd site={site} selectedId={selectedId} onClear={() => select(null)} />}
      {site.sliced.size === 0 ? (
        <NoSlicesYet />
      ) : (
        <SlicedSsdTable ssds={site.sliced} selectedId={selectedId} onSelect={select} />
      )}
    </>
  );
}
