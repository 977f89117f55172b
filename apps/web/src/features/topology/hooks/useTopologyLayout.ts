import { useMemo } from 'react';
import { layoutTopology } from '../layout/layoutTopology';
import type { TopologyLayout } from '../layout/layoutTypes';
import type { TopologyModel } from '../model/topologyModel';

/** The map layout, recomputed only when racks or enclosures change (not on drive deltas). */
export function useTopologyLayout(model: TopologyModel): TopologyLayout {
  const { racks, enclosures } = model;
  return useMemo(() => layoutTopology({ racks, enclosures }), [racks, enclosures]);
}
