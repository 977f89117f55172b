import type { ChainDrive, ClaimChain, ClaimView, KubeNode, PodDetail, PodView } from '@drivebay/api-types';

/** A running, ready pod of StatefulSet cassandra with one claim; override what the test is about. */
export function buildPod(overrides: Partial<PodView> = {}): PodView {
  return {
    cluster: 'sim',
    namespace: 'cassandra',
    name: 'cassandra-0',
    uid: 'uid-pod-0',
    phase: 'Running',
    ready: true,
    restarts: 0,
    node: 'node-1',
    server: 'srv-1',
    workload: { kind: 'StatefulSet', name: 'cassandra' },
    claims: ['data-cassandra-0'],
    volumeIds: ['pvc-1'],
    startedAt: '2025-01-01T00:00:00.000Z',
    health: 'healthy',
    ...overrides,
  };
}

/** A claim bound to Drivebay volume pvc-1. */
export function buildClaim(overrides: Partial<ClaimView> = {}): ClaimView {
  return {
    cluster: 'sim',
    namespace: 'cassandra',
    name: 'data-cassandra-0',
    uid: 'uid-claim-0',
    phase: 'Bound',
    storageClass: 'drivebay-hdd',
    requestBytes: 100_000_000_000,
    pv: 'pv-1',
    driver: 'csi.drivebay.io',
    volumeHandle: 'pvc-1',
    volumeId: 'pvc-1',
    health: 'healthy',
    pods: ['cassandra-0'],
    ...overrides,
  };
}

/** An active whole-drive member in set 0, copy 0. */
export function buildChainDrive(overrides: Partial<ChainDrive> = {}): ChainDrive {
  return {
    driveId: 'drive-1',
    serial: 'SN-1',
    media: 'hdd',
    health: 'ok',
    enclosureId: 'enc-1',
    bay: 1,
    storageGroup: 'sg-a',
    slice: null,
    set: 0,
    copy: 0,
    memberState: 'active',
    ...overrides,
  };
}

export function buildNode(overrides: Partial<KubeNode> = {}): KubeNode {
  return {
    cluster: 'sim',
    name: 'node-1',
    uid: 'uid-node-1',
    ready: true,
    server: 'srv-1',
    matchedBy: 'label',
    ...overrides,
  };
}

/** A pod's whole chain: ready node, server up, one claim (no volume unless given). */
export function buildPodDetail(overrides: Partial<PodDetail> = {}, claims: ClaimChain[] = []): PodDetail {
  return {
    pod: buildPod(),
    node: buildNode(),
    serverHostname: 'host-1',
    serverState: 'up',
    claims,
    ...overrides,
  };
}
