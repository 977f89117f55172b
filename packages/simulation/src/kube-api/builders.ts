import type { KubeObjectInput } from './types.js';

/** A running (or otherwise phased) single-container pod, optionally on a node and using PVCs. */
export function buildPod(p: {
  name: string;
  namespace?: string;
  nodeName?: string;
  phase?: 'Pending' | 'Running' | 'Succeeded' | 'Failed';
  labels?: Record<string, string>;
  podIP?: string;
  claims?: string[];
}): KubeObjectInput {
  const phase = p.phase ?? (p.nodeName ? 'Running' : 'Pending');
  const running = phase === 'Running';
  return {
    metadata: { name: p.name, namespace: p.namespace ?? 'default', labels: p.labels ?? {} },
    spec: {
      ...(p.nodeName && { nodeName: p.nodeName }),
      containers: [{ name: 'main', image: 'registry.local/app:1' }],
      volumes: (p.claims ?? []).map((claimName) => ({
        name: claimName,
        persistentVolumeClaim: { claimName },
      })),
    },
    status: {
      phase,
      ...(p.podIP && { podIP: p.podIP }),
      containerStatuses: [
        { name: 'main', ready: running, restartCount: 0, state: running ? { running: {} } : { waiting: {} } },
      ],
    },
  };
}

/** A Ready node with an internal IP, as a kubelet would report it. */
export function buildNode(p: { name: string; internalIP?: string; ready?: boolean }): KubeObjectInput {
  return {
    metadata: { name: p.name, labels: { 'kubernetes.io/hostname': p.name } },
    spec: {},
    status: {
      conditions: [{ type: 'Ready', status: p.ready === false ? 'False' : 'True', reason: 'KubeletReady' }],
      addresses: p.internalIP ? [{ type: 'InternalIP', address: p.internalIP }] : [],
      nodeInfo: {
        kubeletVersion: 'v1.32.0',
        osImage: 'Debian GNU/Linux 12',
        containerRuntimeVersion: 'containerd://1.7',
      },
    },
  };
}

/** A PVC, Bound to `volumeName` when given, Pending otherwise. */
export function buildPvc(p: {
  name: string;
  namespace?: string;
  storageClassName?: string;
  size?: string;
  volumeName?: string;
}): KubeObjectInput {
  const size = p.size ?? '10Gi';
  return {
    metadata: { name: p.name, namespace: p.namespace ?? 'default' },
    spec: {
      accessModes: ['ReadWriteOnce'],
      resources: { requests: { storage: size } },
      ...(p.storageClassName && { storageClassName: p.storageClassName }),
      ...(p.volumeName && { volumeName: p.volumeName }),
      volumeMode: 'Filesystem',
    },
    status: p.volumeName
      ? { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: size } }
      : { phase: 'Pending' },
  };
}

/** A CSI PV, Bound to `claim` (namespace/name) when given, Available otherwise. */
export function buildPv(p: {
  name: string;
  size?: string;
  storageClassName?: string;
  claim?: { namespace: string; name: string };
  driver?: string;
}): KubeObjectInput {
  return {
    metadata: { name: p.name },
    spec: {
      capacity: { storage: p.size ?? '10Gi' },
      accessModes: ['ReadWriteOnce'],
      persistentVolumeReclaimPolicy: 'Delete',
      ...(p.storageClassName && { storageClassName: p.storageClassName }),
      ...(p.claim && { claimRef: { kind: 'PersistentVolumeClaim', apiVersion: 'v1', ...p.claim } }),
      csi: { driver: p.driver ?? 'csi.drivebay.io', volumeHandle: p.name },
      volumeMode: 'Filesystem',
    },
    status: { phase: p.claim ? 'Bound' : 'Available' },
  };
}

/** A storage class of a CSI provisioner; it promises volume expansion only when told to. */
export function buildStorageClass(p: {
  name: string;
  provisioner?: string;
  isDefault?: boolean;
  allowVolumeExpansion?: boolean;
}): KubeObjectInput {
  return {
    metadata: {
      name: p.name,
      ...(p.isDefault && { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } }),
    },
    provisioner: p.provisioner ?? 'csi.drivebay.io',
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'WaitForFirstConsumer',
    ...(p.allowVolumeExpansion && { allowVolumeExpansion: true }),
  };
}

/** A VolumeAttachment of a PV to a node. */
export function buildVolumeAttachment(p: {
  name: string;
  pv: string;
  nodeName: string;
  attached?: boolean;
}): KubeObjectInput {
  return {
    metadata: { name: p.name },
    spec: { attacher: 'csi.drivebay.io', nodeName: p.nodeName, source: { persistentVolumeName: p.pv } },
    status: { attached: p.attached ?? true },
  };
}
