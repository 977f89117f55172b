import { describe, expect, it } from 'vitest';
import {
  buildChainDrive,
  buildClaim,
  buildNode,
  buildPod,
  buildPodDetail,
} from '../../../shared/testing/buildKube';
import { buildVolume } from '../../../shared/testing/buildVolume';
import { claimProblems, podProblems } from './chainProblems';
import {
  describeNode,
  describeServer,
  missingVolumeReason,
  serverTitle,
  sliceLabel,
  sortChainDrives,
  workloadLabel,
} from './describeChain';
import { claimStatus, nodeStatus, podStatus, serverStatus } from './kubeStatus';

describe('statuses', () => {
  it('say the state in words, with a shape for its severity', () => {
    expect(podStatus({ phase: 'Running', ready: true })).toEqual({ tone: 'ok', text: 'Running, ready' });
    expect(podStatus({ phase: 'Running', ready: false })).toEqual({
      tone: 'degraded',
      text: 'Running, not ready',
    });
    expect(podStatus({ phase: 'Failed', ready: false }).tone).toBe('failed');
    expect(podStatus({ phase: 'Terminating', ready: false }).text).toBe('Terminating');
    expect(nodeStatus(false)).toEqual({ tone: 'failed', text: 'not ready' });
    expect(serverStatus(null).text).toBe('no server matched');
    expect(serverStatus('down').tone).toBe('failed');
    expect(claimStatus('Pending').tone).toBe('degraded');
  });
});

describe('podProblems', () => {
  it('is empty when every step is healthy', () => {
    const chain = {
      claim: buildClaim(),
      volume: buildVolume({ name: 'pvc-1' }),
      drives: [buildChainDrive()],
    };
    expect(podProblems(buildPodDetail({}, [chain]))).toEqual([]);
  });

  it('names each broken step from the pod down to the volume', () => {
    const volume = buildVolume({ name: 'pvc-1', health: 'degraded' });
    const drives = [buildChainDrive({ memberState: 'failed' }), buildChainDrive({ copy: 1 })];
    const detail = buildPodDetail(
      { pod: buildPod({ ready: false }), node: buildNode({ ready: false }), serverState: 'down' },
      [{ claim: buildClaim(), volume, drives }],
    );
    expect(podProblems(detail).map((p) => [p.severity, p.text])).toEqual([
      ['degraded', 'Pod is not ready.'],
      ['failed', 'Node node-1 is not ready.'],
      ['failed', 'Server host-1 is down.'],
      [
        'degraded',
        'Volume pvc-1 is degraded (1 copy failed): no redundancy left, the data is still available.',
      ],
    ]);
  });

  it('reports a lost or pending claim', () => {
    expect(
      claimProblems({ claim: buildClaim({ phase: 'Lost' }), volume: null, drives: [] })[0]?.severity,
    ).toBe('failed');
    expect(
      claimProblems({ claim: buildClaim({ phase: 'Pending' }), volume: null, drives: [] })[0]?.text,
    ).toBe('PVC data-cassandra-0 is Pending.');
  });
});

describe('describeChain', () => {
  it('labels workloads and bare pods', () => {
    expect(workloadLabel({ kind: 'StatefulSet', name: 'kafka' })).toBe('StatefulSet/kafka');
    expect(workloadLabel(null)).toBe('none (a bare pod)');
  });

  it('says how the node was matched to its server', () => {
    expect(describeNode(buildPodDetail())).toEqual([
      { label: 'Server matched', value: 'by its drivebay.io/server label' },
    ]);
    expect(describeNode(buildPodDetail({ node: null, pod: buildPod({ node: null }) }))[0]?.value).toBe(
      'not scheduled yet',
    );
  });

  it('titles the server step with the server, not the node’s hostname, and shows the hostname below', () => {
    const detail = buildPodDetail({ serverHostname: 'node-1.dc1' });
    expect(serverTitle(detail)).toBe(detail.pod.server);
    expect(serverTitle(detail)).not.toBe(detail.node?.name);
    expect(describeServer(detail)).toEqual([{ label: 'Hostname', value: 'node-1.dc1' }]);
    expect(serverTitle(buildPodDetail({ pod: buildPod({ server: null }), node: null }))).toBeNull();
  });

  it('explains why a claim has no composer volume', () => {
    expect(missingVolumeReason({ claim: buildClaim({ pv: null }) })).toMatch(/not bound/);
    expect(missingVolumeReason({ claim: buildClaim({ driver: null, volumeHandle: null }) })).toMatch(
      /not a CSI volume/,
    );
    expect(missingVolumeReason({ claim: buildClaim({ volumeId: null, driver: 'ebs.csi.aws.com' }) })).toMatch(
      /names no composer volume/,
    );
  });

  it('orders drives by set then copy, and labels slices', () => {
    const drives = [
      buildChainDrive({ driveId: 'c', set: 1, copy: 0 }),
      buildChainDrive({ driveId: 'b', set: 0, copy: 1 }),
      buildChainDrive({ driveId: 'a', set: 0, copy: 0 }),
    ];
    expect(sortChainDrives(drives).map((d) => d.driveId)).toEqual(['a', 'b', 'c']);
    expect(sliceLabel(null)).toBe('whole drive');
    expect(sliceLabel({ offsetGiB: 120, sizeGiB: 94 })).toBe('94 GiB at GiB 120');
  });
});
