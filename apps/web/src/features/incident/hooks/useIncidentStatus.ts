import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTopologySnapshot } from '../../topology/hooks/useTopologySnapshot';
import { volumeCountsQuery } from '../../volumes/api/volumeQueries';
import { type IncidentStatus, incidentStatus } from '../model/incidentStatus';

/** The live incident status for the banner; undefined until the topology has loaded. */
export function useIncidentStatus(): IncidentStatus | undefined {
  const model = useTopologySnapshot().data;
  const counts = useQuery(volumeCountsQuery()).data;
  return useMemo(() => {
    if (!model) return undefined;
    let offline = 0;
    for (const enclosure of model.enclosures.values()) if (enclosure.state === 'offline') offline += 1;
    return incidentStatus(model.healthCounts, offline, counts);
  }, [model, counts]);
}
