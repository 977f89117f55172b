import { IdSchema } from '@drivebay/api-types';
import { useQuery } from '@tanstack/react-query';
import { useLiveRoom } from '../../../shared/live/LiveTransportContext';
import { volumeCountsQuery, volumeDetailQuery, volumeEventsQuery } from '../api/volumeQueries';
import { volumeEventsRoom, volumesRoom } from '../live/volumeRooms';

/** One volume, live; null once the server says it does not exist. Malformed ids never reach it. */
export function useVolume(id: string) {
  useLiveRoom(volumesRoom);
  const valid = IdSchema.safeParse(id).success;
  const query = useQuery({ ...volumeDetailQuery(id), enabled: valid });
  return { query, valid };
}

/** The volume's newest events, live. */
export function useVolumeEvents(id: string, enabled: boolean) {
  useLiveRoom(volumeEventsRoom);
  return useQuery({ ...volumeEventsQuery(id), enabled });
}

/** One volume by id for a view outside the volumes pages (a map highlight), live. */
export function useVolumeDetail(id: string, enabled: boolean) {
  useLiveRoom(volumesRoom);
  return useQuery({ ...volumeDetailQuery(id), enabled });
}

/** How many volumes there are by health, refreshed after volume changes. */
export function useVolumeCounts() {
  useLiveRoom(volumesRoom);
  return useQuery(volumeCountsQuery());
}
