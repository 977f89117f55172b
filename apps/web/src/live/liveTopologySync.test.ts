import type { DeltaBatch, DomainEvent, SubscribeRequest, TopologyDelta } from '@drivebay/api-types';
import { describe, expect, it } from 'vitest';
import { modelFromRecords } from '../features/topology/model/buildTopologyModel';
import { driveById, type TopologyModel } from '../features/topology/model/topologyModel';
import { buildDrive, buildEnclosure, buildRack, delta } from '../shared/testing/builders';
import { buildVolume, buildVolumeEvent, volumeDelta } from '../shared/testing/buildVolume';
import type { ConnectionStatus } from './connectionStatus';
import { LiveTopologySync } from './liveTopologySync';
import type {
  EventDeltaPort,
  LiveSocketHandlers,
  LiveSocketPort,
  TopologyCachePort,
  VolumeDeltaPort,
} from './ports';

function modelAt(revision: number, health: 'ok' | 'failed' = 'ok'): TopologyModel {
  return modelFromRecords({
    revision,
    site: null,
    racks: [buildRack()],
    enclosures: [buildEnclosure()],
    servers: [],
    drives: [buildDrive({ id: 'd0', health }), buildDrive({ id: 'd1', bay: 1 })],
  });
}

class FakeSocket implements LiveSocketPort {
  handlers: LiveSocketHandlers | undefined;
  requests: SubscribeRequest[] = [];
  acks: unknown[] = [];
  closed = false;
  listen(handlers: LiveSocketHandlers): void {
    this.handlers = handlers;
  }
  subscribe(request: SubscribeRequest): Promise<unknown> {
    this.requests.push(request);
    const ack = this.acks.shift() ?? { ok: true, revision: request.sinceRevision };
    return ack instanceof Error ? Promise.reject(ack) : Promise.resolve(ack);
  }
  close(): void {
    this.closed = true;
  }
  get on(): LiveSocketHandlers {
    if (!this.handlers) throw new Error('not listening');
    return this.handlers;
  }
}

class FakeCache implements TopologyCachePort {
  model: TopologyModel | undefined;
  snapshots: (TopologyModel | Error)[] = [];
  refetches = 0;
  read = () => this.model;
  write = (model: TopologyModel) => {
    this.model = model;
  };
  refetch = async () => {
    this.refetches += 1;
    const next = this.snapshots.shift();
    if (!next) throw new Error('no snapshot queued');
    if (next instanceof Error) throw next;
    this.model = next;
    return next;
  };
}

class FakeVolumes implements VolumeDeltaPort {
  applied: TopologyDelta[][] = [];
  resyncs = 0;
  readies = 0;
  ready = () => {
    this.readies += 1;
  };
  apply = (deltas: readonly TopologyDelta[]) => {
    this.applied.push([...deltas]);
  };
  resync = () => {
    this.resyncs += 1;
  };
}

class FakeEvents implements EventDeltaPort {
  applied: DomainEvent[][] = [];
  resyncs = 0;
  apply = (events: readonly DomainEvent[]) => {
    this.applied.push([...events]);
  };
  resync = () => {
    this.resyncs += 1;
  };
}

function setup(cached?: TopologyModel) {
  const socket = new FakeSocket();
  const cache = new FakeCache();
  const volumes = new FakeVolumes();
  const events = new FakeEvents();
  cache.model = cached;
  const statuses: ConnectionStatus[] = [];
  const tasks: (() => void)[] = [];
  const sync = new LiveTopologySync({
    socket,
    cache,
    volumes,
    events,
    onStatus: (s) => statuses.push(s),
    schedule: (task) => {
      tasks.push(task);
      return () => tasks.splice(tasks.indexOf(task), 1);
    },
    warn: () => {},
  });
  sync.start();
  const last = () => statuses.at(-1);
  return { socket, cache, volumes, events, statuses, tasks, sync, last };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const failD0 = (from: number, to: number): DeltaBatch => ({
  fromRevision: from,
  toRevision: to,
  deltas: [delta.drivePut(to, buildDrive({ id: 'd0', health: 'failed' }))],
});

describe('LiveTopologySync', () => {
  it('subscribes from the cached revision on connect and goes live', async () => {
    const { socket, last } = setup(modelAt(10));
    expect(last()).toEqual({ state: 'connecting', label: 'Connecting…', revision: 10 });
    socket.on.connect();
    await settle();
    expect(socket.requests).toEqual([{ sinceRevision: 10 }]);
    expect(last()).toEqual({ state: 'live', label: 'Live', revision: 10 });
  });

  it('loads the snapshot first when nothing is cached', async () => {
    const { socket, cache } = setup();
    cache.snapshots.push(modelAt(42));
    socket.on.connect();
    await settle();
    expect(cache.refetches).toBe(1);
    expect(socket.requests).toEqual([{ sinceRevision: 42 }]);
  });

  it('applies chained batches to the cache and shows the new revision', async () => {
    const { socket, cache, last } = setup(modelAt(10));
    socket.on.connect();
    await settle();
    socket.on.deltas(failD0(10, 12));
    expect(cache.model && driveById(cache.model, 'd0')?.health).toBe('failed');
    socket.on.deltas({ fromRevision: 12, toRevision: 13, deltas: [] });
    expect(last()).toEqual({ state: 'live', label: 'Live', revision: 13 });
  });

  it('resubscribes after a reconnect and skips the overlap', async () => {
    const { socket, cache, last } = setup(modelAt(10));
    socket.on.connect();
    await settle();
    socket.on.deltas(failD0(10, 12));
    socket.on.disconnect('transport close', true);
    expect(last()?.label).toBe('Reconnecting…');
    socket.on.connect();
    await settle();
    expect(socket.requests.at(-1)).toEqual({ sinceRevision: 12 });
    const before = cache.model;
    socket.on.deltas({
      fromRevision: 11,
      toRevision: 13,
      deltas: [delta.driveDelete(12, 'd0'), delta.driveDelete(13, 'd1')],
    });
    expect(cache.model && driveById(cache.model, 'd0')).toBeDefined();
    expect(cache.model && driveById(cache.model, 'd1')).toBeUndefined();
    expect(cache.model).not.toBe(before);
    expect(cache.refetches).toBe(0);
  });

  it('refetches the snapshot and resubscribes from it on a gap', async () => {
    const { socket, cache, last } = setup(modelAt(10));
    socket.on.connect();
    await settle();
    cache.snapshots.push(modelAt(20, 'failed'));
    socket.on.deltas(failD0(15, 16));
    expect(last()?.label).toBe('Resyncing…');
    await settle();
    expect(cache.refetches).toBe(1);
    expect(socket.requests.at(-1)).toEqual({ sinceRevision: 20 });
    expect(last()).toEqual({ state: 'live', label: 'Live', revision: 20 });
  });

  it('ignores out-of-chain frames that arrive before the subscribe ack', async () => {
    const { socket, cache } = setup(modelAt(10));
    let resolveAck: (ack: unknown) => void = () => {};
    socket.subscribe = (request) => {
      socket.requests.push(request);
      return new Promise((resolve) => {
        resolveAck = resolve;
      });
    };
    socket.on.connect();
    await settle();
    socket.on.deltas(failD0(30, 31));
    resolveAck({ ok: true, revision: 31 });
    await settle();
    expect(cache.refetches).toBe(0);
    expect(cache.model?.revision).toBe(10);
  });

  it('drops state and refetches on topology:resync', async () => {
    const { socket, cache } = setup(modelAt(10));
    socket.on.connect();
    await settle();
    cache.snapshots.push(modelAt(50));
    socket.on.resync({ reason: 'compacted', revision: 50 });
    await settle();
    expect(cache.model?.revision).toBe(50);
    expect(socket.requests.at(-1)).toEqual({ sinceRevision: 50 });
  });

  it('resyncs on a malformed frame instead of trusting it', async () => {
    const { socket, cache } = setup(modelAt(10));
    socket.on.connect();
    await settle();
    cache.snapshots.push(modelAt(11));
    socket.on.deltas({ fromRevision: 'ten', deltas: 'nope' });
    await settle();
    expect(cache.refetches).toBe(1);
  });

  it('starts from a fresh snapshot when the server refuses the revision', async () => {
    const { socket, cache, tasks } = setup(modelAt(10));
    socket.acks.push({ ok: false, error: { code: 'OUT_OF_RANGE', message: 'compacted' } });
    cache.snapshots.push(modelAt(70));
    socket.on.connect();
    await settle();
    expect(tasks).toHaveLength(1);
    tasks[0]?.();
    await settle();
    expect(socket.requests.map((r) => r.sinceRevision)).toEqual([10, 70]);
  });

  it('reports offline when the snapshot fails, and retries', async () => {
    const { socket, cache, tasks, last } = setup();
    cache.snapshots.push(new Error('503'), modelAt(5));
    socket.on.connect();
    await settle();
    expect(last()?.state).toBe('offline');
    tasks[0]?.();
    await settle();
    expect(last()).toEqual({ state: 'live', label: 'Live', revision: 5 });
  });

  it('reports offline on connection errors and after a final disconnect', () => {
    const { socket, last } = setup(modelAt(1));
    socket.on.connectError('xhr poll error', true);
    expect(last()).toMatchObject({ state: 'offline', label: 'Offline · retrying' });
    socket.on.disconnect('io server disconnect', false);
    expect(last()).toMatchObject({ state: 'offline', label: 'Offline' });
  });

  it('closes the socket and ignores everything after stop', async () => {
    const { socket, sync, statuses } = setup(modelAt(1));
    sync.stop();
    expect(socket.closed).toBe(true);
    const count = statuses.length;
    socket.on.connect();
    await settle();
    expect(socket.requests).toEqual([]);
    expect(statuses).toHaveLength(count);
  });

  it('routes volume deltas past the topology revision to the volume cache, in order', async () => {
    const { socket, cache, volumes, events } = setup(modelAt(10));
    socket.on.connect();
    await settle();
    const stale = volumeDelta.put(10, buildVolume({ name: 'pvc-old' }));
    const put = volumeDelta.put(11, buildVolume({ name: 'pvc-a' }));
    const event = volumeDelta.event(12, buildVolumeEvent({ id: 'ev-9' }));
    const driveEvent = volumeDelta.event(
      13,
      buildVolumeEvent({ id: 'ev-10', subject: { kind: 'drive', id: 'd0' } }),
    );
    const removed = volumeDelta.remove(14, 'pvc-b');
    socket.on.deltas({
      fromRevision: 9,
      toRevision: 15,
      deltas: [
        stale,
        put,
        event,
        driveEvent,
        removed,
        delta.drivePut(15, buildDrive({ id: 'd0', health: 'failed' })),
      ],
    });
    expect(volumes.applied).toEqual([[put, event, removed]]);
    // Every event, whatever its subject, goes to the timeline.
    expect(events.applied.map((batch) => batch.map((e) => e.id))).toEqual([['ev-9', 'ev-10']]);
    expect(cache.model && driveById(cache.model, 'd0')?.health).toBe('failed');
    socket.on.deltas({ fromRevision: 15, toRevision: 16, deltas: [] });
    expect(volumes.applied).toHaveLength(1);
  });

  it('tells the volume cache it is ready once it follows a revision, cached or loaded', async () => {
    const cached = setup(modelAt(10));
    expect(cached.volumes.readies).toBe(0);
    cached.socket.on.connect();
    await settle();
    expect(cached.volumes).toMatchObject({ readies: 1, resyncs: 0 });
    const fresh = setup();
    fresh.cache.snapshots.push(modelAt(3));
    fresh.socket.on.connect();
    await settle();
    expect(fresh.volumes).toMatchObject({ readies: 1, resyncs: 1 });
  });

  it('tells the volume cache to reload whenever the topology reloads from a snapshot', async () => {
    const { socket, cache, volumes } = setup(modelAt(10));
    socket.on.connect();
    await settle();
    expect(volumes.resyncs).toBe(0);
    cache.snapshots.push(modelAt(20));
    socket.on.deltas({ fromRevision: 15, toRevision: 16, deltas: [volumeDelta.remove(16, 'pvc-a')] });
    await settle();
    expect(volumes.resyncs).toBe(1);
    expect(volumes.applied).toEqual([]);
  });
});
