import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '../testing/kube-client.js';
import { Kubectl, kubectlPresent } from '../testing/kubectl.js';
import { seedShop, tables } from '../testing/kubectl-fixture.js';
import { buildPod, type KubeApiSimulator, startKubeApiSimulator } from './index.js';

let sim: KubeApiSimulator;
let cli: Kubectl;
const kubectl = (...args: string[]) => cli.run(...args);

describe('kubectl against the simulator', () => {
  beforeAll(async () => {
    sim = await startKubeApiSimulator();
    cli = new Kubectl(() => sim.url);
    seedShop(sim.store);
  });
  afterAll(async () => {
    await sim?.close();
    cli?.close();
  });

  it.skipIf(!kubectlPresent)('get pods -A -o wide shows IP, NODE and STATUS per pod', async () => {
    const [pods] = tables(await kubectl('get', 'pods', '-A', '-o', 'wide'));
    expect(pods?.map((p) => [p.NAMESPACE, p.NAME, p.READY, p.STATUS, p.IP, p.NODE])).toEqual([
      ['shop', 'db-0', '1/1', 'Running', '<none>', 'server-02'],
      ['shop', 'queued', '0/1', 'Pending', '<none>', '<none>'],
      ['shop', 'web-0', '1/1', 'Running', '10.1.0.5', 'server-01'],
    ]);
  });

  it.skipIf(!kubectlPresent)('get pvc,pv,nodes prints one table per kind', async () => {
    const [pvcs, pvs, nodes] = tables(await kubectl('get', 'pvc,pv,nodes', '-n', 'shop'));
    expect(pvcs).toEqual([
      expect.objectContaining({
        NAME: 'persistentvolumeclaim/data-web-0',
        STATUS: 'Bound',
        VOLUME: 'pv-1',
        CAPACITY: '10Gi',
        'ACCESS MODES': 'RWO',
        STORAGECLASS: 'drivebay-ssd',
      }),
    ]);
    expect(pvs).toEqual([
      expect.objectContaining({
        NAME: 'persistentvolume/pv-1',
        STATUS: 'Bound',
        CLAIM: 'shop/data-web-0',
        REASON: '',
      }),
    ]);
    expect(nodes?.map((n) => [n.NAME, n.STATUS])).toEqual([
      ['node/server-01', 'Ready'],
      ['node/server-02', 'NotReady'],
    ]);
  });

  it.skipIf(!kubectlPresent)('selects with -l and --field-selector', async () => {
    const byLabel = tables(await kubectl('get', 'pods', '-n', 'shop', '-l', 'app in (web,batch),app!=batch'));
    expect(byLabel[0]?.map((p) => p.NAME)).toEqual(['web-0']);
    const byNode = tables(await kubectl('get', 'pods', '-A', '--field-selector', 'spec.nodeName=server-02'));
    expect(byNode[0]?.map((p) => p.NAME)).toEqual(['db-0']);
    const pending = tables(await kubectl('get', 'pods', '-A', '--field-selector', 'status.phase!=Running'));
    expect(pending[0]?.map((p) => p.NAME)).toEqual(['queued']);
  });

  it.skipIf(!kubectlPresent)('get sc, volumeattachments and events -A', async () => {
    const [classes] = tables(await kubectl('get', 'sc'));
    expect(classes).toEqual([
      expect.objectContaining({
        NAME: 'drivebay-ssd (default)',
        PROVISIONER: 'csi.drivebay.io',
        VOLUMEBINDINGMODE: 'WaitForFirstConsumer',
      }),
    ]);
    const [attachments] = tables(await kubectl('get', 'volumeattachments'));
    expect(attachments).toEqual([
      expect.objectContaining({ NAME: 'csi-0a1b', PV: 'pv-1', NODE: 'server-01', ATTACHED: 'true' }),
    ]);
    const [events] = tables(await kubectl('get', 'events', '-A'));
    expect(events).toEqual([
      expect.objectContaining({
        NAMESPACE: 'shop',
        TYPE: 'Normal',
        REASON: 'Scheduled',
        OBJECT: 'pod/web-0',
      }),
    ]);
  });

  it.skipIf(!kubectlPresent)('annotate pv writes the annotation through a merge patch', async () => {
    expect(await kubectl('annotate', 'pv', 'pv-1', 'drivebay.io/volume=vol-7')).toContain(
      'persistentvolume/pv-1 annotated',
    );
    expect(sim.store.get('persistentvolumes', { name: 'pv-1' })?.metadata.annotations).toEqual({
      'drivebay.io/volume': 'vol-7',
    });
    const printed = await kubectl(
      'get',
      'pv',
      'pv-1',
      '-o',
      'jsonpath={.metadata.annotations.drivebay\\.io/volume}',
    );
    expect(printed).toBe('vol-7');
  });

  it.skipIf(!kubectlPresent)('reports a missing pod as the apiserver does', async () => {
    const failure = kubectl('get', 'pod', 'nope', '-n', 'shop');
    await expect(failure).rejects.toMatchObject({
      stderr: expect.stringContaining('Error from server (NotFound): pods "nope" not found'),
    });
  });

  it.skipIf(!kubectlPresent)('get pods -w prints the list, then each change', async () => {
    const child = cli.spawn('get', 'pods', '-n', 'shop', '-w', '--output-watch-events');
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    try {
      await until(() => output.includes('web-0'), 'the initial list');
      sim.store.update('pods', { name: 'queued', namespace: 'shop' }, (pod) => ({
        ...pod,
        spec: { ...(pod.spec as object), nodeName: 'server-01' },
        status: { phase: 'Running' },
      }));
      await until(() => /MODIFIED\s+queued\s+0\/1\s+Running/.test(output), 'the modified pod');
    } finally {
      child.kill();
    }
    expect(tables(output)[0]?.map((row) => `${row.EVENT} ${row.NAME} ${row.STATUS}`)).toEqual([
      'ADDED db-0 Running',
      'ADDED queued Pending',
      'ADDED web-0 Running',
      'MODIFIED queued Running',
    ]);
  });

  it.skipIf(!kubectlPresent)(
    'delete pod leaves a pod on a node Terminating; --force --grace-period=0 removes it',
    async () => {
      sim.store.create(
        'pods',
        buildPod({ name: 'doomed', namespace: 'shop', nodeName: 'server-01', labels: { app: 'doomed' } }),
      );
      expect(await kubectl('delete', 'pod', 'doomed', '-n', 'shop', '--wait=false')).toContain(
        'pod "doomed" deleted',
      );
      const [pods] = tables(await kubectl('get', 'pods', '-n', 'shop', '-l', 'app=doomed'));
      expect(pods?.map((p) => `${p.NAME} ${p.READY} ${p.STATUS}`)).toEqual(['doomed 1/1 Terminating']);
      await kubectl('delete', 'pod', 'doomed', '-n', 'shop', '--force', '--grace-period=0');
      expect(sim.store.get('pods', { name: 'doomed', namespace: 'shop' })).toBeUndefined();
    },
  );
});
