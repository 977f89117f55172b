import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { VolumeSchema } from '@drivebay/api-types';
import { call } from '@drivebay/bff/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockCapability, GiB, mountCapability, startWorld, type World } from './world.js';

// The Node service over the real unix socket: NodeStage → NodePublish → NodeUnpublish →
// NodeUnstage as the kubelet calls them, with the emulated host doing the steps on this machine
// (bind mounts when this process may make them, a recorded mount table otherwise).

let w: World;
let staging: string;
beforeAll(async () => {
  w = await startWorld({ mounts: canBind() ? 'bind' : 'record' });
  staging = join(w.dir, 'kubelet', 'plugins', 'csi.drivebay.io', 'pvc-node', 'globalmount');
  await w.controller.call('Controller', 'CreateVolume', {
    name: 'pvc-node',
    capacity_range: { required_bytes: String(4 * GiB) },
    volume_capabilities: [mountCapability()],
    parameters: { type: 'slice' },
  });
  await w.controller.call('Controller', 'ControllerPublishVolume', {
    volume_id: 'pvc-node',
    node_id: w.server.id,
    volume_capability: mountCapability(),
  });
});
afterAll(async () => {
  // Leave nothing mounted: unpublish and unstage whatever a failed test left behind.
  await w?.node
    .call('Node', 'NodeUnpublishVolume', { volume_id: 'pvc-node', target_path: target('a') })
    .catch(() => {});
  await w?.node
    .call('Node', 'NodeUnpublishVolume', { volume_id: 'pvc-node', target_path: target('b') })
    .catch(() => {});
  await w?.node
    .call('Node', 'NodeUnstageVolume', { volume_id: 'pvc-node', staging_target_path: staging })
    .catch(() => {});
  await w?.close();
});

/** Whether this process may bind-mount (root on Linux); the bind-mode assertions need it. */
function canBind(): boolean {
  return process.platform === 'linux' && process.getuid?.() === 0;
}

const target = (pod: string) =>
  join(w.dir, 'kubelet', 'pods', pod, 'volumes', 'kubernetes.io~csi', 'pvc-node', 'mount');
const drivebayVolume = async (id: string) =>
  VolumeSchema.parse((await call(w.app.viewer, 'GET', `/api/v1/volumes/${id}`)).body);
const stage = (request: object = {}) =>
  w.node.call('Node', 'NodeStageVolume', {
    volume_id: 'pvc-node',
    staging_target_path: staging,
    volume_capability: mountCapability(),
    ...request,
  });
const publish = (pod: string, request: object = {}) =>
  w.node.call('Node', 'NodePublishVolume', {
    volume_id: 'pvc-node',
    staging_target_path: staging,
    target_path: target(pod),
    volume_capability: mountCapability(),
    ...request,
  });

describe('NodeGetInfo and NodeGetCapabilities', () => {
  it('reports the server the plugin runs on as the node id', async () => {
    expect(await w.node.call('Node', 'NodeGetInfo')).toMatchObject({
      node_id: w.server.id,
      max_volumes_per_node: '128',
    });
    const { capabilities } = await w.node.call<{ capabilities: { rpc: { type: string } }[] }>(
      'Node',
      'NodeGetCapabilities',
    );
    expect(capabilities.map((c) => c.rpc.type)).toEqual(
      expect.arrayContaining([
        'STAGE_UNSTAGE_VOLUME',
        'GET_VOLUME_STATS',
        'EXPAND_VOLUME',
        'VOLUME_CONDITION',
      ]),
    );
  });
});

describe('the node path of a mount volume', () => {
  it('refuses a stage without its arguments, of an unknown volume, or of one attached elsewhere', async () => {
    await expect(stage({ staging_target_path: '' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(stage({ volume_capability: null })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(stage({ volume_id: 'pvc-unknown' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(stage({ volume_capability: blockCapability() })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    // A whole HDD: a slice could land right after pvc-node's and keep it from growing in place.
    await w.controller.call('Controller', 'CreateVolume', {
      name: 'pvc-elsewhere',
      volume_capabilities: [mountCapability()],
      parameters: { type: 'hdd' },
    });
    await w.controller.call('Controller', 'ControllerPublishVolume', {
      volume_id: 'pvc-elsewhere',
      node_id: w.other.id,
      volume_capability: mountCapability(),
    });
    await expect(stage({ volume_id: 'pvc-elsewhere' })).rejects.toMatchObject({
      code: 'FAILED_PRECONDITION',
      details: expect.stringMatching(/published to server .*, not this node/),
    });
  });

  it('refuses NodePublish before the volume is staged', async () => {
    await expect(publish('a')).rejects.toMatchObject({
      code: 'FAILED_PRECONDITION',
      details: expect.stringMatching(/not staged/),
    });
  });

  it('stages once (a repeat changes nothing) and refuses a second staging path', async () => {
    mkdirSync(staging, { recursive: true }); // the CO creates the staging path
    await expect(stage()).resolves.toEqual({});
    await expect(stage()).resolves.toEqual({});
    await expect(stage({ staging_target_path: `${staging}-2` })).rejects.toMatchObject({
      code: 'FAILED_PRECONDITION',
    });
    expect(await drivebayVolume('pvc-node')).toMatchObject({ lifecycle: 'NodeStaged', stagingPath: staging });
  });

  it('publishes into pods: the plugin creates each target, and data written there is the volume’s', async () => {
    await expect(publish('a', { target_path: '' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(publish('a', { staging_target_path: '' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    await expect(publish('a')).resolves.toEqual({});
    await expect(publish('a')).resolves.toEqual({});
    await expect(publish('b', { readonly: true })).resolves.toEqual({});
    expect(statSync(target('a')).isDirectory()).toBe(true);
    expect(await drivebayVolume('pvc-node')).toMatchObject({
      lifecycle: 'NodePublished',
      targetPaths: [target('a'), target('b')],
    });
    if (canBind()) {
      writeFileSync(join(target('a'), 'hello.txt'), 'from pod a');
      // The same filesystem at the staging path and in the other pod.
      expect(readFileSync(join(staging, 'hello.txt'), 'utf8')).toBe('from pod a');
      expect(readFileSync(join(target('b'), 'hello.txt'), 'utf8')).toBe('from pod a');
      expect(() => writeFileSync(join(target('b'), 'nope.txt'), 'x')).toThrow(/EROFS|read-only/i);
    }
  });

  it('reports volume stats for a published path, and NOT_FOUND for a path it does not know', async () => {
    const stats = await w.node.call<{
      usage: { unit: string; total: string; used: string; available: string }[];
      volume_condition: { abnormal: boolean };
    }>('Node', 'NodeGetVolumeStats', { volume_id: 'pvc-node', volume_path: target('a') });
    const bytes = stats.usage.find((u) => u.unit === 'BYTES');
    expect(BigInt(bytes?.total ?? '0')).toBe(BigInt((await drivebayVolume('pvc-node')).capacityBytes));
    expect(BigInt(bytes?.used ?? '0') + BigInt(bytes?.available ?? '0')).toBe(BigInt(bytes?.total ?? '-1'));
    expect(stats.volume_condition.abnormal).toBe(false);
    await expect(
      w.node.call('Node', 'NodeGetVolumeStats', {
        volume_id: 'pvc-node',
        volume_path: join(w.dir, 'not-mounted'),
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      w.node.call('Node', 'NodeGetVolumeStats', { volume_id: 'pvc-unknown', volume_path: target('a') }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('grows the filesystem after ControllerExpandVolume, online', async () => {
    await w.controller.call('Controller', 'ControllerExpandVolume', {
      volume_id: 'pvc-node',
      capacity_range: { required_bytes: String(6 * GiB) },
    });
    const grown = await w.node.call<{ capacity_bytes: string }>('Node', 'NodeExpandVolume', {
      volume_id: 'pvc-node',
      volume_path: target('a'),
      capacity_range: { required_bytes: String(6 * GiB) },
    });
    expect(BigInt(grown.capacity_bytes)).toBeGreaterThanOrEqual(BigInt(6 * GiB));
    await expect(
      w.node.call('Node', 'NodeExpandVolume', {
        volume_id: 'pvc-node',
        volume_path: target('a'),
        capacity_range: { required_bytes: String(60 * GiB) },
      }),
    ).rejects.toMatchObject({ code: 'OUT_OF_RANGE' });
  });

  it('unpublishes (removing the target) and unstages, each idempotently, back to ControllerPublished', async () => {
    await expect(
      w.node.call('Node', 'NodeUnstageVolume', { volume_id: 'pvc-node', staging_target_path: staging }),
    ).rejects.toMatchObject({
      code: 'FAILED_PRECONDITION',
    });
    for (const pod of ['a', 'b', 'a']) {
      await expect(
        w.node.call('Node', 'NodeUnpublishVolume', { volume_id: 'pvc-node', target_path: target(pod) }),
      ).resolves.toEqual({});
    }
    expect(existsSync(target('a'))).toBe(false);
    for (let i = 0; i < 2; i++) {
      await expect(
        w.node.call('Node', 'NodeUnstageVolume', { volume_id: 'pvc-node', staging_target_path: staging }),
      ).resolves.toEqual({});
    }
    expect(await drivebayVolume('pvc-node')).toMatchObject({
      lifecycle: 'ControllerPublished',
      stagingPath: null,
      targetPaths: [],
      csi: { lastCall: { rpc: 'NodeUnstageVolume' } },
    });
    if (canBind()) expect(readFileSync('/proc/self/mountinfo', 'utf8')).not.toContain(w.dir);
  });

  it('stages again onto the same data: nothing is reformatted', async () => {
    await stage();
    await publish('c');
    if (canBind()) expect(readFileSync(join(target('c'), 'hello.txt'), 'utf8')).toBe('from pod a');
    await w.node.call('Node', 'NodeUnpublishVolume', { volume_id: 'pvc-node', target_path: target('c') });
    await w.node.call('Node', 'NodeUnstageVolume', { volume_id: 'pvc-node', staging_target_path: staging });
  });
});

describe('the node path of a block volume', () => {
  it('publishes the device as a file at the target path', async () => {
    await w.controller.call('Controller', 'CreateVolume', {
      name: 'pvc-raw',
      capacity_range: { required_bytes: String(GiB) },
      volume_capabilities: [blockCapability()],
      parameters: { type: 'slice' },
    });
    await w.controller.call('Controller', 'ControllerPublishVolume', {
      volume_id: 'pvc-raw',
      node_id: w.server.id,
      volume_capability: blockCapability(),
    });
    const rawStaging = join(
      w.dir,
      'kubelet',
      'plugins',
      'csi.drivebay.io',
      'volumeDevices',
      'staging',
      'pvc-raw',
    );
    const rawTarget = join(
      w.dir,
      'kubelet',
      'plugins',
      'csi.drivebay.io',
      'volumeDevices',
      'publish',
      'pvc-raw',
      'pod-uid',
    );
    mkdirSync(rawStaging, { recursive: true });
    const request = { volume_id: 'pvc-raw', volume_capability: blockCapability() };
    await w.node.call('Node', 'NodeStageVolume', { ...request, staging_target_path: rawStaging });
    await w.node.call('Node', 'NodePublishVolume', {
      ...request,
      staging_target_path: rawStaging,
      target_path: rawTarget,
    });
    expect(statSync(rawTarget).isFile()).toBe(true);
    await expect(
      w.node.call('Node', 'NodePublishVolume', {
        volume_id: 'pvc-raw',
        volume_capability: mountCapability(),
        staging_target_path: rawStaging,
        target_path: rawTarget,
      }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await w.node.call('Node', 'NodeUnpublishVolume', { volume_id: 'pvc-raw', target_path: rawTarget });
    await w.node.call('Node', 'NodeUnstageVolume', { volume_id: 'pvc-raw', staging_target_path: rawStaging });
    expect(existsSync(rawTarget)).toBe(false);
  });
});

describe('concurrent node calls on one volume', () => {
  it('the kubelet’s overlapping NodeStage retries each stage it or are ABORTED; the host formats once', async () => {
    await w.controller.call('Controller', 'CreateVolume', {
      name: 'pvc-race',
      capacity_range: { required_bytes: String(GiB) },
      volume_capabilities: [mountCapability()],
      parameters: { type: 'slice' },
    });
    await w.controller.call('Controller', 'ControllerPublishVolume', {
      volume_id: 'pvc-race',
      node_id: w.server.id,
      volume_capability: mountCapability(),
    });
    const raceStaging = join(w.dir, 'kubelet', 'plugins', 'csi.drivebay.io', 'pvc-race', 'globalmount');
    mkdirSync(raceStaging, { recursive: true });
    const stageRace = () =>
      w.node.call('Node', 'NodeStageVolume', {
        volume_id: 'pvc-race',
        staging_target_path: raceStaging,
        volume_capability: mountCapability(),
      });
    try {
      const outcomes = await Promise.allSettled([stageRace(), stageRace(), stageRace(), stageRace()]);
      expect(outcomes.some((o) => o.status === 'fulfilled')).toBe(true);
      for (const o of outcomes)
        if (o.status === 'rejected') expect(o.reason).toMatchObject({ code: 'ABORTED' });
      // The CO's retry after an ABORTED finds it staged: OK, nothing done again.
      await expect(stageRace()).resolves.toEqual({});
      const steps = readFileSync(join(w.hostDir, 'volumes', 'pvc-race', 'steps.log'), 'utf8');
      expect(steps.match(/\bmkfs\b/g)).toHaveLength(1);
      expect(await drivebayVolume('pvc-race')).toMatchObject({
        lifecycle: 'NodeStaged',
        stagingPath: raceStaging,
      });
    } finally {
      await w.node.call('Node', 'NodeUnstageVolume', {
        volume_id: 'pvc-race',
        staging_target_path: raceStaging,
      });
    }
  });
});
