import type { ClaimChain } from '@drivebay/api-types';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { claimQuery, podQuery } from '../../../shared/api/kubeQueries';
import { useKubeQuery } from '../../../shared/api/kubeRooms';
import { useVolumeDetail } from '../../volumes';
import { type MapHighlight, parseHighlight, withHighlight } from '../details/mapHighlight';

const NONE: readonly string[] = [];

/** What the map outlines, resolved to drives and volumes. */
export interface ResolvedHighlight {
  readonly highlight: MapHighlight | null;
  /** The volumes behind it (one for a volume or PVC, each of a pod's). */
  readonly volumeIds: readonly string[];
  readonly driveIds: readonly string[];
  /** Still resolving the pod or PVC (or it is not known: `missing`). */
  readonly loading: boolean;
  readonly missing: boolean;
}

/**
 * The highlight in the URL (`?volume=`, `?pod=`, `?claim=`, set by Find), kept live: after a
 * rebuild it follows the volume onto its new drive; when a pod moves to other volumes, so does it.
 */
export function useMapHighlight(): ResolvedHighlight & {
  highlight: MapHighlight | null;
  setHighlight: (highlight: MapHighlight | null) => void;
  /** Highlights and selects one of its drives, in one history entry. */
  highlightWithDrive: (highlight: MapHighlight, driveId: string) => void;
} {
  const [params, setParams] = useSearchParams();
  // Only these three name the highlight: selecting another drive must not make a new one.
  const key = ['pod', 'claim', 'volume'].map((name) => params.get(name) ?? '').join('\n');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the parameters read.
  const highlight = useMemo(() => parseHighlight(params), [key]);
  const resolved = useResolvedHighlight(highlight);
  const setHighlight = useCallback(
    (next: MapHighlight | null) => setParams((previous) => withHighlight(previous, next)),
    [setParams],
  );
  // One update for both: two functional updates in a row would each start from the same URL.
  const highlightWithDrive = useCallback(
    (next: MapHighlight, driveId: string) => setParams((previous) => withHighlight(previous, next, driveId)),
    [setParams],
  );
  return { ...resolved, setHighlight, highlightWithDrive };
}

function useResolvedHighlight(highlight: MapHighlight | null): ResolvedHighlight {
  const kind = highlight?.kind;
  const ref = highlight && highlight.kind !== 'volume' ? highlight : { cluster: '', namespace: '', name: '' };
  const volumeId = highlight?.kind === 'volume' ? highlight.id : '';
  const volume = useVolumeDetail(volumeId, kind === 'volume');
  const pod = useKubeQuery({ ...podQuery(ref.cluster, ref.namespace, ref.name), enabled: kind === 'pod' });
  const claim = useKubeQuery({
    ...claimQuery(ref.cluster, ref.namespace, ref.name),
    enabled: kind === 'claim',
  });
  const kube = kind === 'pod' ? pod : claim;
  const podChains = pod.data?.claims;
  const claimChain = claim.data;
  const chains = useMemo(
    () => (kind === 'pod' ? podChains : claimChain ? [claimChain] : undefined),
    [kind, podChains, claimChain],
  );
  const members = volume.data?.members;
  return useMemo(() => {
    const none = { highlight, volumeIds: NONE, driveIds: NONE, loading: false, missing: false };
    if (!kind) return none;
    if (kind === 'volume') {
      const volumeIds = [volumeId];
      if (!members) return { ...none, volumeIds, loading: volume.isPending };
      return { ...none, volumeIds, driveIds: members.map((m) => m.driveId) };
    }
    if (!chains) return { ...none, loading: kube.isPending, missing: kube.isError };
    return { ...none, ...chainIds(chains) };
  }, [highlight, kind, volumeId, members, volume.isPending, chains, kube.isPending, kube.isError]);
}

/** The volumes and (distinct) drives under some claims. */
function chainIds(chains: readonly ClaimChain[]): { volumeIds: string[]; driveIds: string[] } {
  const volumeIds = chains.flatMap((chain) => (chain.volume ? [chain.volume.id] : []));
  const driveIds = [...new Set(chains.flatMap((chain) => chain.drives.map((d) => d.driveId)))];
  return { volumeIds, driveIds };
}
