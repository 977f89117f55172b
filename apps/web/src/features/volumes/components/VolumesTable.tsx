import type { Volume } from '@drivebay/api-types';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type MouseEvent, useCallback, useRef } from 'react';
import { useNavigate } from 'react-router';
import type { SortColumn, VolumeSort } from '../model/sortVolumes';
import { SortHeader } from './SortHeader';
import { VolumeRow } from './VolumeRow';

const ROW_HEIGHT = 36;

const COLUMNS: readonly { column: SortColumn; label: string; className?: string }[] = [
  { column: 'name', label: 'Name' },
  { column: 'claim', label: 'PVC' },
  { column: 'workload', label: 'Workload' },
  { column: 'cluster', label: 'Cluster' },
  { column: 'health', label: 'Health' },
  { column: 'lifecycle', label: 'Lifecycle' },
  { column: 'layout', label: 'Layout' },
  { column: 'type', label: 'Type' },
  { column: 'capacity', label: 'Capacity', className: 'cell-number' },
  { column: 'members', label: 'Members', className: 'cell-number' },
  { column: 'server', label: 'Server' },
  { column: 'updated', label: 'Updated (UTC)' },
];

interface VolumesTableProps {
  volumes: readonly Volume[];
  sort: VolumeSort;
  onSort: (column: SortColumn) => void;
}

/**
 * The volumes as a table that renders only the rows in view (plus a few), so 50,000 volumes
 * scroll as smoothly as 50. aria-rowcount and aria-rowindex keep the full size known.
 */
export function VolumesTable({ volumes, sort, onSort }: VolumesTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();
  // One handler for every row's link: client-side navigation for plain left clicks, the
  // browser's own behaviour (new tab, copy link…) for everything else.
  const handleLinkClick = useCallback(
    (event: MouseEvent<HTMLAnchorElement>) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      navigate(event.currentTarget.getAttribute('href') ?? '/volumes');
    },
    [navigate],
  );
  const virtualizer = useVirtualizer({
    count: volumes.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    getItemKey: (index) => volumes[index]?.id ?? index,
  });
  return (
    <div className="volume-table-scroll" ref={scrollRef}>
      <table
        className="volume-table"
        aria-label="Volumes"
        aria-rowcount={volumes.length + 1}
        data-row-count={volumes.length}
      >
        <thead>
          <tr aria-rowindex={1}>
            {COLUMNS.map((col) => (
              <SortHeader key={col.column} {...col} sort={sort} onSort={onSort} />
            ))}
          </tr>
        </thead>
        <tbody style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const volume = volumes[item.index];
            if (!volume) return null;
            return (
              <VolumeRow
                key={volume.id}
                volume={volume}
                index={item.index}
                start={item.start}
                height={ROW_HEIGHT}
                onLinkClick={handleLinkClick}
              />
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
