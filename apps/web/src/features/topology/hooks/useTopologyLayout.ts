import { useMemo } from 'react';
import { layoutTopology } from '../layout/layoutTopology';
import type { TopologyLayout } from '../layout/layoutTypes';
import type { TopologyModel } from '../model/topologyModel';

/**
 * The map layout for a screen of shape `aspectRatio` (width / height), recomputed only when
 * racks, enclosures or that shape change, never on drive deltas.
 */
export function useTopologyLayout(model: TopologyModel, aspectRatio: number | undefined): TopologyLayout {
  const { racks, enclosures } = model;
  return useMemo(
    () => layoutTopology({ racks, enclosures }, { aspectRatio }),
    [racks, enclosures, aspectRatio],
  );
}
