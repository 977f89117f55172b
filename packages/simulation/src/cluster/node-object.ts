import { createHash, randomUUID } from 'node:crypto';
import type { Server } from '@drivebay/api-types';
import { DRIVEBAY_DRIVER, SERVER_LABEL } from '@drivebay/composer';
import type { KubeObjectInput } from '../kube-api/index.js';
import type { Condition, Taint } from './sim-objects.js';

// A simulated server's Node as its kubelet registers and reports it.

const KUBELET_CONDITIONS = [
  ['MemoryPressure', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
  ['DiskPressure', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
  ['PIDPressure', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
  ['Ready', 'KubeletReady', 'kubelet is posting ready status'],
] as const;

/** The taint key the node lifecycle controller uses for a node whose kubelet stopped posting status. */
export const UNREACHABLE = 'node.kubernetes.io/unreachable';

/** The taints of an unreachable node, added at `at`. */
export function unreachableTaints(at: string): Taint[] {
  return [
    { key: UNREACHABLE, effect: 'NoSchedule', timeAdded: at },
    { key: UNREACHABLE, effect: 'NoExecute', timeAdded: at },
  ];
}

/** The conditions a healthy kubelet posts: no pressure, Ready. */
export function kubeletConditions(at: string): Condition[] {
  return KUBELET_CONDITIONS.map(([type, reason, message]) => ({
    type,
    status: type === 'Ready' ? 'True' : 'False',
    lastHeartbeatTime: at,
    lastTransitionTime: at,
    reason,
    message,
  }));
}

/**
 * What the node lifecycle controller writes when a kubelet stops posting status: every condition
 * Unknown since `at`, the last heartbeat kept.
 */
export function unknownConditions(previous: Condition[], at: string): Condition[] {
  return previous.map((c) => ({
    ...c,
    status: 'Unknown',
    lastTransitionTime: c.status === 'Unknown' ? c.lastTransitionTime : at,
    reason: 'NodeStatusUnknown',
    message: 'Kubelet stopped posting node status.',
  }));
}

const hex = (text: string, length: number) =>
  createHash('sha256').update(text).digest('hex').slice(0, length);
const uuidOf = (text: string) => {
  const h = hex(text, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
};

/** A new boot of a node's OS, as nodeInfo.bootID reports it. */
export const newBootId = () => randomUUID();

/**
 * The Node of the `index`th simulated server: addresses on the node network, a /24 of the pod
 * network (as the node IPAM controller assigns), capacity of a 32-core, 256 GiB server, the
 * system info its kubelet reports, and the annotations the kubelet and Drivebay's CSI node plugin add.
 */
export function simulatedNode(server: Server, index: number, at: string): KubeObjectInput {
  const name = server.hostname;
  const internalIP = `10.10.${Math.floor(index / 200)}.${(index % 200) + 11}`;
  const podCIDR = `10.244.${index % 256}.0/24`;
  const up = server.state === 'up';
  return {
    metadata: {
      name,
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        [SERVER_LABEL]: server.id,
      },
      annotations: {
        'csi.volume.kubernetes.io/nodeid': JSON.stringify({ [DRIVEBAY_DRIVER]: server.id }),
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    // A server already down is a node the controller has already marked unreachable.
    spec: { podCIDR, podCIDRs: [podCIDR], ...(!up && { taints: unreachableTaints(at) }) },
    status: {
      capacity: {
        cpu: '32',
        'ephemeral-storage': '459850824Ki',
        'hugepages-1Gi': '0',
        'hugepages-2Mi': '0',
        memory: '263842344Ki',
        pods: '110',
      },
      allocatable: {
        cpu: '32',
        'ephemeral-storage': '423798518232',
        'hugepages-1Gi': '0',
        'hugepages-2Mi': '0',
        memory: '263739944Ki',
        pods: '110',
      },
      conditions: up ? kubeletConditions(at) : unknownConditions(kubeletConditions(at), at),
      addresses: [
        { type: 'InternalIP', address: internalIP },
        { type: 'Hostname', address: name },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64',
        bootID: newBootId(),
        containerRuntimeVersion: 'containerd://1.7.24',
        kernelVersion: '6.1.0-28-amd64',
        kubeProxyVersion: 'v1.32.0',
        kubeletVersion: 'v1.32.0',
        machineID: hex(`machine:${server.id}`, 32),
        operatingSystem: 'linux',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        systemUUID: uuidOf(`system:${server.id}`),
      },
    },
  };
}
