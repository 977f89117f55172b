import { useMemo } from 'react';
import { Link } from 'react-router';
import { VolumeHealthBadge } from '../../../shared/components/VolumeHealthBadge';
import { groupByWorkload, type WorkloadGroup } from '../details/kubeRows';
import { usePodRows } from '../hooks/usePodRows';
import type { TopologyModel } from '../model/topologyModel';
import { PodItem } from './PodItem';
import { PodsLoadError } from './PodsLoadError';

/** Groups shown before "and N more"; the Workloads page lists everything. */
const GROUPS_SHOWN = 12;
/** Pods listed per group; a big Deployment is summed up by its count. */
const PODS_SHOWN = 6;

const workloadHref = (group: WorkloadGroup) => {
  const params = new URLSearchParams({ tab: 'pods', cluster: group.cluster, namespace: group.namespace });
  if (group.kind !== 'Pod') params.set('workload', `${group.kind}/${group.name}`);
  return `/workloads?${params.toString()}`;
};

/** The workloads with data in this enclosure, by workload, worst first: what losing it would hurt. */
export function EnclosureWorkloads({ model, enclosureId }: { model: TopologyModel; enclosureId: string }) {
  const filters = useMemo(() => ({ enclosure: enclosureId }), [enclosureId]);
  const { rows, total: podCount, error, retry } = usePodRows(filters);
  const groups = useMemo(() => (rows ? groupByWorkload(rows) : undefined), [rows]);
  return (
    <section className="enclosure-workloads" aria-labelledby="enclosure-workloads-heading">
      <h3 id="enclosure-workloads-heading">
        Workloads
        {groups && groups.length > 0 && (
          <span className="muted">
            {' '}
            ({groups.length} workload{groups.length === 1 ? '' : 's'}, {podCount} pod
            {podCount === 1 ? '' : 's'})
          </span>
        )}
      </h3>
      {error ? (
        <PodsLoadError error={error} onRetry={retry} />
      ) : !groups ? (
        <p className="muted" aria-busy="true">
          Loading pods…
        </p>
      ) : groups.length === 0 ? (
        <p className="card-note" data-pod-count={0}>
          No Kubernetes pods have data in this enclosure.
        </p>
      ) : (
        <ul className="workload-groups" aria-label={`Workloads with data in ${enclosureId}`}>
          {groups.slice(0, GROUPS_SHOWN).map((group) => (
            <li key={group.key} className="workload-group" data-workload={group.key}>
              <span className="pod-item-head">
                <Link to={workloadHref(group)}>
                  {group.kind} {group.namespace}/{group.name}
                </Link>
                {group.health && <VolumeHealthBadge health={group.health} />}
              </span>
              <span className="pod-item-detail">
                {group.rows.length} pod{group.rows.length === 1 ? '' : 's'} with data here
              </span>
              <ul className="pod-list pod-list--nested">
                {group.rows.slice(0, PODS_SHOWN).map((row) => (
                  <PodItem key={row.key} row={row} servers={model.servers} inGroup />
                ))}
                {group.rows.length > PODS_SHOWN && (
                  <li className="card-note">and {group.rows.length - PODS_SHOWN} more</li>
                )}
              </ul>
            </li>
          ))}
          {groups.length > GROUPS_SHOWN && (
            <li className="card-note">and {groups.length - GROUPS_SHOWN} more workloads</li>
          )}
        </ul>
      )}
    </section>
  );
}
