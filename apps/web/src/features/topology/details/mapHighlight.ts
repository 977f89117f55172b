import { kubeObjectId, type NamespacedRef } from '@drivebay/api-types';

/** What the map outlines: one volume's drives, or those under a pod's or a PVC's volumes. */
export type MapHighlight =
  | { readonly kind: 'volume'; readonly id: string }
  | ({ readonly kind: 'pod' | 'claim' } & NamespacedRef);

/** The URL parameters a highlight is kept in: `?volume=<id>`, `?pod=` or `?claim=<cluster/ns/name>`. */
const PARAMS = ['volume', 'pod', 'claim'] as const;

/** "cluster/namespace/name" back to its parts; null unless it has exactly three non-empty ones. */
export function parseKubeRef(text: string | null): NamespacedRef | null {
  const parts = (text ?? '').split('/');
  if (parts.length !== 3 || parts.some((part) => part === '')) return null;
  const [cluster, namespace, name] = parts as [string, string, string];
  return { cluster, namespace, name };
}

/** The highlight the URL names; a pod wins over a PVC, a PVC over a volume. */
export function parseHighlight(params: URLSearchParams): MapHighlight | null {
  const pod = parseKubeRef(params.get('pod'));
  if (pod) return { kind: 'pod', ...pod };
  const claim = parseKubeRef(params.get('claim'));
  if (claim) return { kind: 'claim', ...claim };
  const volume = params.get('volume');
  return volume ? { kind: 'volume', id: volume } : null;
}

/** `params` with `highlight` (or none) and, when given, the drive to select with it. */
export function withHighlight(
  params: URLSearchParams,
  highlight: MapHighlight | null,
  driveId?: string,
): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const name of PARAMS) next.delete(name);
  if (highlight?.kind === 'volume') next.set('volume', highlight.id);
  else if (highlight) next.set(highlight.kind, kubeObjectId(highlight));
  if (driveId) {
    next.set('drive', driveId);
    next.delete('enclosure');
  }
  return next;
}

/** "pod cassandra/cassandra-0", "PVC cassandra/data-cassandra-0", "volume v-1". */
export function highlightLabel(highlight: MapHighlight): string {
  if (highlight.kind === 'volume') return `volume ${highlight.id}`;
  return `${highlight.kind === 'pod' ? 'pod' : 'PVC'} ${highlight.namespace}/${highlight.name}`;
}
