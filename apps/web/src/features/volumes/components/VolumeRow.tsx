import type { Volume } from '@drivebay/api-types';
import { type MouseEvent, memo } from 'react';
import { VolumeHealthBadge } from '../../../shared/components/VolumeHealthBadge';
import { formatBytes } from '../../../shared/format/bytes';
import { formatCount } from '../../../shared/format/count';
import { formatShortTimestamp } from '../../../shared/format/time';
import { layoutLabel, typeLabel } from '../../../shared/model/volumeLabels';
import { claimPath, claimTitle } from '../model/volumeBinding';
import { volumePath } from '../model/volumePath';

interface VolumeRowProps {
  volume: Volume;
  /** Position in the sorted list, from 0. */
  index: number;
  /** Offset from the top of the table body, in pixels. */
  start: number;
  height: number;
  /** Shared by all rows, so memoized rows stay memoized. */
  onLinkClick: (event: MouseEvent<HTMLAnchorElement>) => void;
}

/**
 * One table row; positioned by the virtualizer, so only visible rows exist in the DOM. Rows
 * are memoized and use plain links (the table handles their clicks) because dragging the
 * scrollbar over 50,000 volumes replaces every row on every frame.
 */
export const VolumeRow = memo(function VolumeRow({
  volume,
  index,
  start,
  height,
  onLinkClick,
}: VolumeRowProps) {
  return (
    <tr
      aria-rowindex={index + 2}
      data-volume-id={volume.id}
      data-health={volume.health}
      data-lifecycle={volume.lifecycle}
      style={{ transform: `translateY(${start}px)`, height }}
    >
      <td data-column="name" className="cell-name">
        <a href={volumePath(volume.id)} onClick={onLinkClick} title={volume.name}>
          {volume.name}
        </a>
      </td>
      <td
        data-column="claim"
        className={volume.binding ? 'cell-claim' : 'cell-muted'}
        title={claimTitle(volume)}
      >
        {volume.binding ? (
          <a href={claimPath(volume.binding)} onClick={onLinkClick}>
            {volume.binding.namespace}/{volume.binding.claim}
          </a>
        ) : (
          'not bound'
        )}
      </td>
      <td
        data-column="workload"
        className={volume.binding?.workload ? undefined : 'cell-muted'}
        title={volume.binding?.workload ?? undefined}
      >
        {volume.binding?.workload ?? '—'}
      </td>
      <td data-column="cluster">{volume.cluster}</td>
      <td data-column="health">
        <VolumeHealthBadge health={volume.health} />
      </td>
      <td data-column="lifecycle">{volume.lifecycle}</td>
      <td data-column="layout">{layoutLabel(volume.layout)}</td>
      <td data-column="type">{typeLabel(volume)}</td>
      <td data-column="capacity" className="cell-number">
        {formatBytes(volume.capacityBytes)}
      </td>
      <td data-column="members" className="cell-number">
        {formatCount(volume.members.length)}
      </td>
      <td data-column="server" className={volume.server ? undefined : 'cell-muted'}>
        {volume.server ?? '—'}
      </td>
      <td data-column="updated" className="cell-time">
        <time dateTime={volume.updatedAt}>{formatShortTimestamp(volume.updatedAt)}</time>
      </td>
    </tr>
  );
});
