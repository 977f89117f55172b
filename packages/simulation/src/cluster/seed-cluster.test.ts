import type { Server } from '@drivebay/api-types';
import { SERVER_LABEL } from '@drivebay/composer';
import { describe, expect, it } from 'vitest';
import { type KubeObject, ObjectStore } from '../kube-api/index.js';
import { seedSimulatedCluster } from './seed-cluster.js';

const server = (id: string, hostname: string, state: Server['state'] = 'up'): Server => ({
  id,
  hostname,
  rack: 'rack-a01',
  transports: ['iscsi'],
  state,
});

describe('seedSimulatedCluster', () => {
  it('makes a node per server, labelled with its id, Ready when the server is up, else unreachable; and the storage classes', () => {
    const store = new ObjectStore();
    seedSimulatedCluster(store, [server('srv-1', 'node-a'), server('srv-2', 'node-b', 'down')]);
    const nodes = store.list('nodes');
    expect(nodes.map((n) => [n.metadata.name, n.metadata.labels?.[SERVER_LABEL]])).toEqual([
      ['node-a', 'srv-1'],
      ['node-b', 'srv-2'],
    ]);
    const ready = (name: string) => {
      const status = store.get('nodes', { name })?.status as
        | { conditions: { type: string; status: string }[] }
        | undefined;
      return status?.conditions.find((c) => c.type === 'Ready')?.status;
    };
    // A server already down is a node the node lifecycle controller has marked unreachable.
    expect([ready('node-a'), ready('node-b')]).toEqual(['True', 'Unknown']);
    const down = store.get('nodes', { name: 'node-b' })!;
    expect((down.spec as { taints?: unknown[] }).taints).toHaveLength(2);
    const classes = store.list('storageclasses');
    expect(classes.map((c) => c.metadata.name)).toContain('drivebay-slice');
    expect(classes.find((c) => c.metadata.name === 'drivebay-slice')?.metadata.annotations).toEqual({
      'storageclass.kubernetes.io/is-default-class': 'true',
    });
  });

  it('gives nodes the addresses, pod CIDR, capacity and system info a kubelet reports', () => {
    const store = new ObjectStore();
    seedSimulatedCluster(store, [server('srv-1', 'node-a'), server('srv-2', 'node-b')]);
    const [a, b] = store.list('nodes') as [KubeObject, KubeObject];
    expect(a.status).toMatchObject({
      addresses: [
        { type: 'InternalIP', address: expect.stringMatching(/^10\.10\./) },
        { type: 'Hostname', address: 'node-a' },
      ],
      capacity: { cpu: '32', pods: '110', memory: expect.stringMatching(/Ki$/) },
      allocatable: { cpu: '32', pods: '110' },
      nodeInfo: { architecture: 'amd64', operatingSystem: 'linux', kernelVersion: expect.any(String) },
    });
    expect((a.spec as { podCIDR: string }).podCIDR).not.toBe((b.spec as { podCIDR: string }).podCIDR);
    const conditions = (a.status as { conditions: { type: string; lastHeartbeatTime: string }[] }).conditions;
    expect(conditions.map((c) => c.type)).toEqual(['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready']);
    expect(conditions.every((c) => c.lastHeartbeatTime.startsWith('20'))).toBe(true);
  });

  it('lets only the slice class promise volume expansion: only slice volumes grow', () => {
    const store = new ObjectStore();
    seedSimulatedCluster(store, []);
    const expandable = store
      .list('storageclasses')
      .map((sc) => [sc.metadata.name, sc.allowVolumeExpansion === true]);
    expect(expandable).toEqual([
      ['drivebay-hdd', false],
      ['drivebay-hdd-mirrored', false],
      ['drivebay-slice', true],
      ['drivebay-ssd', false],
    ]);
  });

  it('changes nothing when run again (a restart)', () => {
    const store = new ObjectStore();
    seedSimulatedCluster(store, [server('srv-1', 'node-a')]);
    const revision = store.resourceVersion;
    seedSimulatedCluster(store, [server('srv-1', 'node-a')]);
    expect(store.resourceVersion).toBe(revision);
  });
});
