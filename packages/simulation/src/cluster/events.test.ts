import { describe, expect, it } from 'vitest';
import { buildPod, ObjectStore } from '../kube-api/index.js';
import { EventRecorder, involvedObject, kubeletOn } from './events.js';

const START = Date.parse('2025-01-01T12:00:00Z');

function recorder() {
  let now = START;
  const store = new ObjectStore({ now: () => now });
  const events = new EventRecorder(store, () => now);
  const pod = store.create(
    'pods',
    buildPod({ name: 'cassandra-0', namespace: 'default', nodeName: 'node-1' }),
  );
  return { store, events, pod, advance: (ms: number) => (now += ms) };
}

describe('EventRecorder', () => {
  it('records the full reference kubectl describe matches on, and who reported it', () => {
    const { store, events, pod } = recorder();
    const about = involvedObject(pod, 'spec.containers{main}');
    events.record(kubeletOn('node-1'), about, 'Normal', 'Started', 'Started container main');
    const [event] = store.list('events');
    expect(event).toMatchObject({
      metadata: { namespace: 'default', name: expect.stringMatching(/^cassandra-0\.[0-9a-f]{16}$/) },
      involvedObject: {
        apiVersion: 'v1',
        kind: 'Pod',
        name: 'cassandra-0',
        namespace: 'default',
        uid: pod.metadata.uid,
        resourceVersion: pod.metadata.resourceVersion,
        fieldPath: 'spec.containers{main}',
      },
      reason: 'Started',
      type: 'Normal',
      count: 1,
      firstTimestamp: '2025-01-01T12:00:00Z',
      lastTimestamp: '2025-01-01T12:00:00Z',
      source: { component: 'kubelet', host: 'node-1' },
      reportingComponent: 'kubelet',
      reportingInstance: 'node-1',
    });
  });

  it('bumps count and lastTimestamp of a repeated event instead of adding another', () => {
    const { store, events, pod, advance } = recorder();
    const about = involvedObject(pod, 'spec.containers{main}');
    events.record(
      kubeletOn('node-1'),
      about,
      'Normal',
      'Pulled',
      'Container image "x" already present on machine',
    );
    advance(90_000);
    events.record(
      kubeletOn('node-1'),
      about,
      'Normal',
      'Pulled',
      'Container image "x" already present on machine',
    );
    events.record(kubeletOn('node-1'), about, 'Normal', 'Started', 'Started container main');
    const pulled = store.list('events').filter((e) => e.reason === 'Pulled');
    expect(pulled).toHaveLength(1);
    expect(pulled[0]).toMatchObject({
      count: 2,
      firstTimestamp: '2025-01-01T12:00:00Z',
      lastTimestamp: '2025-01-01T12:01:30Z',
    });
    expect(store.list('events')).toHaveLength(2);
  });

  it('puts events of cluster-scoped objects in default and lets them expire like the apiserver', () => {
    const { store, events, advance } = recorder();
    const node =
      store.get('nodes', { name: 'node-1' }) ?? store.create('nodes', { metadata: { name: 'node-1' } });
    events.record({ component: 'node-controller' }, involvedObject(node), 'Normal', 'NodeNotReady', 'x');
    const [event] = store.list('events');
    expect(event?.metadata.namespace).toBe('default');
    expect((event?.involvedObject as { namespace?: string } | undefined)?.namespace).toBeUndefined();
    advance(3_600_001);
    events.expire(3_600_000);
    expect(store.list('events')).toEqual([]);
  });
});
