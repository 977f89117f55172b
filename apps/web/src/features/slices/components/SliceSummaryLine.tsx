import { formatBytes } from '../../../shared/format/bytes';
import { percent } from '../model/percent';
import type { SliceSummary } from '../model/sliceSummary';

/** The site's SSDs in one line, in the words and the counting of the Overview's capacity tiers. */
export function SliceSummaryLine({ summary }: { summary: SliceSummary }) {
  const count = (n: number) => n.toLocaleString('en');
  return (
    <p className="map-summary slices-summary" data-sliced={summary.sliced}>
      <strong>{count(summary.sliced)}</strong> of {count(summary.ssds)} SSDs sliced ·{' '}
      <strong>{count(summary.wholeInUse)}</strong> held whole by volumes ·{' '}
      <strong>{formatBytes(summary.freeBytes, 'GB')}</strong> of SSD free to allocate · mean fragmentation{' '}
      <strong>{percent(summary.meanFragmentation)}</strong> ·{' '}
      <strong>{summary.strandedGiB.toLocaleString('en')} GiB</strong> stranded (sub-GiB tails, and free space
      on sliced SSDs that take no new volumes)
    </p>
  );
}
