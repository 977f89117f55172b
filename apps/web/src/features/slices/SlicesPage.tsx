import type { Volume } from '@drivebay/api-types';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { PageHeader } from '../../components/PageHeader';
import { useSelectedDrive } from '../topology/hooks/useSelectedDrive';
import { useTopologySnapshot } from '../topology/hooks/useTopologySnapshot';
import type { TopologyModel } from '../topology/model/topologyModel';
import { useVolumeList } from '../volumes/hooks/useVolumeList';
import { formatBytes } from '../volumes/model/formatBytes';
import { SliceBar } from './components/SliceBar';
import { SlicedSsdTable } from './components/SlicedSsdTable';
import { HEAT_BANDS, SsdHeatMap } from './components/SsdHeatMap';
import { siteSlices } from './model/sitesSlices';
import './slices.css';

const ALL = {};

/** /slices: every SSD's use at a glance, and any SSD's 1 GiB slices with their volumes. */
export function SlicesPage() {
  const topology = useTopologySnapshot();
  const volumes = useVolumeList(ALL);
  return (
    <section className="page slices-page">
      <PageHeader title="Slices">
        <p className="page-subtitle">
          SSDs carved into 1 GiB-aligned slices: who holds what, and where the free space lies.
        </p>
      </PageHeader>
      {topology.data && volumes.data ? (
        <SlicesBody model={topology.data} volumes={volumes.data} />
      ) : topology.isError || volumes.isError ? (
        <ErrorState
          title="Could not load the SSDs and their volumes"
          error={topology.error ?? volumes.error}
          hint="Check that the Drivebay server is reachable, then retry."
          onRetry={() => {
            void topology.refetch();
            void volumes.refetch();
          }}
        />
      ) : (
        <LoadingState what="SSDs and volumes" />
      )}
    </section>
  );
}

function SlicesBody({ model, volumes }: { model: TopologyModel; volumes: readonly Volume[] }) {
  const site = useMemo(() => siteSlices(model, volumes), [model, volumes]);
  const [selectedId, select] = useSelectedDrive();
  const selected = selectedId ? site.sliced.get(selectedId) : undefined;
  const { summary } = site;
  if (site.ssds.length === 0) {
    return (
      <EmptyState title="This site has no SSDs">
        <p>Slices are carved from SSDs only; HDDs are always given whole.</p>
      </EmptyState>
    );
  }
  return (
    <>
      <p className="map-summary" data-sliced={summary.sliced}>
        {summary.ssds.toLocaleString('en')} SSDs: {summary.sliced.toLocaleString('en')} sliced,{' '}
        {summary.wholeInUse.toLocaleString('en')} held whole · {formatBytes(summary.freeBytes, 'TB')} free ·
        mean fragmentation {Math.round(summary.meanFragmentation * 100)}% · {summary.strandedGiB} GiB stranded
        in sub-GiB tails
      </p>
      <ul className="legend" aria-label="Heat map legend">
        {HEAT_BANDS.map((band, i) => (
          <li key={band.label}>
            <span className="legend-swatch" style={{ background: band.colour }} aria-hidden="true" />
            {band.label}{' '}
            <span className="legend-count">
              {site.cells.filter((c) => c.band === i).length.toLocaleString('en')}
            </span>
          </li>
        ))}
      </ul>
      <SsdHeatMap cells={site.cells} selectedId={selectedId} onSelect={select} />
      {selectedId && !selected && (
        <p className="muted">
          {selectedId} holds no slices.{' '}
          <Link to={`/topology?drive=${encodeURIComponent(selectedId)}`}>Show it on the map</Link>
        </p>
      )}
      {selected && <SliceBar ssd={selected} />}
      {site.sliced.size === 0 ? (
        <EmptyState title="No SSD is sliced yet">
          <p>
            A volume of type “SSD slice” gets a right-sized, 1 GiB-aligned part of an SSD. Compose one on the{' '}
            <Link to="/volumes">Volumes</Link> page (operators see “Compose volume”), or let Kubernetes ask
            for one through a StorageClass with <code>type: slice</code>.
          </p>
        </EmptyState>
      ) : (
        <SlicedSsdTable ssds={[...site.sliced.values()]} onSelect={select} />
      )}
    </>
  );
}
