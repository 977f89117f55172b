import { createHash } from 'node:crypto';
import type { KubeObject, ObjectStore } from '../kube-api/index.js';
import { specOf, statusOf } from './sim-objects.js';

/**
 * The CNI's host-local IPAM of the simulated cluster: a pod gets a free address in its node's
 * podCIDR (a /24), so a pod recreated elsewhere gets a new IP, as it would on a real cluster.
 */
export function allocatePodIp(store: ObjectStore, node: KubeObject, pod: KubeObject): string {
  const cidr = String(specOf(node).podCIDR ?? '10.244.0.0/24');
  const prefix = cidr.split('/')[0]!.split('.').slice(0, 3).join('.');
  const taken = new Set(
    store
      .list('pods')
      .filter((p) => specOf(p).nodeName === node.metadata.name && p.metadata.uid !== pod.metadata.uid)
      .map((p) => statusOf(p).podIP),
  );
  // Start from a spot derived from the pod's uid, then take the next free host address.
  const start = createHash('sha1')
    .update(pod.metadata.uid ?? pod.metadata.name)
    .digest()
    .readUInt8(0);
  for (let i = 0; i < 253; i++) {
    const ip = `${prefix}.${((start + i) % 253) + 2}`;
    if (!taken.has(ip)) return ip;
  }
  throw new Error(`no free pod IP in ${cidr} on node ${node.metadata.name}`);
}

/** The node's InternalIP, which the kubelet reports as its pods' hostIP. */
export function internalIp(node: KubeObject): string | undefined {
  const addresses = (statusOf(node).addresses as { type: string; address: string }[] | undefined) ?? [];
  return addresses.find((a) => a.type === 'InternalIP')?.address;
}
