import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { volumeDetailQuery } from '../../volumes/api/volumeQueries';

const NONE: readonly string[] = [];

/**
 * The volume whose drives the map highlights (`?volume=<id>`, set by Find), kept live: after a
 * rebuild the highlight follows the volume onto its new drive.
 */
export function useHighlightedVolume(): {
  volumeId: string | null;
  driveIds: readonly string[];
  highlight: (id: string | null) => void;
  /** Highlights a volume and selects one of its drives, in one history entry. */
  highlightWithDrive: (id: string, driveId: string) => void;
} {
  const [params, setParams] = useSearchParams();
  const volumeId = params.get('volume') || null;
  const volume = useQuery({ ...volumeDetailQuery(volumeId ?? ''), enabled: volumeId !== null }).data;
  const highlight = useCallback(
    (id: string | null) =>
      setParams((previous) => {
        const next = new URLSearchParams(previous);
        if (id) next.set('volume', id);
        else next.delete('volume');
        return next;
      }),
    [setParams],
  );
  // One update for both: two functional updates in a row would each start from the same URL.
  const highlightWithDrive = useCallback(
    (id: string, driveId: string) =>
      setParams((previous) => {
        const next = new URLSearchParams(previous);
        next.set('volume', id);
        next.set('drive', driveId);
        return next;
      }),
    [setParams],
  );
  const driveIds = volumeId && volume ? volume.members.map((m) => m.driveId) : NONE;
  return { volumeId, driveIds, highlight, highlightWithDrive };
}
