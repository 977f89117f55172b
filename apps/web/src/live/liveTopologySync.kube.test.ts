import type { SubscribeRequest, TopologyDelta } from '@drivebay/api-types';
import { describe, expect, it } from 'vitest';
import { modelFromRecords } from '../features/topology/model/buildTopologyModel';
import type { TopologyModel } from '../features/topology/model/topologyModel';
import { buildDrive, buildEnclosure, buildRack, delta } from '../shared/testing/builders';
import { buildVolume, buildVolumeEvent, volumeDelta } from '../shared/testing/buildVolume';
import { LiveTopologySync } from './liveTopologySync';
import type { KubeDeltaPort, KubeViewDelta, LiveSocketHandlers, LiveSocketPort } from './ports';

type KubeChanged = Extract<TopologyDelta, { type: 'kube.changed' }>;

const modelAt = (revision: number): TopologyModel =>
  modelFromRecords({
    revision,
    site: null,
    racks: [buildRack()],
    enclosures: [buildEnclosure()],
    servers: [],
    drives: [buildDrive({ id: 'd0' })],
  });

function setup(model: TopologyModel) {
  let handlers: LiveSocketHandlers | undefined;
  const socket: LiveSocketPort = {
    listen: (h) => {
      handlers = h;
    },
    subscribe: (request: SubscribeRequest) => Promise.resolve({ ok: true, revision: request.sinceRevision }),
    close: () => {},
  };
  let cached = model;
  const applied: KubeViewDelta[][] = [];
  let resyncs = 0;
  const kube: KubeDeltaPort = {
    apply: (deltas) => {
      applied.push([...deltas]);
    },
    resync: () => {
      resyncs += 1;
    },
  };
  const sync = new LiveTopologySync({
    socket,
    cache: {
      read: () => cached,
      write: (next) => {
        cached = next;
      },
      refetch: () => Promise.resolve(modelAt(20)),
    },
    kube,
    onStatus: () => {},
    warn: () => {},
  });
  sync.start();
  const on = () => {
    if (!handlers) throw new Error('not listening');
    return handlers;
  };
  return { on, applied, resyncs: () => resyncs, model: () => cached };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const changed = (revision: number): KubeChanged => ({
  type: 'kube.changed',
  revision,
  cluster: 'sim',
  kind: 'pods',
});

describe('LiveTopologySync and the Kubernetes views', () => {
  it('routes kube.changed deltas past the topology revision to the kube port, and leaves the map alone', async () => {
    const { on, applied, model } = setup(modelAt(10));
    on().connect();
    await settle();
    on().deltas({
      fromRevision: 9,
      toRevision: 13,
      deltas: [
        changed(10),
        changed(11),
        delta.drivePut(12, buildDrive({ id: 'd0', health: 'failed' })),
        changed(13),
      ],
    });
    expect(applied).toEqual([[changed(11), changed(13)]]);
    expect(model().revision).toBe(13);
    on().deltas({ fromRevision: 13, toRevision: 14, deltas: [delta.drivePut(14, buildDrive({ id: 'd0' }))] });
    expect(applied).toHaveLength(1);
  });

  it('also routes volume changes, whose health and drives the Kubernetes views show, but not other events', async () => {
    const { on, applied } = setup(modelAt(10));
    on().connect();
    await settle();
    const put = volumeDelta.put(11, buildVolume({ name: 'pvc-a', health: 'degraded' }));
    const removed = volumeDelta.remove(12, 'pvc-b');
    on().deltas({
      fromRevision: 10,
      toRevision: 13,
      deltas: [put, removed, volumeDelta.event(13, buildVolumeEvent())],
    });
    expect(applied).toEqual([[put, removed]]);
  });

  it('tells the kube port to reload when the topology reloads from a snapshot', async () => {
    const { on, resyncs } = setup(modelAt(10));
    on().connect();
    await settle();
    on().resync({ reason: 'compacted' });
    await settle();
    expect(resyncs()).toBe(1);
  });
});
