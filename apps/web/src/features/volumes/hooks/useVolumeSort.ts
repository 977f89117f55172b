import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { nextSort, type SortColumn, sortFromParams, type VolumeSort, withSort } from '../model/sortVolumes';

/** The table's sort lives in the URL (`?sort=capacity&order=desc`); clicking a column cycles it. */
export function useVolumeSort(): [VolumeSort, (column: SortColumn) => void] {
  const [params, setParams] = useSearchParams();
  const sort = useMemo(() => sortFromParams(params), [params]);
  const sortBy = useCallback(
    (column: SortColumn) =>
      setParams((previous) => withSort(previous, nextSort(sortFromParams(previous), column)), {
        replace: true,
      }),
    [setParams],
  );
  return [sort, sortBy];
}
