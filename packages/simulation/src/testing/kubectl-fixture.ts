import {
  buildNode,
  buildPod,
  buildPv,
  buildPvc,
  buildStorageClass,
  buildVolumeAttachment,
} from '../kube-api/builders.js';
import type { ObjectStore } from '../kube-api/object-store.js';

/** kubectl's tables as rows keyed by header, cut at the header's column positions (cells may be empty). */
export function tables(output: string): Record<string, string>[][] {
  return output
    .trim()
    .split(/\n\s*\n/)
    .map((block) => {
      const [header = '', ...lines] = block.split('\n');
      const starts = [...header.matchAll(/\S+( \S+)*/g)].map((match) => ({
        name: match[0],
        at: match.index,
      }));
      return lines.map((line) =>
        Object.fromEntries(starts.map((col, i) => [col.name, line.slice(col.at, starts[i + 1]?.at).trim()])),
      );
    });
}

/** A namespace `shop` with pods on two nodes (one NotReady), a pending pod, a bound PVC/PV, a class, an attachment, an event. */
export function seedShop(store: ObjectStore): void {
  store.create('namespaces', { metadata: { name: 'shop' } });
  store.create('nodes', buildNode({ name: 'server-01', internalIP: '10.0.0.1' }));
  store.create('nodes', buildNode({ name: 'server-02', internalIP: '10.0.0.2', ready: false }));
  store.create('storageclasses', buildStorageClass({ name: 'drivebay-ssd', isDefault: true }));
  const web = { name: 'web-0', namespace: 'shop', nodeName: 'server-01', podIP: '10.1.0.5' };
  store.create('pods', buildPod({ ...web, labels: { app: 'web' }, claims: ['data-web-0'] }));
  store.create(
    'pods',
    buildPod({ name: 'db-0', namespace: 'shop', nodeName: 'server-02', labels: { app: 'db' } }),
  );
  store.create('pods', buildPod({ name: 'queued', namespace: 'shop', labels: { app: 'batch' } }));
  const claim = { namespace: 'shop', name: 'data-web-0' };
  store.create('persistentvolumeclaims', {
    ...buildPvc({ ...claim, storageClassName: 'drivebay-ssd', volumeName: 'pv-1' }),
  });
  store.create('persistentvolumes', buildPv({ name: 'pv-1', storageClassName: 'drivebay-ssd', claim }));
  store.create(
    'volumeattachments',
    buildVolumeAttachment({ name: 'csi-0a1b', pv: 'pv-1', nodeName: 'server-01' }),
  );
  store.create('events', {
    metadata: { name: 'web-0.17f', namespace: 'shop' },
    involvedObject: { kind: 'Pod', name: 'web-0', namespace: 'shop' },
    reason: 'Scheduled',
    message: 'Successfully assigned shop/web-0 to server-01',
    type: 'Normal',
    count: 1,
    lastTimestamp: new Date().toISOString(),
  });
}
