import { type Informer, makeInformer, type ObjectCache, type V1Pod } from '@kubernetes/client-node';
import { afterEach, describe, expect, it } from 'vitest';
import { coreApiFor, kubeConfigFor, until } from '../testing/kube-client.js';
import { buildPod } from './builders.js';
import { type KubeApiSimulator, startKubeApiSimulator } from './index.js';

// What client-node 1.4's makeInformer does against the simulator, recorded so the podwatcher can rely on it.
let sim: KubeApiSimulator;
let informer: (Informer<V1Pod> & ObjectCache<V1Pod>) | undefined;
afterEach(async () => {
  await informer?.stop();
  informer = undefined;
  await sim?.close();
});

async function startInformer() {
  const core = coreApiFor(sim.url);
  const seen: string[] = [];
  const errors: unknown[] = [];
  const counts = { lists: 0, connects: 0 };
  informer = makeInformer<V1Pod>(kubeConfigFor(sim.url), '/api/v1/pods', () => {
    counts.lists++;
    return core.listPodForAllNamespaces();
  });
  for (const verb of ['add', 'update', 'delete'] as const)
    informer.on(verb, (pod) =>
      seen.push(`${verb} ${pod.metadata?.name} ${pod.metadata?.labels?.v ?? ''}`.trim()),
    );
  informer.on('error', (error) => errors.push(error));
  informer.on('connect', () => counts.connects++);
  await informer.start();
  const names = () => (informer?.list() ?? []).map((pod) => pod.metadata?.name).sort();
  return { seen, errors, counts, names, informer };
}

describe('client-node 1.4 makeInformer against the simulator', () => {
  it('lists, then follows additions, modifications and deletions', async () => {
    sim = await startKubeApiSimulator();
    sim.store.create('pods', buildPod({ name: 'a' }));
    const { seen, errors, names } = await startInformer();
    expect(names()).toEqual(['a']);
    sim.store.create('pods', buildPod({ name: 'b' }));
    sim.store.update('pods', { name: 'a' }, (pod) => ({
      ...pod,
      metadata: { ...pod.metadata, labels: { v: '2' } },
    }));
    sim.store.delete('pods', { name: 'b' });
    await until(() => seen.length === 4, 'four informer events');
    expect(seen).toEqual(['add a', 'add b', 'update a 2', 'delete b']);
    expect(names()).toEqual(['a']);
    expect(errors).toEqual([]);
  });

  it('relists by itself, without an error, when a re-watch gets HTTP 410', async () => {
    sim = await startKubeApiSimulator();
    for (const name of ['a', 'b']) sim.store.create('pods', buildPod({ name }));
    const { seen, errors, counts, names } = await startInformer();
    // Changes the open watch never delivers: they are queued in the stalled stream, which then ends.
    sim.stallWatches(true);
    sim.store.create('pods', buildPod({ name: 'c' }));
    sim.store.delete('pods', { name: 'a' });
    sim.injectExpired({ inStream: false });
    sim.endWatches();
    sim.stallWatches(false);
    await until(() => counts.lists === 2 && sim.openWatches === 1, 'a relist and a new watch');
    expect(names()).toEqual(['b', 'c']);
    expect(seen).toEqual(['add a', 'add b', 'delete a', 'add c']);
    expect(errors).toEqual([]);
  });

  it('relists by itself when the stream carries ERROR 410 because history was compacted', async () => {
    sim = await startKubeApiSimulator();
    sim.store.create('pods', buildPod({ name: 'a' }));
    const { seen, errors, counts, names } = await startInformer();
    sim.stallWatches(true);
    sim.store.update('pods', { name: 'a' }, (pod) => ({
      ...pod,
      metadata: { ...pod.metadata, labels: { v: '2' } },
    }));
    sim.store.create('pods', buildPod({ name: 'b' }));
    sim.store.compact(sim.store.resourceVersion);
    sim.endWatches();
    sim.stallWatches(false);
    await until(() => counts.lists === 2 && sim.openWatches === 1, 'a relist and a new watch');
    expect(names()).toEqual(['a', 'b']);
    expect(seen).toEqual(['add a', 'update a 2', 'add b']);
    expect(errors).toEqual([]);
  });

  it('re-watches from its resourceVersion, without relisting, when a watch ends cleanly', async () => {
    sim = await startKubeApiSimulator();
    const { seen, counts } = await startInformer();
    sim.endWatches();
    sim.store.create('pods', buildPod({ name: 'a' }));
    await until(() => seen.length === 1, 'the pod made between the two watches');
    expect(counts.lists).toBe(1);
    expect(seen).toEqual(['add a']);
  });

  it('emits error and stops on a broken stream or an apiserver restart; start() resumes', async () => {
    sim = await startKubeApiSimulator();
    sim.store.create('pods', buildPod({ name: 'a' }));
    const { seen, errors, counts, names, informer } = await startInformer();
    sim.dropWatches();
    await until(() => errors.length === 1, 'an error for the broken stream');
    expect(errors[0]).toMatchObject({ code: 'ERR_STREAM_PREMATURE_CLOSE' });
    // It does not reconnect by itself: the error handler is the only one to run.
    expect(sim.openWatches).toBe(0);
    sim.store.create('pods', buildPod({ name: 'b' }));
    await informer.start();
    await until(() => names().length === 2, 'the pod made while stopped');
    expect(counts.lists).toBe(1);

    await sim.stop();
    await until(() => errors.length === 2, 'an error for the restart');
    await informer.start();
    await until(() => errors.length === 3, 'an error while the apiserver is down');
    expect(errors[2]).toMatchObject({ code: 'ECONNREFUSED' });
    sim.store.delete('pods', { name: 'a' });
    await sim.start();
    await informer.start();
    await until(() => names().length === 1, 'the deletion made while down');
    expect(seen).toEqual(['add a', 'add b', 'delete a']);
    expect(counts.lists).toBe(1);
  });
});
