import type { ClusterList, DomainEvent, PodDetail, PodList } from '@drivebay/api-types';
import {
  buildNode,
  buildPod,
  ClusterSim,
  defaultClusterSimOptions,
  type KubeApiSimulator,
  seedSimulatedCluster,
  startKubeApiSimulator,
} from '@drivebay/simulation';
import { until } from '@drivebay/simulation/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type EmbeddedCsi, startEmbeddedCsi } from '../../embedded/embedded-csi.js';
import { simulatorTarget } from '../../embedded/simulator-target.js';
import { createLogger } from '../../log.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import type { Podwatcher } from './podwatcher.js';

// The podwatcher against the simulated apiserver over real HTTP, in a real app with a SQLite
// store; what it recorded is read back through the REST API, as the console reads it.
let t: TestApp;
let sim: KubeApiSimulator;
let cluster: ClusterSim;
let podwatcher: Podwatcher;
let csi: EmbeddedCsi;

beforeEach(async () => {
  t = await startTestApp({
    podwatcher: {
      debounceMs: 20,
      resilience: { initialBackoffMs: 50, maxBackoffMs: 200, silenceMs: 800 },
    },
  });
  sim = await startKubeApiSimulator({ bookmarkIntervalMs: 200 });
  seedSimulatedCluster(sim.store, [...t.app.inventory().servers.values()]);
  // The simulated cluster provisions and attaches through the real CSI plugin, as npm start does.
  csi = await startEmbeddedCsi({
    url: t.url,
    dataDir: t.dataDir,
    cluster: 'simulated',
    security: t.app.security,
    log: createLogger('silent'),
  });
  cluster = new ClusterSim(sim.store, csi.driver, () => t.app.inventory().servers.values(), silent, {
    ...defaultClusterSimOptions,
    tickMs: 30,
    restartEveryMs: 0,
    evictAfterMs: 100,
    workloads: [
      {
        namespace: 'kafka',
        kind: 'StatefulSet',
        name: 'kafka',
        replicas: 2,
        image: 'kafka',
        claim: { template: 'logs', storageClass: 'drivebay-slice', size: '10Gi' },
      },
      { namespace: 'web', kind: 'Deployment', name: 'frontend', replicas: 1, image: 'nginx' },
    ],
  });
  cluster.start();
  podwatcher = await t.app.watch(simulatorTarget(sim.url));
});

afterEach(async () => {
  cluster.stop();
  await csi.close();
  await t.stop();
  await sim.close();
});

const silent = { info() {}, warn() {}, error() {} };

async function get<T>(path: string): Promise<T> {
  const response = await t.viewer.fetch(path);
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

const pods = async (query = '') => (await get<PodList>(`/api/v1/pods${query}`)).pods;
const podNames = async (query = '') => (await pods(query)).map((p) => `${p.namespace}/${p.name}`).sort();

/** Bounded wait on an asynchronous condition read over HTTP. */
async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const bound = async () => {
  const kafka = await pods('?namespace=kafka');
  return (
    kafka.length === 2 &&
    kafka.every((p) => p.server !== null && p.volumeIds.length === 1 && p.phase === 'Running')
  );
};

describe('podwatcher bindings', () => {
  it('records pod → node → server and pod → PVC → PV → volume → drives, with readable names', async () => {
    await eventually(bound, 'both kafka pods bound and Running');
    const [pod] = await pods('?namespace=kafka&q=kafka-0');
    expect(pod).toMatchObject({
      cluster: 'simulated',
      namespace: 'kafka',
      name: 'kafka-0',
      phase: 'Running',
      workload: { kind: 'StatefulSet', name: 'kafka' },
      claims: ['logs-kafka-0'],
      health: 'healthy',
    });
    const detail = await get<PodDetail>('/api/v1/pods/simulated/kafka/kafka-0');
    // The node is matched to its server by the drivebay.io/server label, and the volume is
    // published to that very server.
    expect(detail.node).toMatchObject({ name: pod?.node, server: pod?.server, matchedBy: 'label' });
    const [chain] = detail.claims;
    expect(chain?.claim).toMatchObject({ name: 'logs-kafka-0', phase: 'Bound', driver: 'csi.drivebay.io' });
    expect(chain?.claim.volumeId).toBe(chain?.claim.volumeHandle);
    expect(chain?.volume).toMatchObject({ id: pod?.volumeIds[0], server: pod?.server, cluster: 'simulated' });
    expect(chain?.drives.length).toBeGreaterThan(0);
    for (const drive of chain?.drives ?? []) {
      expect(drive.slice).not.toBeNull();
      expect(t.app.inventory().drives.get(drive.driveId)?.bay).toBe(drive.bay);
    }
    // The volume itself records who uses it, so lists and deltas name it by its claim.
    await eventually(async () => {
      const volume = await get<{ binding?: unknown }>(`/api/v1/volumes/${pod?.volumeIds[0]}`);
      return (
        JSON.stringify(volume.binding) ===
        JSON.stringify({
          cluster: 'simulated',
          namespace: 'kafka',
          claim: 'logs-kafka-0',
          workload: 'StatefulSet/kafka',
          pods: ['kafka-0'],
        })
      );
    }, 'the volume to record its claim and workload');
    // A Deployment's pod is owned by its ReplicaSet; the record names the Deployment.
    const [web] = await pods('?namespace=web');
    expect(web?.workload).toEqual({ kind: 'Deployment', name: 'frontend' });
    expect(web?.volumeIds).toEqual([]);
    // Pods can be found by volume and by drive, as the topology and incident views ask.
    expect(await podNames(`?volume=${pod?.volumeIds[0]}`)).toEqual(['kafka/kafka-0']);
    expect(await podNames(`?drive=${chain?.drives[0]?.driveId}`)).toContain('kafka/kafka-0');
    const events = await get<{ events: DomainEvent[] }>('/api/v1/events?type=PodBound,ClaimBound&limit=50');
    expect(events.events.map((e) => e.subject.id)).toEqual(
      expect.arrayContaining(['simulated/kafka/kafka-0', 'simulated/kafka/logs-kafka-0']),
    );
  });

  it('matches a node without the label by its name being the server hostname', async () => {
    const server = [...t.app.inventory().servers.values()][0];
    if (!server) throw new Error('no server');
    sim.store.delete('nodes', { name: server.hostname });
    sim.store.create('nodes', buildNode({ name: server.hostname }));
    await eventually(async () => {
      const { nodes } = await get<{
        nodes: { name: string; matchedBy: string | null; server: string | null }[];
      }>('/api/v1/nodes?cluster=simulated');
      const node = nodes.find((n) => n.name === server.hostname);
      return node?.matchedBy === 'name' && node.server === server.id;
    }, 'the node matched by name');
  });

  it('annotates PVs and PVCs with volume, logical node and server', async () => {
    await eventually(bound, 'both kafka pods bound and Running');
    const [pod] = await pods('?namespace=kafka&q=kafka-1');
    await until(() => {
      const pvc = sim.store.get('persistentvolumeclaims', { name: 'logs-kafka-1', namespace: 'kafka' });
      return pvc?.metadata.annotations?.['drivebay.io/server'] === pod?.server;
    }, 'the PVC annotated');
    const pvc = sim.store.get('persistentvolumeclaims', { name: 'logs-kafka-1', namespace: 'kafka' });
    const pv = sim.store.get('persistentvolumes', {
      name: String((pvc?.spec as { volumeName?: string } | undefined)?.volumeName),
    });
    expect(pv?.metadata.annotations).toMatchObject({
      'drivebay.io/volume': pod?.volumeIds[0],
      'drivebay.io/logical-node': `ln-${pod?.volumeIds[0]}`,
      'drivebay.io/server': pod?.server,
    });
  });

  it('moves a pod with its server: unbound from the dead server, bound on another', async () => {
    await eventually(bound, 'both kafka pods bound and Running');
    const [before] = await pods('?namespace=kafka&q=kafka-0');
    const response = await t.admin.fetch('/api/v1/admin/simulator/faults', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'server-down', serverId: before?.server }),
    });
    expect(response.status).toBe(202);
    await eventually(async () => {
      const [after] = await pods('?namespace=kafka&q=kafka-0');
      return after?.server !== undefined && after.server !== null && after.server !== before?.server;
    }, 'kafka-0 bound on another server');
    const [after] = await pods('?namespace=kafka&q=kafka-0');
    expect(after?.volumeIds).toEqual(before?.volumeIds);
    const events = await get<{ events: DomainEvent[] }>(
      '/api/v1/events?object=pod:simulated/kafka/kafka-0&limit=50',
    );
    const moved = events.events.find((e) => e.type === 'PodMoved');
    expect(moved?.message).toContain(`moved from server ${before?.server} to ${after?.server}`);
    expect(events.events.map((e) => e.type)).toContain('PodUnbound');
  });
});

describe('podwatcher watches', () => {
  it('relists after 410 Gone as an HTTP status and leaves no binding for a pod deleted meanwhile', async () => {
    await eventually(bound, 'both kafka pods bound and Running');
    cluster.stop();
    // The armed 410 goes to whichever informer re-watches first, so count the lists of all of them.
    const allLists = () => Object.values(podwatcher.informerStats()).reduce((sum, s) => sum + s.lists, 0);
    const lists = allLists();
    sim.stallWatches(true);
    sim.store.delete('pods', { name: 'kafka-1', namespace: 'kafka' });
    sim.store.create('pods', buildPod({ name: 'late', namespace: 'web' }));
    sim.injectExpired({ inStream: false });
    sim.endWatches();
    sim.stallWatches(false);
    await eventually(async () => {
      const names = await podNames('?namespace=kafka');
      return !names.includes('kafka/kafka-1') && (await podNames('?namespace=web')).includes('web/late');
    }, 'the deletion and the addition recorded');
    expect(allLists()).toBeGreaterThan(lists);
  });

  it('relists after 410 as an ERROR event inside a 200 stream', async () => {
    await eventually(bound, 'both kafka pods bound and Running');
    cluster.stop();
    sim.stallWatches(true);
    sim.store.delete('pods', { name: 'kafka-0', namespace: 'kafka' });
    sim.injectExpired({ inStream: true });
    sim.endWatches();
    sim.stallWatches(false);
    await eventually(
      async () => !(await podNames('?namespace=kafka')).includes('kafka/kafka-0'),
      'kafka-0 gone',
    );
    const events = await get<{ events: DomainEvent[] }>('/api/v1/events?type=PodUnbound&limit=10');
    expect(events.events.map((e) => e.subject.id)).toContain('simulated/kafka/kafka-0');
  });

  it('survives the apiserver going away: retrying with the reason, then watching again and caught up', async () => {
    await eventually(bound, 'both kafka pods bound and Running');
    cluster.stop();
    await sim.stop();
    const state = async () => (await get<ClusterList>('/api/v1/clusters')).clusters[0];
    await eventually(async () => (await state())?.state === 'retrying', 'the cluster retrying');
    expect((await state())?.message).toMatch(/retrying/);
    // While it is away the cluster changes; nothing recorded so far is dropped.
    sim.store.create('pods', buildPod({ name: 'while-away', namespace: 'web' }));
    expect(await podNames('?namespace=kafka')).toEqual(['kafka/kafka-0', 'kafka/kafka-1']);
    await sim.start();
    await eventually(async () => (await state())?.state === 'watching', 'the cluster watched again', 15_000);
    await eventually(
      async () => (await podNames('?namespace=web')).includes('web/while-away'),
      'the new pod',
    );
    const types = (
      await get<{ events: DomainEvent[] }>('/api/v1/events?object=cluster:simulated')
    ).events.map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['ClusterRetrying', 'ClusterWatching']));
  });

  it('asks for bookmarks, so a quiet cluster is not taken for a dead connection', async () => {
    await eventually(bound, 'both kafka pods bound and Running');
    cluster.stop();
    // Three times the watchdog's silence limit without a single change: only bookmarks arrive.
    await new Promise((resolve) => setTimeout(resolve, 2_400));
    expect(podwatcher.informerStats().pods?.silentRestarts).toBe(0);
  });

  it('restarts a watch that went silent (a half-open connection)', async () => {
    await eventually(bound, 'both kafka pods bound and Running');
    cluster.stop();
    sim.silenceOpenWatches();
    sim.store.create('pods', buildPod({ name: 'unheard', namespace: 'web' }));
    await eventually(
      async () => (await podNames('?namespace=web')).includes('web/unheard'),
      'the pod recorded after the watchdog reopened the watch',
    );
    expect(podwatcher.informerStats().pods?.silentRestarts).toBeGreaterThan(0);
  });

  it('removes the records of deleted pods, claims and nodes', async () => {
    await eventually(bound, 'both kafka pods bound and Running');
    cluster.stop();
    sim.store.delete('pods', { name: 'kafka-1', namespace: 'kafka' });
    sim.store.delete('persistentvolumeclaims', { name: 'logs-kafka-1', namespace: 'kafka' });
    await eventually(async () => (await podNames('?namespace=kafka')).length === 1, 'one kafka pod left');
    const claims = await get<{ claims: { name: string }[] }>('/api/v1/claims?namespace=kafka');
    expect(claims.claims.map((c) => c.name)).toEqual(['logs-kafka-0']);
    const response = await t.viewer.fetch('/api/v1/pods/simulated/kafka/kafka-1');
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: unknown }).error).toMatchObject({
      code: 'NOT_FOUND',
      field: 'name',
    });
  });
});

describe('the simulated cluster through the CSI plugin', () => {
  it('grows a claim: ControllerExpandVolume grows the Drivebay volume, the kubelet grows the filesystem', async () => {
    await eventually(bound, 'both kafka pods bound and Running');
    // kafka-1's slice was placed last, so it can grow in place (slices are not relocated).
    const [pod] = (await pods('?namespace=kafka')).filter((p) => p.name === 'kafka-1');
    const volumeId = pod?.volumeIds[0] ?? '';
    sim.store.update('persistentvolumeclaims', { name: 'logs-kafka-1', namespace: 'kafka' }, (claim) => ({
      ...claim,
      spec: { ...(claim.spec as object), resources: { requests: { storage: '20Gi' } } },
    }));
    const claimCapacity = () =>
      (
        sim.store.get('persistentvolumeclaims', { name: 'logs-kafka-1', namespace: 'kafka' })?.status as
          | { capacity?: { storage?: string } }
          | undefined
      )?.capacity?.storage;
    await eventually(async () => claimCapacity() === '20Gi', 'the claim at 20Gi');
    const volume = await get<{ capacityBytes: number; csi?: { lastCall?: { rpc: string } } }>(
      `/api/v1/volumes/${volumeId}`,
    );
    expect(volume.capacityBytes).toBe(20 * 1024 ** 3);
    expect(volume.csi?.lastCall?.rpc).toBe('ControllerExpandVolume');
  });

  it('deletes the volume of a deleted claim no pod uses (reclaim policy Delete)', async () => {
    await eventually(bound, 'both kafka pods bound and Running');
    const node = sim.store.list('nodes')[0]?.metadata.name ?? '';
    // A claim of its own (no workload recreates it), already handed a node as WaitForFirstConsumer does.
    sim.store.create('persistentvolumeclaims', {
      metadata: {
        name: 'scratch',
        namespace: 'kafka',
        annotations: { 'volume.kubernetes.io/selected-node': node },
      },
      spec: {
        accessModes: ['ReadWriteOnce'],
        storageClassName: 'drivebay-slice',
        resources: { requests: { storage: '5Gi' } },
        volumeMode: 'Filesystem',
      },
    });
    const volumeName = () =>
      (
        sim.store.get('persistentvolumeclaims', { name: 'scratch', namespace: 'kafka' })?.spec as {
          volumeName?: string;
        }
      )?.volumeName;
    await eventually(async () => volumeName() !== undefined, 'the scratch claim bound');
    const volumeId = volumeName() ?? '';
    expect((await t.viewer.fetch(`/api/v1/volumes/${volumeId}`)).status).toBe(200);

    sim.store.beginDelete('persistentvolumeclaims', { name: 'scratch', namespace: 'kafka' }, 0);
    await eventually(
      async () => (await t.viewer.fetch(`/api/v1/volumes/${volumeId}`)).status === 404,
      `volume ${volumeId} deleted`,
    );
    await eventually(async () => !sim.store.get('persistentvolumes', { name: volumeId }), 'its PV removed');
  });
});
