import type { Volume } from '@drivebay/api-types';
import type { DetailRow } from '../../../shared/components/DetailList';
import { formatBytes } from '../../../shared/format/bytes';
import { plural } from '../../../shared/format/count';
import { formatTimestamp } from '../../../shared/format/time';
import { layoutLabel, typeLabel } from '../../../shared/model/volumeLabels';

/** Only the key's id exists; the key is derived on demand and never stored or shown. */
export function encryptionLabel(volume: Volume): string {
  return volume.encryptionKeyId ? `encrypted (key ${volume.encryptionKeyId})` : 'not encrypted';
}

/** The volume's facts for the detail header, in the order an operator reads them. */
export function describeVolume(volume: Volume): DetailRow[] {
  const { request } = volume;
  return [
    { label: 'Lifecycle', value: volume.lifecycle },
    { label: 'Server', value: volume.server ?? 'not published to a server' },
    { label: 'Transport', value: volume.transport ?? 'none yet' },
    {
      label: 'Capacity',
      value: `${formatBytes(volume.capacityBytes)} (requested ${formatBytes(request.capacityBytes)})`,
    },
    { label: 'Layout', value: `${layoutLabel(volume.layout)} · ${typeLabel(volume)}` },
    { label: 'Reclaim policy', value: request.reclaimPolicy },
    { label: 'Encryption', value: encryptionLabel(volume) },
    { label: 'Cluster', value: volume.cluster },
    { label: 'Volume mode', value: `${request.volumeMode} · ${request.parameters.fsType}` },
    { label: 'Logical node', value: volume.logicalNode },
    { label: 'Staging path', value: volume.stagingPath ?? 'not staged' },
    {
      label: 'Target paths',
      value: volume.targetPaths.length > 0 ? volume.targetPaths.join(', ') : 'not mounted',
    },
    { label: 'Created', value: formatTimestamp(volume.createdAt, true) },
    { label: 'Updated', value: formatTimestamp(volume.updatedAt, true) },
  ];
}

/** One sentence on what the health means for the data, for the top of the detail page. */
export function healthSentence(volume: Volume): string {
  const failed = volume.members.filter((m) => m.state === 'failed').length;
  const rebuilding = volume.members.filter((m) => m.state === 'rebuilding').length;
  const copies = (n: number) => plural(n, 'copy', 'copies');
  const sets = (n: number) => (n === 1 ? 'its mirror set has' : 'their mirror sets have');
  switch (volume.health) {
    case 'healthy':
      return volume.members.length === 1
        ? 'Its only copy is active.'
        : `All ${volume.members.length} copies are active.`;
    case 'degraded':
      return `${copies(failed)} failed and ${failed === 1 ? 'is' : 'are'} not being rebuilt: ${sets(failed)} no redundancy left. The data is still available.`;
    case 'rebuilding':
      return `${copies(rebuilding)} rebuilding${failed > 0 ? ` (${failed} more failed)` : ''}: until ${rebuilding === 1 ? 'it completes' : 'they complete'}, ${sets(rebuilding)} no redundancy. The data is still available.`;
    case 'failed':
      return `Data unavailable: at least one mirror set has no active copy (${copies(failed)} failed).`;
  }
}
