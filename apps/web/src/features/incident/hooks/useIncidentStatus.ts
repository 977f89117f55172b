import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useLiveRoom } from '../../../shared/live/LiveTransportContext';
import { incidentSummaryQuery } from '../api/incidentQueries';
import { incidentRoom } from '../live/incidentRoom';
import { type IncidentStatus, incidentStatus } from '../model/incidentStatus';

/** The live incident status for the banner; undefined until the summary has loaded. */
export function useIncidentStatus(): IncidentStatus | undefined {
  useLiveRoom(incidentRoom);
  const summary = useQuery(incidentSummaryQuery()).data;
  return useMemo(() => (summary ? incidentStatus(summary) : undefined), [summary]);
}
