import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type KubeApiSimulator, type KubeObject, startKubeApiSimulator } from '../kube-api/index.js';
import { until } from '../testing/kube-client.js';
import { Kubectl, kubectlPresent } from '../testing/kubectl.js';
import { tables } from '../testing/kubectl-fixture.js';
import { statefulSet, TestCluster } from '../testing/test-cluster.js';

// What an operator sees with kubectl on the simulated cluster: a StatefulSet on three nodes, its
// server going down. The cluster's clock starts 10 minutes back, so kubectl's ages stay valid.
let cluster: TestCluster;
let sim: KubeApiSimulator;
let cli: Kubectl;
const kubectl = (...args: string[]) => cli.run(...args);
const nodeOf = (pod: KubeObject | undefined) =>
  String((pod?.spec as { nodeName?: string } | undefined)?.nodeName);
const phaseOf = (pod: KubeObject | undefined) => (pod?.status as { phase?: string } | undefined)?.phase;

describe.skipIf(!kubectlPresent)('kubectl against the simulated cluster', () => {
  beforeAll(async () => {
    cluster = new TestCluster([statefulSet(1)], 3, { evictAfterMs: 3_000 }, Date.now() - 600_000);
    sim = await startKubeApiSimulator({ store: cluster.store, now: cluster.clock.now });
    cli = new Kubectl(() => sim.url);
    await cluster.tickUntil(() => phaseOf(cluster.pod('cassandra-0')) === 'Running', 'cassandra-0 running');
  });
  afterAll(async () => {
    await sim?.close();
    cli?.close();
  });

  it('describe pod shows the pod as a kubelet reports it, and its events', async () => {
    const pod = cluster.pod('cassandra-0');
    const node = nodeOf(pod);
    const out = await kubectl('describe', 'pod', '-n', 'db', 'cassandra-0');
    expect(out).toMatch(new RegExp(`Node:\\s+${node}/10\\.10\\.\\d+\\.\\d+`));
    expect(out).toMatch(/IPs:\s+IP:\s+10\.244\.\d+\.\d+/);
    expect(out).toMatch(/Container ID:\s+containerd:\/\/[0-9a-f]{64}/);
    expect(out).toMatch(/Image ID:\s+docker\.io\/library\/cassandra@sha256:[0-9a-f]{64}/);
    expect(out).toMatch(/Port:\s+9042\/TCP/);
    expect(out).toMatch(/\/var\/lib\/cassandra from data \(rw\)/);
    expect(out).toMatch(/QoS Class:\s+Burstable/);
    expect(out).toMatch(/node\.kubernetes\.io\/unreachable:NoExecute op=Exists for 300s/);
    expect(out).not.toMatch(/Events:\s+<none>/);
    const events = out.slice(out.indexOf('Events:'));
    for (const row of [
      /Normal\s+Scheduled\s+\S+\s+default-scheduler\s+Successfully assigned db\/cassandra-0 to node-\d/,
      /Normal\s+SuccessfulAttachVolume\s+\S+\s+attachdetach-controller\s+AttachVolume\.Attach succeeded/,
      /Normal\s+Pulling\s+\S+\s+kubelet\s+Pulling image "cassandra:4\.1"/,
      /Normal\s+Created\s+\S+\s+kubelet\s+Created container: cassandra/,
      /Normal\s+Started\s+\S+\s+kubelet\s+Started container cassandra/,
    ])
      expect(events).toMatch(row);
  });

  it('get pv,pvc and sc show the capacity made and which classes grow', async () => {
    const [pvs, pvcs] = tables(await kubectl('get', 'pv,pvc', '-A'));
    expect(pvs?.map((pv) => pv.CAPACITY)).toEqual(['2343750000Ki']);
    expect(pvcs?.map((pvc) => `${pvc.NAME} ${pvc.STATUS} ${pvc.CAPACITY}`)).toEqual([
      'persistentvolumeclaim/data-cassandra-0 Bound 2343750000Ki',
    ]);
    const [classes] = tables(await kubectl('get', 'sc'));
    expect(classes?.map((sc) => `${sc.NAME} ${sc.ALLOWVOLUMEEXPANSION}`)).toEqual([
      'drivebay-hdd false',
      'drivebay-hdd-mirrored false',
      'drivebay-slice (default) true',
      'drivebay-ssd false',
    ]);
  });

  it('get pods -w follows a server going down: Terminating, then the pod again elsewhere on a new IP', async () => {
    const before = cluster.pod('cassandra-0');
    const node = nodeOf(before);
    const child = cli.spawn('get', 'pods', '-n', 'db', '-o', 'wide', '-w', '--output-watch-events');
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    try {
      await until(() => output.includes('cassandra-0'), 'the initial list');
      const server = cluster.store.get('nodes', { name: node })?.metadata.labels?.['drivebay.io/server'];
      cluster.setServer(String(server), 'down');
      await cluster.tickUntil(
        () =>
          phaseOf(cluster.pod('cassandra-0')) === 'Running' && nodeOf(cluster.pod('cassandra-0')) !== node,
        'cassandra-0 running elsewhere',
      );
      await until(
        () =>
          /MODIFIED\s+cassandra-0\s+1\/1\s+Running\s+0\s+\S+\s+10\.244/.test(
            output.split('ContainerCreating')[1] ?? '',
          ),
        'the new pod running',
      );
    } finally {
      child.kill();
    }
    // Watch rows keep the first rows' column widths, so longer cells shift: split on spaces.
    const rows = output
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => {
        const [EVENT, NAME, READY, STATUS, RESTARTS, AGE, IP, NODE] = line.split(/\s+/);
        return { EVENT, NAME, READY, STATUS, RESTARTS, AGE, IP, NODE };
      });
    const seen = rows.map((r) => `${r.EVENT} ${r.READY} ${r.STATUS} ${r.NODE}`);
    const statuses = rows.map((r) => r.STATUS).filter((status, i, all) => status !== all[i - 1]);
    expect(statuses).toEqual(['Running', 'Terminating', 'Failed', 'Pending', 'ContainerCreating', 'Running']);
    expect(seen).toContain(`DELETED 1/1 Failed ${node}`);
    const after = rows.at(-1);
    expect(after?.NODE).not.toBe(node);
    expect(after?.IP).not.toBe(rows[0]?.IP);
    const described = await kubectl('describe', 'node', node);
    // The kubelet's lease stopped being renewed when the server went down.
    expect(described).toMatch(
      new RegExp(`Lease:\\s+HolderIdentity:\\s+${node}\\s+AcquireTime:\\s+<unset>\\s+RenewTime:\\s+\\w{3}, `),
    );
    expect(described).toMatch(
      /Taints:\s+node\.kubernetes\.io\/unreachable:NoExecute\s+node\.kubernetes\.io\/unreachable:NoSchedule/,
    );
    expect(described).toMatch(
      /Ready\s+Unknown\s+.*NodeStatusUnknown\s+Kubelet stopped posting node status\./,
    );
    const events =
      tables(
        await kubectl('get', 'events', '-n', 'db', '--field-selector', 'involvedObject.name=cassandra-0'),
      )[0] ?? [];
    expect(events.map((e) => e.REASON)).toEqual(
      expect.arrayContaining([
        'NodeNotReady',
        'TaintManagerEviction',
        'Scheduled',
        'SuccessfulAttachVolume',
        'Started',
      ]),
    );
  });
});
