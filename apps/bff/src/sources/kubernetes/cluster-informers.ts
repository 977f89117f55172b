import type { WatchedKind } from '@drivebay/composer';
import {
  CoreV1Api,
  type CoreV1Event,
  type KubeConfig,
  type KubernetesListObject,
  type KubernetesObject,
  StorageV1Api,
  type V1Node,
  type V1PersistentVolume,
  type V1PersistentVolumeClaim,
  type V1Pod,
} from '@kubernetes/client-node';
import { type InformerListener, type ResilienceOptions, ResilientInformer } from './resilient-informer.js';

/** Every resource the podwatcher follows in one cluster. */
export interface ClusterInformers {
  pods: ResilientInformer<V1Pod>;
  claims: ResilientInformer<V1PersistentVolumeClaim>;
  pvs: ResilientInformer<V1PersistentVolume>;
  nodes: ResilientInformer<V1Node>;
  storageClasses: ResilientInformer<KubernetesObject>;
  attachments: ResilientInformer<KubernetesObject>;
  events: ResilientInformer<CoreV1Event>;
}

/** How the informers report: per resource, and for those bindings are made of, per kind. */
export type ListenerFor = <T extends KubernetesObject>(
  resource: string,
  kind?: WatchedKind,
) => InformerListener<T>;

/** The informers of one cluster, listing cluster-wide (all namespaces). */
export function createClusterInformers(
  kubeConfig: KubeConfig,
  listenerFor: ListenerFor,
  onEvent: (event: CoreV1Event) => void,
  resilience: ResilienceOptions,
): ClusterInformers {
  const core = kubeConfig.makeApiClient(CoreV1Api);
  const storage = kubeConfig.makeApiClient(StorageV1Api);
  const informer = <T extends KubernetesObject>(
    resource: string,
    path: string,
    list: () => Promise<KubernetesListObject<T>>,
    listener: InformerListener<T>,
  ) => new ResilientInformer<T>(resource, kubeConfig, path, list, listener, resilience);
  return {
    pods: informer('pods', '/api/v1/pods', () => core.listPodForAllNamespaces(), listenerFor('pods', 'pods')),
    claims: informer(
      'persistentvolumeclaims',
      '/api/v1/persistentvolumeclaims',
      () => core.listPersistentVolumeClaimForAllNamespaces(),
      listenerFor('persistentvolumeclaims', 'claims'),
    ),
    pvs: informer(
      'persistentvolumes',
      '/api/v1/persistentvolumes',
      () => core.listPersistentVolume(),
      listenerFor('persistentvolumes', 'pvs'),
    ),
    nodes: informer('nodes', '/api/v1/nodes', () => core.listNode(), listenerFor('nodes', 'nodes')),
    storageClasses: informer(
      'storageclasses',
      '/apis/storage.k8s.io/v1/storageclasses',
      () => storage.listStorageClass(),
      listenerFor('storageclasses'),
    ),
    attachments: informer(
      'volumeattachments',
      '/apis/storage.k8s.io/v1/volumeattachments',
      () => storage.listVolumeAttachment(),
      listenerFor('volumeattachments'),
    ),
    events: informer('events', '/api/v1/events', () => core.listEventForAllNamespaces(), {
      ...listenerFor<CoreV1Event>('events'),
      upserted: onEvent,
    }),
  };
}
