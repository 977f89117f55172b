import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';

/**
 * Refetches `queryKey` when the live revision moves on, at most once per `minIntervalMs`: figures
 * the server derives (capacity, history) follow the live feed without polling, and an event
 * storm costs one request per interval rather than one per delta.
 */
export function useRefreshOnChange(queryKey: QueryKey, revision: number | undefined, minIntervalMs: number) {
  const queryClient = useQueryClient();
  const last = useRef({ revision, at: 0 });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key's contents, not its identity, matter.
  useEffect(() => {
    if (revision === undefined || revision === last.current.revision) return;
    const refresh = () => {
      last.current = { revision, at: Date.now() };
      void queryClient.invalidateQueries({ queryKey });
    };
    const wait = last.current.at + minIntervalMs - Date.now();
    clearTimeout(timer.current);
    if (wait <= 0) refresh();
    else timer.current = setTimeout(refresh, wait);
  }, [revision, minIntervalMs, queryClient, JSON.stringify(queryKey)]);
  useEffect(() => () => clearTimeout(timer.current), []);
}
