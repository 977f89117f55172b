import type { Server } from '@drivebay/api-types';
import { Link } from 'react-router';
import { claimHref, podHref } from '../../../shared/api/kubeQueries';
import { LinkList } from '../../../shared/components/LinkList';
import { VolumeHealthBadge } from '../../../shared/components/VolumeHealthBadge';
import { type PodRow, podPlacement, podState, workloadLabel } from '../details/kubeRows';

interface PodItemProps {
  row: PodRow;
  servers: ReadonlyMap<string, Server>;
  /** Leave out the workload (when a group heading already names it). */
  inGroup?: boolean;
}

/** One pod: namespace/name, its data's health, workload, where it runs, and the PVCs here. */
export function PodItem({ row, servers, inGroup = false }: PodItemProps) {
  const { pod, claims } = row;
  return (
    <li className="pod-item" data-pod={row.key} data-health={pod.health ?? 'none'}>
      <span className="pod-item-head">
        <Link to={podHref(pod.cluster, pod.namespace, pod.name)}>
          {inGroup ? pod.name : `${pod.namespace}/${pod.name}`}
        </Link>
        {pod.health && <VolumeHealthBadge health={pod.health} />}
      </span>
      <span className="pod-item-detail">
        {[inGroup ? null : workloadLabel(pod), podState(pod), podPlacement(pod, servers)]
          .filter(Boolean)
          .join(' · ')}
      </span>
      {claims.length > 0 && (
        <span className="pod-item-detail">
          PVC{' '}
          <LinkList
            links={claims.map((claim) => ({
              to: claimHref(claim.cluster, claim.namespace, claim.name),
              label: claim.name,
            }))}
          />
        </span>
      )}
    </li>
  );
}
