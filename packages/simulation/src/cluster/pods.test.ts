import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../kube-api/index.js';
import { statefulSet, TestCluster } from '../testing/test-cluster.js';

const statusOf = (pod: KubeObject | undefined) => pod?.status as Record<string, unknown> | undefined;
const containerOf = (pod: KubeObject | undefined) =>
  (statusOf(pod)?.containerStatuses as Record<string, unknown>[] | undefined)?.[0];
const running = (cluster: TestCluster) => () => statusOf(cluster.pod('cassandra-0'))?.phase === 'Running';

describe('the simulated kubelet', () => {
  it('reports a running pod as kubelet does: container and image ids, host and pod IPs, mounts', async () => {
    const cluster = new TestCluster([statefulSet()]);
    await cluster.tickUntil(running(cluster), 'cassandra-0 running');
    const pod = cluster.pod('cassandra-0')!;
    const node = cluster.store.get('nodes', { name: String((pod.spec as { nodeName: string }).nodeName) });
    const addresses = (node?.status as { addresses: { type: string; address: string }[] } | undefined)
      ?.addresses;
    const nodeIp = addresses?.find((a) => a.type === 'InternalIP')?.address;
    const status = statusOf(pod)!;
    expect(status).toMatchObject({
      hostIP: nodeIp,
      hostIPs: [{ ip: nodeIp }],
      podIP: expect.stringMatching(/^10\.244\.\d+\.\d+$/),
      podIPs: [{ ip: status.podIP }],
      qosClass: 'Burstable',
    });
    expect(
      (status.conditions as { type: string; status: string }[]).map((c) => `${c.type}=${c.status}`),
    ).toEqual([
      'PodReadyToStartContainers=True',
      'Initialized=True',
      'Ready=True',
      'ContainersReady=True',
      'PodScheduled=True',
    ]);
    expect(containerOf(pod)).toMatchObject({
      containerID: expect.stringMatching(/^containerd:\/\/[0-9a-f]{64}$/),
      image: 'docker.io/library/cassandra:4.1',
      imageID: expect.stringMatching(/^docker\.io\/library\/cassandra@sha256:[0-9a-f]{64}$/),
      ready: true,
      started: true,
      restartCount: 0,
    });
    const [container] = (
      pod.spec as { containers: { volumeMounts: { name: string; mountPath: string }[] }[] }
    ).containers;
    expect(container?.volumeMounts).toEqual([
      { name: 'data', mountPath: '/var/lib/cassandra' },
      {
        name: expect.stringMatching(/^kube-api-access-/),
        mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
        readOnly: true,
      },
    ]);
  });

  it('goes ContainerCreating before Running, and records attach, pull, create and start', async () => {
    const cluster = new TestCluster([statefulSet()]);
    const seen: string[] = [];
    cluster.store.subscribe((change) => {
      if (change.resource !== 'pods') return;
      const state = containerOf(change.object)?.state as Record<string, { reason?: string }> | undefined;
      seen.push(
        state?.waiting?.reason ?? Object.keys(state ?? {})[0] ?? String(statusOf(change.object)?.phase),
      );
    });
    await cluster.tickUntil(running(cluster), 'cassandra-0 running');
    expect([...new Set(seen)]).toEqual(['Pending', 'ContainerCreating', 'running']);
    const volume = cluster.store.list('persistentvolumes')[0]?.metadata.name;
    expect(cluster.eventsOf('Pod', 'cassandra-0')).toEqual([
      expect.stringMatching(/^Scheduled: Successfully assigned db\/cassandra-0 to node-\d$/),
      `SuccessfulAttachVolume: AttachVolume.Attach succeeded for volume "${volume}"`,
      'Pulling: Pulling image "cassandra:4.1"',
      expect.stringMatching(/^Pulled: Successfully pulled image "cassandra:4\.1" in [\d.]+s/),
      'Created: Created container: cassandra',
      'Started: Started container cassandra',
    ]);
  });

  it('restarts an OOM-killed container as kubelet reports it: real times, new id, the old one as lastState', async () => {
    const cluster = new TestCluster([statefulSet()], 3, { restartEveryMs: 60_000 });
    await cluster.tickUntil(running(cluster), 'cassandra-0 running');
    const before = containerOf(cluster.pod('cassandra-0'))!;
    const startedAt = (before.state as { running: { startedAt: string } }).running.startedAt;
    cluster.clock.advance(60_000);
    await cluster.tickUntil(
      () => containerOf(cluster.pod('cassandra-0'))?.restartCount === 1,
      'the container restarted',
    );
    const after = containerOf(cluster.pod('cassandra-0'))!;
    const killedAt = Date.parse(
      (after.lastState as { terminated: { finishedAt: string } }).terminated.finishedAt,
    );
    expect(after.lastState).toEqual({
      terminated: {
        containerID: before.containerID,
        exitCode: 137,
        reason: 'OOMKilled',
        startedAt,
        finishedAt: expect.stringMatching(/^20\d\d-/),
      },
    });
    expect(killedAt).toBeGreaterThan(Date.parse(startedAt));
    expect(after.containerID).not.toBe(before.containerID);
    expect(after).toMatchObject({ ready: true, started: true });
    const restartedAt = Date.parse((after.state as { running: { startedAt: string } }).running.startedAt);
    expect(restartedAt).toBeGreaterThanOrEqual(killedAt);
    // The kubelet's events of the second start are the first ones, counted twice.
    const started = cluster.store.list('events').find((e) => e.reason === 'Started');
    expect(started?.count).toBe(2);
    expect(
      cluster.store
        .list('events')
        .filter((e) => e.reason === 'Pulled')
        .map((e) => e.message),
    ).toEqual([
      expect.stringMatching(/^Successfully pulled image/),
      'Container image "cassandra:4.1" already present on machine',
    ]);
  });

  it('gives a kubectl-deleted pod a Killing event and removes it once its containers stopped', async () => {
    const cluster = new TestCluster([statefulSet()]);
    await cluster.tickUntil(running(cluster), 'cassandra-0 running');
    const uid = cluster.pod('cassandra-0')?.metadata.uid;
    cluster.store.beginDelete('pods', { name: 'cassandra-0', namespace: 'db' }, 30);
    await cluster.tickUntil(() => cluster.pod('cassandra-0')?.metadata.uid !== uid, 'cassandra-0 replaced');
    expect(cluster.eventsOf('Pod', 'cassandra-0')).toContain('Killing: Stopping container cassandra');
  });
});
