import type { TopologyDelta } from '@drivebay/api-types';
import type { QueryClient } from '@tanstack/react-query';
import { browserSchedule, type Schedule } from '../live/liveTransport';
import { kubeKeys } from './kubeQueries';

/** Where podwatcher and volume changes go: the Kubernetes views in the react-query cache. */
export interface KubeDeltaPort {
  apply(deltas: readonly TopologyDelta[]): void;
  /** Changes may have been missed: the views must reload. */
  resync(): void;
}

/** Kubernetes views are re-asked at most this often, however fast pods churn. */
export const KUBE_REFRESH_MS = 1_000;

/**
 * Refreshes the cached Kubernetes views (every key under `['kube']`) when the podwatcher
 * records a change or a volume changes (the views show volume health and drives): at once for the first change, then at most once per KUBE_REFRESH_MS, with a
 * trailing refresh so the last change of a burst is never missed. Only queries on screen refetch.
 */
export function kubeCachePort(queryClient: QueryClient, schedule: Schedule = browserSchedule): KubeDeltaPort {
  let cooling = false;
  let pending = false;
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: kubeKeys.all });
    cooling = true;
    schedule(() => {
      cooling = false;
      if (!pending) return;
      pending = false;
      refresh();
    }, KUBE_REFRESH_MS);
  };
  const request = () => {
    if (cooling) pending = true;
    else refresh();
  };
  return {
    apply(deltas) {
      if (deltas.length > 0) request();
    },
    // Changes before the snapshot's revision will never arrive as deltas.
    resync: request,
  };
}
