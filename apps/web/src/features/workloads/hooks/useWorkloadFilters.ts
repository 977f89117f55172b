import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { parseWorkloadFilters, type WorkloadFilters, withWorkloadFilters } from '../model/workloadFilters';

type Patch = Partial<Record<keyof WorkloadFilters, string | undefined>>;

/**
 * The cluster, namespace, tab and text filter live in the URL (`/workloads?cluster=sim&tab=pods`),
 * so links, reloads and back/forward show the same view. `hrefWith` gives a link to a changed view.
 */
export function useWorkloadFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseWorkloadFilters(params), [params]);
  const update = useCallback(
    (patch: Patch) => setParams((previous) => withWorkloadFilters(previous, patch)),
    [setParams],
  );
  const hrefWith = useCallback(
    (patch: Patch) => {
      const text = withWorkloadFilters(params, patch).toString();
      return text ? `/workloads?${text}` : '/workloads';
    },
    [params],
  );
  return { filters, update, hrefWith };
}
