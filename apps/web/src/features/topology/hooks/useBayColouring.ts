import type { Volume } from '@drivebay/api-types';
import { useMemo } from 'react';
import { useVolumeList } from '../../volumes';
import { type BayColouring, bayColouring, type ColourMode } from '../map/bayColouring';
import { driveUsage } from '../model/driveUsage';
import { driveById, type TopologyModel } from '../model/topologyModel';

const NONE: readonly Volume[] = [];
const NO_FILTERS = {};

/** The colouring for `mode`; volume-based modes read the live volume list (loaded only for them). */
export function useBayColouring(mode: ColourMode, model: TopologyModel): BayColouring | null {
  const needsVolumes = mode === 'utilisation' || mode === 'cluster';
  const volumes = useVolumeList(NO_FILTERS, needsVolumes).data ?? NONE;
  const usage = useMemo(
    () => (needsVolumes ? driveUsage(volumes, (id) => driveById(model, id)?.capacityBytes) : new Map()),
    [needsVolumes, volumes, model],
  );
  return useMemo(() => bayColouring(mode, model, usage), [mode, model, usage]);
}
