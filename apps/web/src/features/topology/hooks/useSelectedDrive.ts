import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/** The selected drive lives in the URL (`?drive=<id>`), so back/forward and links work. */
export function useSelectedDrive(): [string | null, (id: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const selected = params.get('drive');
  const select = useCallback(
    (id: string | null) => {
      setParams((previous) => {
        const next = new URLSearchParams(previous);
        if (id) next.set('drive', id);
        else next.delete('drive');
        // One panel at a time: a drive replaces a selected enclosure.
        if (id) next.delete('enclosure');
        return next;
      });
    },
    [setParams],
  );
  return [selected || null, select];
}
