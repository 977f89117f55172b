import { Watch } from '@kubernetes/client-node';
import { afterEach, describe, expect, it } from 'vitest';
import { kubeConfigFor, until } from '../testing/kube-client.js';
import { buildPod } from './builders.js';
import { type KubeApiSimulator, startKubeApiSimulator } from './index.js';

let sim: KubeApiSimulator;
let controllers: AbortController[] = [];
afterEach(async () => {
  for (const controller of controllers) controller.abort();
  controllers = [];
  await sim?.close();
});

interface Line {
  type: string;
  name: string | undefined;
  rv: string | undefined;
  object: { code?: number; reason?: string; message?: string };
}

/** Opens a watch with client-node's Watch and records every line and how it ended. */
async function watch(path: string, query: Record<string, string | boolean>) {
  const lines: Line[] = [];
  const ended: { error: unknown }[] = [];
  const controller = await new Watch(kubeConfigFor(sim.url)).watch(
    path,
    query,
    (type, object) =>
      lines.push({ type, name: object.metadata?.name, rv: object.metadata?.resourceVersion, object }),
    (error) => ended.push({ error }),
  );
  controllers.push(controller);
  return { lines, ended, changes: () => lines.filter((line) => line.type !== 'BOOKMARK') };
}

describe('watches on the simulator', () => {
  it('resumes from a resourceVersion with exactly the changes after it', async () => {
    sim = await startKubeApiSimulator();
    sim.store.create('pods', buildPod({ name: 'before' }));
    const from = String(sim.store.resourceVersion);
    sim.store.create('pods', buildPod({ name: 'a' }));
    sim.store.create('nodes', { metadata: { name: 'not-a-pod' } });
    sim.store.update('pods', { name: 'a' }, (pod) => ({
      ...pod,
      metadata: { ...pod.metadata, labels: { v: '2' } },
    }));
    sim.store.delete('pods', { name: 'before' });
    const { changes } = await watch('/api/v1/pods', { resourceVersion: from });
    sim.store.create('pods', buildPod({ name: 'marker' }));
    await until(() => changes().some((line) => line.name === 'marker'), 'the marker pod');
    expect(changes().map((line) => `${line.type} ${line.name}`)).toEqual([
      'ADDED a',
      'MODIFIED a',
      'DELETED before',
      'ADDED marker',
    ]);
    const rvs = changes().map((line) => Number(line.rv));
    expect(rvs).toEqual([...rvs].sort((x, y) => x - y));
    expect(rvs[0]).toBeGreaterThan(Number(from));
  });

  it('starts with ADDED for the current state when no resourceVersion is given, filtered by selectors', async () => {
    sim = await startKubeApiSimulator();
    sim.store.create('pods', buildPod({ name: 'web', labels: { app: 'web' } }));
    sim.store.create('pods', buildPod({ name: 'db', labels: { app: 'db' } }));
    const { changes } = await watch('/api/v1/namespaces/default/pods', { labelSelector: 'app=web' });
    // A pod that stops matching leaves this watch as DELETED; one that starts matching arrives as ADDED.
    sim.store.update('pods', { name: 'web' }, (pod) => ({
      ...pod,
      metadata: { ...pod.metadata, labels: { app: 'x' } },
    }));
    sim.store.update('pods', { name: 'db' }, (pod) => ({
      ...pod,
      metadata: { ...pod.metadata, labels: { app: 'web' } },
    }));
    await until(() => changes().length === 3, 'three events');
    expect(changes().map((line) => `${line.type} ${line.name}`)).toEqual([
      'ADDED web',
      'DELETED web',
      'ADDED db',
    ]);
  });

  it('sends bookmarks with the current resourceVersion to watches that allow them', async () => {
    sim = await startKubeApiSimulator({ bookmarkIntervalMs: 20 });
    const { lines } = await watch('/api/v1/pods', { allowWatchBookmarks: true, resourceVersion: '1' });
    sim.store.create('nodes', { metadata: { name: 'n1' } });
    const current = String(sim.store.resourceVersion);
    await until(() => lines.some((line) => line.type === 'BOOKMARK' && line.rv === current), 'a bookmark');
    expect(lines.every((line) => line.type === 'BOOKMARK')).toBe(true);
    const plain = await watch('/api/v1/nodes', { resourceVersion: current });
    sim.store.create('nodes', { metadata: { name: 'n2' } });
    await until(() => plain.lines.length === 1, 'the node event');
    await until(() => lines.filter((line) => line.type === 'BOOKMARK').length >= 3, 'more bookmarks');
    expect(plain.lines.map((line) => line.type)).toEqual(['ADDED']);
  });

  it('ends a watch from a compacted resourceVersion with ERROR 410 inside the 200 stream', async () => {
    sim = await startKubeApiSimulator();
    const old = String(sim.store.resourceVersion);
    sim.store.create('pods', buildPod({ name: 'a' }));
    sim.store.compact(sim.store.resourceVersion);
    const { lines, ended } = await watch('/api/v1/pods', { resourceVersion: old });
    await until(() => ended.length === 1, 'the end of the stream');
    expect(lines).toEqual([
      {
        type: 'ERROR',
        name: undefined,
        rv: undefined,
        object: expect.objectContaining({
          kind: 'Status',
          status: 'Failure',
          reason: 'Expired',
          code: 410,
          message: `too old resource version: ${old} (${sim.store.resourceVersion})`,
        }),
      },
    ]);
    expect(ended).toEqual([{ error: null }]);
  });

  it('expires a watch from a resourceVersion the store never reached (a store started afresh)', async () => {
    sim = await startKubeApiSimulator();
    const { lines, ended } = await watch('/api/v1/pods', { resourceVersion: '5000' });
    await until(() => ended.length === 1, 'the end of the stream');
    expect(lines.map((line) => [line.object.code, line.object.reason])).toEqual([[410, 'Expired']]);
    expect(lines[0]?.object.message).toBe(
      `too large resource version: 5000, current: ${sim.store.resourceVersion}`,
    );
  });

  it('answers an injected 410 as an HTTP status or in the stream, once', async () => {
    sim = await startKubeApiSimulator();
    sim.injectExpired({ inStream: false });
    const http = await watch('/api/v1/pods', { resourceVersion: '1' });
    expect(http.ended).toEqual([{ error: expect.objectContaining({ statusCode: 410 }) }]);
    sim.injectExpired({ inStream: true });
    const inStream = await watch('/api/v1/pods', { resourceVersion: '1' });
    await until(() => inStream.ended.length === 1, 'the end of the stream');
    expect(inStream.lines.map((line) => line.object.code)).toEqual([410]);
    const healthy = await watch('/api/v1/pods', { resourceVersion: '1' });
    expect(healthy.ended).toEqual([]);
  });

  it('holds events and bookmarks while stalled, then sends the held events in order', async () => {
    sim = await startKubeApiSimulator({ bookmarkIntervalMs: 10 });
    const from = String(sim.store.resourceVersion);
    const { lines, ended } = await watch('/api/v1/pods', {
      resourceVersion: from,
      allowWatchBookmarks: true,
    });
    sim.stallWatches(true);
    const quiet = lines.length;
    sim.store.create('pods', buildPod({ name: 'a' }));
    sim.store.create('pods', buildPod({ name: 'b' }));
    // A negative check can only pass wrongly on a slow machine, never fail wrongly.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(lines.length).toBe(quiet);
    expect(sim.openWatches).toBe(1);
    sim.stallWatches(false);
    await until(() => lines.filter((line) => line.type === 'ADDED').length === 2, 'the held events');
    expect(lines.filter((line) => line.type === 'ADDED').map((line) => line.name)).toEqual(['a', 'b']);
    expect(ended).toEqual([]);
  });

  it('ends a watch cleanly after timeoutSeconds', async () => {
    sim = await startKubeApiSimulator();
    const { ended } = await watch('/api/v1/pods', { timeoutSeconds: '0' });
    await until(() => ended.length === 1, 'the end of the watch');
    expect(ended).toEqual([{ error: null }]);
  });
});
