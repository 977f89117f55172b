import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../kube-api/index.js';
import { statefulSet, TestCluster } from '../testing/test-cluster.js';

const specOf = (o: KubeObject | undefined) => (o?.spec ?? {}) as Record<string, unknown>;
const statusOf = (o: KubeObject | undefined) => (o?.status ?? {}) as Record<string, unknown>;

async function runningCluster() {
  // Toleration 300 s → 3 s here; grace period and pod GC pass (30 s + 20 s) → 0.5 s.
  const cluster = new TestCluster([statefulSet()], 3, { evictAfterMs: 3_000 });
  await cluster.tickUntil(() => statusOf(cluster.pod('cassandra-0')).phase === 'Running', 'running');
  const pod = cluster.pod('cassandra-0')!;
  const node = cluster.store.get('nodes', { name: String(specOf(pod).nodeName) })!;
  const serverId = node.metadata.labels?.['drivebay.io/server'] ?? '';
  return { cluster, pod, node, serverId };
}

describe('a server going down, as Kubernetes handles it', () => {
  it('turns the node NotReady: Ready Unknown (NodeStatusUnknown), tainted unreachable, its pods not Ready', async () => {
    const { cluster, pod, node, serverId } = await runningCluster();
    expect(specOf(pod).tolerations).toEqual(
      expect.arrayContaining([
        {
          key: 'node.kubernetes.io/unreachable',
          operator: 'Exists',
          effect: 'NoExecute',
          tolerationSeconds: 300,
        },
        {
          key: 'node.kubernetes.io/not-ready',
          operator: 'Exists',
          effect: 'NoExecute',
          tolerationSeconds: 300,
        },
      ]),
    );
    cluster.setServer(serverId, 'down');
    await cluster.sim.tick();
    const after = cluster.store.get('nodes', { name: node.metadata.name });
    const conditions = statusOf(after).conditions as Record<string, string>[];
    expect(conditions.map((c) => `${c.type}=${c.status} ${c.reason}`)).toEqual([
      'MemoryPressure=Unknown NodeStatusUnknown',
      'DiskPressure=Unknown NodeStatusUnknown',
      'PIDPressure=Unknown NodeStatusUnknown',
      'Ready=Unknown NodeStatusUnknown',
    ]);
    expect(conditions.find((c) => c.type === 'Ready')?.message).toBe('Kubelet stopped posting node status.');
    expect((specOf(after).taints as Record<string, string>[]).map((t) => `${t.key}:${t.effect}`)).toEqual([
      'node.kubernetes.io/unreachable:NoSchedule',
      'node.kubernetes.io/unreachable:NoExecute',
    ]);
    const ready = (statusOf(cluster.pod('cassandra-0')).conditions as Record<string, string>[]).find(
      (c) => c.type === 'Ready',
    );
    expect(ready?.status).toBe('False');
    expect(cluster.eventsOf('Node', node.metadata.name)).toContain(
      `NodeNotReady: Node ${node.metadata.name} status is now: NodeNotReady`,
    );
    expect(cluster.eventsOf('Pod', 'cassandra-0')).toContain('NodeNotReady: Node is not ready');
  });

  it('evicts the pod once its toleration runs out: Terminating, removed after its grace period, recreated elsewhere', async () => {
    const { cluster, pod, node, serverId } = await runningCluster();
    const volume = cluster.store.list('persistentvolumes')[0]!.metadata.name;
    cluster.setServer(serverId, 'down');
    await cluster.sim.tick();
    // Still tolerated at 2.9 of the 3 scaled seconds.
    cluster.clock.advance(2_900);
    await cluster.sim.tick();
    expect(cluster.pod('cassandra-0')?.metadata.deletionTimestamp).toBeUndefined();
    cluster.clock.advance(200);
    await cluster.sim.tick();
    const terminating = cluster.pod('cassandra-0')!;
    expect(terminating.metadata).toMatchObject({
      uid: pod.metadata.uid,
      deletionTimestamp: expect.any(String),
      deletionGracePeriodSeconds: 30,
    });
    expect(statusOf(terminating).conditions).toContainEqual(
      expect.objectContaining({ type: 'DisruptionTarget', status: 'True', reason: 'DeletionByTaintManager' }),
    );
    // Nothing recreates it while it is Terminating: a StatefulSet runs at most one of each pod.
    await cluster.sim.tick();
    expect(cluster.pod('cassandra-0')?.metadata.uid).toBe(pod.metadata.uid);
    const calls = cluster.csi.calls.length;
    await cluster.tickUntil(() => cluster.pod('cassandra-0')?.metadata.uid !== pod.metadata.uid, 'a new pod');
    await cluster.tickUntil(
      () => statusOf(cluster.pod('cassandra-0')).phase === 'Running',
      'the new pod running',
    );
    const moved = cluster.pod('cassandra-0')!;
    expect(specOf(moved).nodeName).not.toBe(node.metadata.name);
    expect(statusOf(moved).podIP).not.toBe(statusOf(pod).podIP);
    expect(statusOf(moved).hostIP).not.toBe(statusOf(pod).hostIP);
    // The volume left the dead server for the new one.
    // Detached from the dead server by the attach-detach controller (its kubelet never unmounted),
    // then attached to the new one, each through the driver's CSI calls.
    const moves = cluster.csi.calls.slice(calls).filter((c) => c.includes(volume));
    expect(moves).toEqual(
      expect.arrayContaining([
        `ControllerUnpublishVolume ${volume} ${serverId}`,
        expect.stringMatching(`^ControllerPublishVolume ${volume} srv-`),
        expect.stringMatching(`^NodeStageVolume ${volume} `),
        expect.stringMatching(`^NodePublishVolume ${volume} `),
      ]),
    );
    expect(moves.findIndex((c) => c.startsWith('ControllerUnpublishVolume'))).toBeLessThan(
      moves.findIndex((c) => c.startsWith('ControllerPublishVolume')),
    );
    expect(cluster.csi.get(volume).node).not.toBe(serverId);
    expect(cluster.eventsOf('Pod', 'cassandra-0')).toEqual(
      expect.arrayContaining([
        'NodeNotReady: Node is not ready',
        'TaintManagerEviction: Marking for deletion Pod db/cassandra-0',
        `Scheduled: Successfully assigned db/cassandra-0 to ${String(specOf(moved).nodeName)}`,
        `SuccessfulAttachVolume: AttachVolume.Attach succeeded for volume "${volume}"`,
        'Created: Created container: cassandra',
        'Started: Started container cassandra',
      ]),
    );
    // The StatefulSet controller's second SuccessfulCreate repeats the first: one event, counted twice.
    const created = cluster.store
      .list('events')
      .find((e) => e.reason === 'SuccessfulCreate' && String(e.message).startsWith('create Pod cassandra-0'));
    expect(created?.count).toBe(2);
  });

  it('takes the pod through Terminating and (pod GC) Failed to deleted, in that order', async () => {
    const { cluster, serverId } = await runningCluster();
    const seen: string[] = [];
    cluster.store.subscribe((change) => {
      if (change.resource !== 'pods' || change.object.metadata.name !== 'cassandra-0') return;
      const deleting = change.object.metadata.deletionTimestamp ? ' deleting' : '';
      seen.push(`${change.type} ${String(statusOf(change.object).phase)}${deleting}`);
    });
    cluster.setServer(serverId, 'down');
    await cluster.tickUntil(() => seen.includes('ADDED Pending'), 'the pod recreated');
    expect([...new Set(seen.slice(0, seen.indexOf('ADDED Pending') + 1))]).toEqual([
      'MODIFIED Running', // Ready=False
      'MODIFIED Running deleting',
      'MODIFIED Failed deleting',
      'DELETED Failed deleting',
      'ADDED Pending',
    ]);
  });

  it('cancels the eviction when the server is back in time, and the kubelet reports a reboot', async () => {
    const { cluster, pod, node, serverId } = await runningCluster();
    cluster.setServer(serverId, 'down');
    await cluster.sim.tick();
    cluster.clock.advance(1_000);
    cluster.setServer(serverId, 'up');
    await cluster.sim.tick();
    cluster.clock.advance(5_000);
    await cluster.sim.tick();
    expect(cluster.pod('cassandra-0')?.metadata).toMatchObject({ uid: pod.metadata.uid });
    expect(cluster.pod('cassandra-0')?.metadata.deletionTimestamp).toBeUndefined();
    expect(specOf(cluster.store.get('nodes', { name: node.metadata.name })).taints).toBeUndefined();
    expect(cluster.eventsOf('Pod', 'cassandra-0')).toContain(
      'TaintManagerEviction: Cancelling deletion of Pod db/cassandra-0',
    );
    expect(cluster.eventsOf('Node', node.metadata.name)).toEqual(
      expect.arrayContaining([
        'Starting: Starting kubelet.',
        expect.stringMatching(/^Rebooted: Node node-\d has been rebooted, boot id: [0-9a-f-]{36}$/),
        `NodeReady: Node ${node.metadata.name} status is now: NodeReady`,
      ]),
    );
  });
});
