import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { podsQuery } from '../../../shared/api/kubeQueries';
import { useTopologySnapshot } from '../../topology';
import { volumeCountsQuery } from '../../volumes';
import { type IncidentStatus, incidentStatus } from '../model/incidentStatus';

const AFFECTED_COUNT = { affected: 'true', limit: '1' };

/** The live incident status for the banner; undefined until the topology has loaded. */
export function useIncidentStatus(): IncidentStatus | undefined {
  const model = useTopologySnapshot().data;
  const counts = useQuery(volumeCountsQuery()).data;
  // Only the count: the incident page lists them.
  const affectedPods = useQuery(podsQuery(AFFECTED_COUNT)).data?.total ?? 0;
  return useMemo(() => {
    if (!model) return undefined;
    let offline = 0;
    for (const enclosure of model.enclosures.values()) if (enclosure.state === 'offline') offline += 1;
    return incidentStatus(model.healthCounts, offline, counts, affectedPods);
  }, [model, counts, affectedPods]);
}
