import type { VolumeHealth } from '@drivebay/api-types';
import { StatusIcon } from '../../../shared/components/StatusIcon';
import { VolumeHealthBadge } from '../../../shared/components/VolumeHealthBadge';
import type { KubeStatus } from '../model/kubeStatus';

/** A state as its icon's shape and its word, never colour alone. */
export function StatusText({ status }: { status: KubeStatus }) {
  return (
    <span className="kube-status" data-tone={status.tone}>
      <StatusIcon tone={status.tone} /> {status.text}
    </span>
  );
}

/** The worst health of the volumes under a row, or that it has none. */
export function KubeHealth({ health, badge = false }: { health: VolumeHealth | null; badge?: boolean }) {
  if (!health) return <span className="muted">no Drivebay volume</span>;
  return <VolumeHealthBadge health={health} badge={badge} />;
}
