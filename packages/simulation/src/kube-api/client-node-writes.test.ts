import { PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { afterEach, describe, expect, it } from 'vitest';
import { coreApiFor } from '../testing/kube-client.js';
import { buildPv, buildPvc } from './builders.js';
import { type KubeApiSimulator, startKubeApiSimulator } from './index.js';

// The writes a podwatcher makes with client-node 1.4, against the simulator.
let sim: KubeApiSimulator;
afterEach(() => sim?.close());

describe('client-node 1.4 writes against the simulator', () => {
  it('annotates a PV with the default JSON patch and a PVC with a merge patch', async () => {
    sim = await startKubeApiSimulator();
    sim.store.create('namespaces', { metadata: { name: 'shop' } });
    sim.store.create('persistentvolumes', {
      ...buildPv({ name: 'pv-1' }),
      metadata: { name: 'pv-1', annotations: {} },
    });
    sim.store.create('persistentvolumeclaims', buildPvc({ name: 'data', namespace: 'shop' }));
    const core = coreApiFor(sim.url);
    const pv = await core.patchPersistentVolume({
      name: 'pv-1',
      body: [{ op: 'add', path: '/metadata/annotations/drivebay.io~1volume', value: 'vol-7' }],
    });
    expect(pv.metadata?.annotations).toEqual({ 'drivebay.io/volume': 'vol-7' });
    const pvc = await core.patchNamespacedPersistentVolumeClaim(
      {
        name: 'data',
        namespace: 'shop',
        body: { metadata: { annotations: { 'drivebay.io/volume': 'vol-7' } } },
      },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    expect(pvc.metadata?.annotations).toEqual({ 'drivebay.io/volume': 'vol-7' });
    expect(
      sim.store.get('persistentvolumeclaims', { name: 'data', namespace: 'shop' })?.metadata.annotations,
    ).toEqual({
      'drivebay.io/volume': 'vol-7',
    });
  });

  it('creates an event and reads a 404 as an ApiException with the Status body', async () => {
    sim = await startKubeApiSimulator();
    const core = coreApiFor(sim.url);
    const event = await core.createNamespacedEvent({
      namespace: 'default',
      body: {
        metadata: { generateName: 'pv-1.' },
        involvedObject: { kind: 'PersistentVolume', name: 'pv-1' },
        reason: 'VolumeBound',
        message: 'pv-1 is drivebay volume vol-7',
        type: 'Normal',
      },
    });
    expect(event.metadata?.name).toMatch(/^pv-1\./);
    expect(sim.store.list('events').map((e) => e.reason)).toEqual(['VolumeBound']);
    const missing = core.readPersistentVolume({ name: 'nope' });
    await expect(missing).rejects.toMatchObject({
      code: 404,
      body: expect.stringContaining('"reason":"NotFound"'),
    });
  });
});
