import { describe, expect, it } from 'vitest';
import { buildNode, buildPod } from './builders.js';
import { isCompacted } from './change-history.js';
import { ObjectStore } from './object-store.js';
import { KubeApiError } from './status.js';

function statusOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    if (error instanceof KubeApiError) return error.status;
    throw error;
  }
  throw new Error('expected a KubeApiError');
}

describe('ObjectStore', () => {
  it('stamps every write with one global, increasing resourceVersion across kinds', () => {
    const store = new ObjectStore({ now: () => Date.parse('2025-01-01T00:00:00Z') });
    const start = store.resourceVersion;
    const node = store.create('nodes', buildNode({ name: 'server-01' }));
    const pod = store.create('pods', buildPod({ name: 'a', nodeName: 'server-01' }));
    expect(Number(node.metadata.resourceVersion)).toBe(start + 1);
    expect(Number(pod.metadata.resourceVersion)).toBe(start + 2);
    expect(pod).toMatchObject({ kind: 'Pod', apiVersion: 'v1', metadata: { namespace: 'default' } });
    expect(pod.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(pod.metadata.creationTimestamp).toBe('2025-01-01T00:00:00Z');
    expect(node.metadata.namespace).toBeUndefined();
  });

  it('updates through a function, keeps identity, and commits nothing for a no-op', () => {
    const store = new ObjectStore();
    const created = store.create('pods', buildPod({ name: 'a' }));
    const updated = store.update('pods', { name: 'a' }, (pod) => {
      pod.metadata.labels = { app: 'x' };
      pod.metadata.uid = 'forged';
      return pod;
    });
    expect(updated.metadata.labels).toEqual({ app: 'x' });
    expect(updated.metadata.uid).toBe(created.metadata.uid);
    expect(Number(updated.metadata.resourceVersion)).toBeGreaterThan(
      Number(created.metadata.resourceVersion),
    );
    const again = store.update('pods', { name: 'a' }, (pod) => pod);
    expect(again.metadata.resourceVersion).toBe(updated.metadata.resourceVersion);
    expect(Object.isFrozen(again.metadata)).toBe(true);
  });

  it('answers the apiserver statuses for missing, taken, stale and misplaced objects', () => {
    const store = new ObjectStore();
    const pod = store.create('pods', buildPod({ name: 'a' }));
    expect(statusOf(() => store.update('pods', { name: 'b' }, (p) => p))).toMatchObject({
      code: 404,
      reason: 'NotFound',
      message: 'pods "b" not found',
    });
    expect(statusOf(() => store.create('pods', buildPod({ name: 'a' })))).toMatchObject({
      code: 409,
      reason: 'AlreadyExists',
    });
    store.update('pods', { name: 'a' }, (p) => ({ ...p, metadata: { ...p.metadata, labels: { v: '2' } } }));
    expect(statusOf(() => store.update('pods', { name: 'a' }, pod))).toMatchObject({
      code: 409,
      reason: 'Conflict',
    });
    expect(statusOf(() => store.create('pods', buildPod({ name: 'a', namespace: 'nowhere' })))).toMatchObject(
      {
        code: 404,
        message: 'namespaces "nowhere" not found',
      },
    );
    expect(statusOf(() => store.create('pods', buildPod({ name: 'Bad_Name' })))).toMatchObject({ code: 422 });
  });

  it('keeps a bounded history: resuming inside it replays, before it is Compacted', () => {
    const store = new ObjectStore({ historyLimit: 3 });
    const from = store.resourceVersion;
    for (const name of ['a', 'b']) store.create('pods', buildPod({ name }));
    const replay = store.changesSince(from);
    expect(isCompacted(replay) ? [] : replay.map((c) => c.object.metadata.name)).toEqual(['a', 'b']);
    for (const name of ['c', 'd']) store.create('pods', buildPod({ name }));
    expect(store.changesSince(from)).toEqual({ compactedTo: from + 1 });
    store.compact(store.resourceVersion);
    expect(store.changesSince(store.resourceVersion - 1)).toEqual({ compactedTo: store.resourceVersion });
    expect(store.changesSince(store.resourceVersion)).toEqual([]);
  });

  it('lists a past state exactly, by undoing later changes', () => {
    const store = new ObjectStore();
    store.create('pods', buildPod({ name: 'a' }));
    const at = store.resourceVersion;
    store.create('pods', buildPod({ name: 'b' }));
    store.update('pods', { name: 'a' }, (p) => ({ ...p, metadata: { ...p.metadata, labels: { v: '2' } } }));
    store.delete('pods', { name: 'a' });
    const past = store.listAt('pods', at);
    expect(isCompacted(past) ? [] : past.map((p) => [p.metadata.name, p.metadata.labels])).toEqual([
      ['a', {}],
    ]);
  });

  it("starts with a cluster's namespaces, each labelled with its name, and keeps generateName", () => {
    const store = new ObjectStore();
    expect(store.list('namespaces').map((ns) => ns.metadata.labels)).toEqual(
      ['default', 'kube-node-lease', 'kube-public', 'kube-system'].map((name) => ({
        'kubernetes.io/metadata.name': name,
      })),
    );
    const pod = store.create('pods', { metadata: { generateName: 'web-7d4b9-' } });
    expect(pod.metadata).toMatchObject({
      generateName: 'web-7d4b9-',
      name: expect.stringMatching(/^web-7d4b9-\w{5}$/),
    });
  });

  it('deletes a namespace with everything in it', () => {
    const store = new ObjectStore();
    store.create('namespaces', { metadata: { name: 'shop' } });
    store.create('pods', buildPod({ name: 'a', namespace: 'shop' }));
    store.create('pods', buildPod({ name: 'a' }));
    const changes: string[] = [];
    store.subscribe((change) => changes.push(`${change.type} ${change.resource}`));
    store.delete('namespaces', { name: 'shop' });
    expect(changes).toEqual(['DELETED pods', 'DELETED namespaces']);
    expect(store.list('pods').map((p) => p.metadata.namespace)).toEqual(['default']);
  });
});
