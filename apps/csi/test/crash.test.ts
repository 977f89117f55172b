import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreatedTokenSchema,
  TopologySnapshotSchema,
  VolumeListSchema,
  VolumeSchema,
} from '@drivebay/api-types';
import { call, removeDir, startTestApp, type TestApp } from '@drivebay/bff/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CsiClient } from '../src/client/index.js';
import { HoldingProxy } from './holding-proxy.js';
import { bundlePlugin, type PluginProcess, spawnPlugin } from './plugin-process.js';
import { GiB, mountCapability } from './world.js';

// kill -9 the plugin in the middle of CreateVolume and of NodeStage; the caller's retry, to a
// restarted plugin, completes with nothing leaked and nothing twice. The plugin runs as its own
// process, built as `npm run build` builds it.

let app: TestApp;
let proxy: HoldingProxy;
let dir: string;
let bundle: string;
let serverId: string;
const running: PluginProcess[] = [];

beforeAll(async () => {
  app = await startTestApp();
  dir = mkdtempSync(join(tmpdir(), 'dbcsi-crash-'));
  bundle = await bundlePlugin(join(dir, 'bundle'));
  proxy = new HoldingProxy(app.url);
  await proxy.start();
  const { secret } = CreatedTokenSchema.parse(
    (
      await call(app.operator, 'POST', '/api/v1/tokens', {
        name: 'csi-crash',
        scopes: ['write'],
        expiresInDays: 1,
      })
    ).body,
  );
  mkdirSync(join(dir, 'secret'));
  writeFileSync(join(dir, 'secret', 'server'), proxy.url);
  writeFileSync(join(dir, 'secret', 'token'), secret);
  const topology = TopologySnapshotSchema.parse((await call(app.viewer, 'GET', '/api/v1/topology')).body);
  serverId = topology.servers.find((s) => s.state === 'up')?.id ?? '';
}, 120_000);

afterAll(async () => {
  for (const plugin of running) await plugin.stop();
  await proxy?.close();
  await app?.stop();
  removeDir(app?.dataDir ?? '');
  rmSync(dir, { recursive: true, force: true });
});

const socket = (name: string) => join(dir, `${name}.sock`);
async function start(name: string, extra: string[]): Promise<{ plugin: PluginProcess; client: CsiClient }> {
  const plugin = await spawnPlugin(
    bundle,
    [
      '--endpoint',
      `unix://${socket(name)}`,
      '--secret-dir',
      join(dir, 'secret'),
      '--cluster',
      'crash',
      ...extra,
    ],
    socket(name),
  );
  running.push(plugin);
  return { plugin, client: new CsiClient(socket(name), { authority: socket(name), timeoutMs: 30_000 }) };
}

const volumesNamed = async (name: string) =>
  VolumeListSchema.parse((await call(app.viewer, 'GET', `/api/v1/volumes?q=${name}`)).body).volumes.filter(
    (v) => v.name === name,
  );
const allocatedMembers = async () =>
  VolumeListSchema.parse((await call(app.viewer, 'GET', '/api/v1/volumes?limit=1000')).body).volumes.reduce(
    (n, v) => n + v.members.length,
    0,
  );
const createRequest = (name: string) => ({
  name,
  capacity_range: { required_bytes: String(8 * GiB) },
  volume_capabilities: [mountCapability()],
  parameters: { type: 'slice', redundancy: 'true' },
});

describe('kill -9 during CreateVolume', () => {
  for (const when of ['before', 'after'] as const) {
    it(`a retry after the plugin died ${when === 'before' ? 'before Drivebay saw the call' : 'after Drivebay committed it'} composes exactly one volume`, async () => {
      const name = `pvc-crash-${when}`;
      const membersBefore = await allocatedMembers();
      const { plugin, client } = await start(`create-${when}`, ['--mode', 'controller']);
      const held = proxy.holdNext((req) => req.method === 'POST' && req.url === '/api/v1/volumes', when);
      // Settled into a value at once: it fails while the test is busy killing the plugin.
      const first = client
        .call('Controller', 'CreateVolume', createRequest(name))
        .catch((error: unknown) => error);
      await held;
      await plugin.kill9();
      expect(await first).toMatchObject({ code: expect.stringMatching(/UNAVAILABLE|INTERNAL|CANCELLED/) });
      client.close();
      expect((await volumesNamed(name)).length).toBe(when === 'after' ? 1 : 0);

      const restarted = await start(`create-${when}-2`, ['--mode', 'controller']);
      const retried = await restarted.client.call<{ volume: { volume_id: string } }>(
        'Controller',
        'CreateVolume',
        createRequest(name),
      );
      expect(retried.volume.volume_id).toBe(name);
      const volumes = await volumesNamed(name);
      expect(volumes.length).toBe(1);
      // One mirrored slice: two members allocated, not four.
      expect((await allocatedMembers()) - membersBefore).toBe(volumes[0]?.members.length);
      expect(volumes[0]?.members.length).toBe(2);
      restarted.client.close();
      await restarted.plugin.stop();
    });
  }
});

describe('kill -9 during NodeStage', () => {
  it('a retry after the plugin died mid-attach stages once: one mount, one mkfs, the record complete', async () => {
    const name = 'pvc-crash-stage';
    const controller = await start('controller', ['--mode', 'controller']);
    await controller.client.call('Controller', 'CreateVolume', createRequest(name));
    await controller.client.call('Controller', 'ControllerPublishVolume', {
      volume_id: name,
      node_id: serverId,
      volume_capability: mountCapability(),
    });
    const stateDir = join(dir, 'node-state');
    // Slow attach steps (standing for fabric latency) leave time to kill the plugin between them.
    const nodeFlags = [
      '--mode',
      'node',
      '--node-id',
      serverId,
      '--state-dir',
      stateDir,
      '--host-mounts',
      'record',
      '--emulated-fabric-latency-ms',
      '400',
    ];
    const node = await start('node', nodeFlags);
    const staging = join(dir, 'kubelet', name, 'globalmount');
    mkdirSync(staging, { recursive: true });
    const request = { volume_id: name, staging_target_path: staging, volume_capability: mountCapability() };
    const stepsLog = join(stateDir, 'volumes', name, 'steps.log');
    const first = node.client.call('Node', 'NodeStageVolume', request).catch((error: unknown) => error);
    const deadline = Date.now() + 10_000;
    while (!(existsSync(stepsLog) && readFileSync(stepsLog, 'utf8').trim().split('\n').length >= 1)) {
      if (Date.now() > deadline) throw new Error('the host never began attaching');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await node.plugin.kill9();
    expect(await first).toMatchObject({ code: expect.stringMatching(/UNAVAILABLE|INTERNAL|CANCELLED/) });
    const journaled = readFileSync(stepsLog, 'utf8').trim().split('\n');
    // Killed part way through attaching: not every step of the stage was done.
    expect(journaled.some((line) => line.includes('mount -o'))).toBe(false);
    node.client.close();
    const volume = VolumeSchema.parse((await call(app.viewer, 'GET', `/api/v1/volumes/${name}`)).body);
    expect(volume.lifecycle).toBe('ControllerPublished'); // Drivebay records a stage only once the host has done it

    const again = await start('node-2', nodeFlags);
    await expect(again.client.call('Node', 'NodeStageVolume', request)).resolves.toEqual({});
    await expect(again.client.call('Node', 'NodeStageVolume', request)).resolves.toEqual({});
    const staged = VolumeSchema.parse((await call(app.viewer, 'GET', `/api/v1/volumes/${name}`)).body);
    expect(staged).toMatchObject({ lifecycle: 'NodeStaged', stagingPath: staging });
    const log = readFileSync(stepsLog, 'utf8');
    expect(log.match(/mkfs/g)?.length ?? 0).toBeLessThanOrEqual(1);
    const table = JSON.parse(readFileSync(join(stateDir, 'mounts.json'), 'utf8')) as unknown;
    const entries = JSON.stringify(table).split(staging).length - 1;
    expect(entries).toBe(1);
    await again.client.call('Node', 'NodeUnstageVolume', { volume_id: name, staging_target_path: staging });
    again.client.close();
    controller.client.close();
  });
});
