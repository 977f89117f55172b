import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/** The selected enclosure lives in the URL (`?enclosure=<id>`); selecting one closes a drive's panel. */
export function useSelectedEnclosure(): [string | null, (id: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const selected = params.get('enclosure') || null;
  const select = useCallback(
    (id: string | null) =>
      setParams((previous) => {
        const next = new URLSearchParams(previous);
        if (id) {
          next.set('enclosure', id);
          next.delete('drive');
        } else next.delete('enclosure');
        return next;
      }),
    [setParams],
  );
  return [selected, select];
}
