import type { AffectedClaim, AffectedPod } from '@drivebay/api-types';
import { Link } from 'react-router';
import { claimHref, podHref } from '../../../shared/api/kubeQueries';
import { LinkList } from '../../../shared/components/LinkList';
import { VolumeHealthBadge } from '../../../shared/components/VolumeHealthBadge';

/** Long lists are cut here: the JSON export holds every pod and PVC. */
const SHOWN = 200;

interface AffectedWorkloadsProps {
  pods: readonly AffectedPod[];
  claims: readonly AffectedClaim[];
  clustersWatched: number;
}

/** "node k8s-1 → server srv-1", with the server's hostname when it says more. */
const placement = (pod: AffectedPod) => {
  if (pod.node === null) return 'not scheduled';
  const { server, serverHostname: host } = pod;
  const named =
    server === null
      ? 'no server'
      : host && host !== server && host !== pod.node
        ? `${server} (${host})`
        : server;
  return `node ${pod.node} → server ${named}`;
};
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** The PVCs and pods whose volumes are failed, degraded or rebuilding: who the incident hurts. */
export function AffectedWorkloads({ pods, claims, clustersWatched }: AffectedWorkloadsProps) {
  const counted = `(${plural(pods.length, 'pod')}, ${plural(claims.length, 'PVC')})`;
  return (
    <section className="incident-section" aria-labelledby="incident-workloads">
      <h2 id="incident-workloads">
        Kubernetes workloads affected <span className="incident-count">{counted}</span>
      </h2>
      <p className="incident-meaning">
        Pods and PVCs on the volumes above. Failed: the pod cannot read or write that data. Degraded or
        rebuilding: still served, with no spare copy until the rebuild completes.
      </p>
      {clustersWatched === 0 ? (
        <p className="incident-none">
          No Kubernetes cluster is watched, so the PVCs and pods behind these volumes cannot be named here.
        </p>
      ) : pods.length === 0 && claims.length === 0 ? (
        <p className="incident-none">None: no pod or PVC uses an affected volume.</p>
      ) : (
        <div className="incident-kube">
          <PodList pods={pods.slice(0, SHOWN)} total={pods.length} />
          <ClaimList claims={claims.slice(0, SHOWN)} total={claims.length} />
        </div>
      )}
    </section>
  );
}

function PodList({ pods, total }: { pods: readonly AffectedPod[]; total: number }) {
  return (
    <div>
      <h3 id="incident-pods">Pods ({total})</h3>
      {pods.length === 0 ? (
        <p className="incident-none">None.</p>
      ) : (
        <ul className="incident-list" aria-labelledby="incident-pods">
          {pods.map((pod) => (
            <li
              key={`${pod.cluster}/${pod.namespace}/${pod.name}`}
              data-pod={`${pod.cluster}/${pod.namespace}/${pod.name}`}
            >
              <VolumeHealthBadge health={pod.health} />
              <Link to={podHref(pod.cluster, pod.namespace, pod.name)}>{`${pod.namespace}/${pod.name}`}</Link>
              <span className="incident-detail">
                {[pod.workload ?? 'no owner', pod.phase, placement(pod)].join(' · ')}
              </span>
              {pod.claims.length > 0 && (
                <span className="incident-detail">
                  PVC{' '}
                  <LinkList
                    links={pod.claims.map((name) => ({
                      to: claimHref(pod.cluster, pod.namespace, name),
                      label: name,
                    }))}
                  />
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {total > pods.length && (
        <p className="incident-meaning">{total - pods.length} more: export the JSON.</p>
      )}
    </div>
  );
}

function ClaimList({ claims, total }: { claims: readonly AffectedClaim[]; total: number }) {
  return (
    <div>
      <h3 id="incident-claims">PVCs ({total})</h3>
      {claims.length === 0 ? (
        <p className="incident-none">None.</p>
      ) : (
        <ul className="incident-list" aria-labelledby="incident-claims">
          {claims.map((claim) => (
            <li
              key={`${claim.cluster}/${claim.namespace}/${claim.name}`}
              data-claim={`${claim.cluster}/${claim.namespace}/${claim.name}`}
            >
              <VolumeHealthBadge health={claim.health} />
              <Link to={claimHref(claim.cluster, claim.namespace, claim.name)}>
                {`${claim.namespace}/${claim.name}`}
              </Link>
              <span className="incident-detail">
                {[
                  claim.workload,
                  claim.pods.length > 0 ? `used by ${claim.pods.join(', ')}` : 'no pod mounts it',
                  claim.servers.length > 0 && `server ${claim.servers.join(', ')}`,
                ]
                  .filter(Boolean)
                  .join(' · ')}
                {claim.volumeId && (
                  <>
                    {' · volume '}
                    <Link to={`/volumes/${encodeURIComponent(claim.volumeId)}`}>{claim.volumeId}</Link>
                  </>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      {total > claims.length && (
        <p className="incident-meaning">{total - claims.length} more: export the JSON.</p>
      )}
    </div>
  );
}
