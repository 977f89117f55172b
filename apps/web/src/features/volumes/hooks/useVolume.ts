import { IdSchema } from '@drivebay/api-types';
import { useQuery } from '@tanstack/react-query';
import { volumeDetailQuery, volumeEventsQuery } from '../api/volumeQueries';

/** One volume, live; null once the server says it does not exist. Malformed ids never reach it. */
export function useVolume(id: string) {
  const valid = IdSchema.safeParse(id).success;
  const query = useQuery({ ...volumeDetailQuery(id), enabled: valid });
  return { query, valid };
}

/** The volume's newest events, live. */
export function useVolumeEvents(id: string, enabled: boolean) {
  return useQuery({ ...volumeEventsQuery(id), enabled });
}
