import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { type ColourMode, isColourMode } from '../map/bayColouring';

/** The map's colour mode lives in the URL (`?colour=media`), so a link shows the same map. */
export function useColourMode(): [ColourMode, (mode: ColourMode) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get('colour');
  const mode: ColourMode = isColourMode(raw) ? raw : 'health';
  const choose = useCallback(
    (next: ColourMode) =>
      setParams((previous) => {
        const updated = new URLSearchParams(previous);
        if (next === 'health') updated.delete('colour');
        else updated.set('colour', next);
        return updated;
      }),
    [setParams],
  );
  return [mode, choose];
}
