import type { Volume } from '@drivebay/api-types';
import type { CoreV1Api, V1PersistentVolume, V1PersistentVolumeClaim } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../log.js';
import { WriteBack } from './write-back.js';

const silent = createLogger('silent');
const volume = { id: 'pvc-1', logicalNode: 'ln-pvc-1', server: 'srv-1' } as Volume;
const pv: V1PersistentVolume = {
  metadata: { name: 'pvc-1' },
  spec: { csi: { driver: 'csi.drivebay.io', volumeHandle: 'pvc-1' } },
};
const claim = (annotations?: Record<string, string>): V1PersistentVolumeClaim => ({
  metadata: { name: 'data', namespace: 'db', ...(annotations && { annotations }) },
  spec: { volumeName: 'pvc-1' },
});

/** A CoreV1Api that records patches, or refuses them as RBAC would. */
function fakeCore(refuse?: number) {
  const patched: string[] = [];
  const fail = async (what: string) => {
    patched.push(what);
    if (refuse) throw Object.assign(new Error(`HTTP ${refuse}`), { code: refuse });
    return {};
  };
  const core = {
    patchPersistentVolume: ({ name }: { name: string }) => fail(`pv/${name}`),
    patchNamespacedPersistentVolumeClaim: ({ name }: { name: string }) => fail(`pvc/${name}`),
  } as unknown as CoreV1Api;
  return { core, patched };
}

describe('write-back', () => {
  it('patches the PV and the PVC whose annotations differ, and nothing that is already right', async () => {
    const { core, patched } = fakeCore();
    const writeBack = new WriteBack(core, silent, 'c1');
    await writeBack.apply([claim()], () => pv, new Map([['pvc-1', volume]]));
    expect(patched).toEqual(['pv/pvc-1', 'pvc/data']);
    const right = {
      'drivebay.io/volume': 'pvc-1',
      'drivebay.io/logical-node': 'ln-pvc-1',
      'drivebay.io/server': 'srv-1',
    };
    patched.length = 0;
    await writeBack.apply(
      [claim(right)],
      () => ({ ...pv, metadata: { name: 'pvc-1', annotations: right } }),
      new Map([['pvc-1', volume]]),
    );
    expect(patched).toEqual([]);
    expect(writeBack.state).toBe('enabled');
  });

  it('turns itself off at the first 403 and does not try again', async () => {
    const { core, patched } = fakeCore(403);
    const writeBack = new WriteBack(core, silent, 'c1');
    await writeBack.apply([claim(), claim()], () => pv, new Map([['pvc-1', volume]]));
    expect(writeBack.state).toBe('denied');
    expect(patched).toEqual(['pv/pvc-1']);
  });

  it('keeps trying after other errors (a conflict is fixed by the next round)', async () => {
    const { core } = fakeCore(409);
    const writeBack = new WriteBack(core, silent, 'c1');
    await writeBack.apply([claim()], () => pv, new Map([['pvc-1', volume]]));
    expect(writeBack.state).toBe('enabled');
  });

  it('leaves PVs of other drivers and volumes it does not know alone', async () => {
    const { core, patched } = fakeCore();
    const writeBack = new WriteBack(core, silent, 'c1');
    const theirs = { ...pv, spec: { csi: { driver: 'ebs.csi.aws.com', volumeHandle: 'pvc-1' } } };
    await writeBack.apply([claim()], () => theirs, new Map([['pvc-1', volume]]));
    await writeBack.apply([claim()], () => pv, new Map());
    expect(patched).toEqual([]);
  });
});
