import type { ClaimView } from '@drivebay/api-types';
import { Link } from 'react-router';
import { claimHref, podHref } from '../../../shared/api/kubeQueries';
import { LinkList } from '../../../shared/components/LinkList';
import { volumePath } from '../../volumes';
import { requestLabel } from '../model/describeChain';
import { claimStatus } from '../model/kubeStatus';
import { KubeHealth, StatusText } from './StatusText';
import { TableScroll } from './TableScroll';

/** PersistentVolumeClaims, each linking to its chain, its volume and its pods. */
export function ClaimsTable({ claims, showCluster }: { claims: readonly ClaimView[]; showCluster: boolean }) {
  return (
    <TableScroll label="PVCs table">
      <table className="data-table kube-table" aria-label="PVCs">
        <thead>
          <tr>
            <th scope="col">PVC</th>
            {showCluster && <th scope="col">Cluster</th>}
            <th scope="col">Namespace</th>
            <th scope="col">Phase</th>
            <th scope="col">Volume health</th>
            <th scope="col">Storage class</th>
            <th scope="col" className="cell-number">
              Requested
            </th>
            <th scope="col">Volume</th>
            <th scope="col">Pods</th>
          </tr>
        </thead>
        <tbody>
          {claims.map((claim) => (
            <tr
              key={`${claim.cluster}/${claim.namespace}/${claim.name}`}
              data-claim={claim.name}
              data-phase={claim.phase}
              data-health={claim.health ?? 'none'}
            >
              <td>
                <Link to={claimHref(claim.cluster, claim.namespace, claim.name)}>{claim.name}</Link>
              </td>
              {showCluster && <td>{claim.cluster}</td>}
              <td>{claim.namespace}</td>
              <td>
                <StatusText status={claimStatus(claim.phase)} />
              </td>
              <td>
                <KubeHealth health={claim.health} />
              </td>
              <td>{claim.storageClass ?? <span className="muted">default</span>}</td>
              <td className="cell-number">{requestLabel(claim.requestBytes)}</td>
              <td className="kube-volume" title={claim.volumeId ?? undefined}>
                {claim.volumeId ? (
                  <Link to={volumePath(claim.volumeId)}>{claim.volumeId}</Link>
                ) : (
                  <span className="muted">{claim.pv ? 'not Drivebay' : 'not bound'}</span>
                )}
              </td>
              <td>
                {claim.pods.length === 0 ? (
                  <span className="muted">none</span>
                ) : (
                  <LinkList
                    links={claim.pods.map((pod) => ({
                      to: podHref(claim.cluster, claim.namespace, pod),
                      label: pod,
                    }))}
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
