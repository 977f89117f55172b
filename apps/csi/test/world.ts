import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreatedTokenSchema, type Server, TopologySnapshotSchema } from '@drivebay/api-types';
import { call, removeDir, startTestApp, type TestApp } from '@drivebay/bff/testing';
import { CsiClient } from '../src/client/index.js';
import { EmulatedHost } from '../src/host/index.js';
import { createPluginLog, type RunningPlugin, startPlugin } from '../src/index.js';

/**
 * A real Drivebay (SQLite, the simulated site) on loopback, a token minted through its API and
 * written as the plugin's Secret, and the plugin serving on unix sockets in a temp dir: one
 * controller, and one node plugin on a server of the site. The clients send the socket path as
 * :authority, as kubelet and the sidecars did before kubernetes/kubernetes#112597.
 */
export interface World {
  app: TestApp;
  dir: string;
  secretDir: string;
  controller: CsiClient;
  node: CsiClient;
  /** The server the node plugin runs on, and another one that is up. */
  server: Server;
  other: Server;
  host: EmulatedHost;
  hostDir: string;
  controllerPlugin: RunningPlugin;
  nodePlugin: RunningPlugin;
  close(): Promise<void>;
}

export const CLUSTER = 'conformance';

export async function startWorld(options: { mounts?: 'record' | 'bind' } = {}): Promise<World> {
  const app = await startTestApp();
  // Short: a unix socket path is at most 107 bytes.
  const dir = mkdtempSync(join(tmpdir(), 'dbcsi-'));
  const secretDir = join(dir, 'secret');
  mkdirSync(secretDir);
  const minted = await call(app.operator, 'POST', '/api/v1/tokens', {
    name: 'csi-conformance',
    scopes: ['write'],
    expiresInDays: 1,
  });
  const { secret } = CreatedTokenSchema.parse(minted.body);
  writeFileSync(join(secretDir, 'server'), app.url);
  writeFileSync(join(secretDir, 'token'), secret);
  const topology = TopologySnapshotSchema.parse((await call(app.viewer, 'GET', '/api/v1/topology')).body);
  const up = topology.servers.filter((s) => s.state === 'up');
  const [server, other] = up;
  if (!server || !other) throw new Error('the simulated site has fewer than two servers up');
  const log = createPluginLog('silent');
  const controllerPlugin = await startPlugin({
    mode: 'controller',
    endpoint: `unix://${join(dir, 'controller.sock')}`,
    credentials: secretDir,
    cluster: CLUSTER,
    log,
  });
  const hostDir = join(dir, 'host');
  const host = new EmulatedHost({ stateDir: hostDir, mounts: options.mounts ?? 'record' });
  const nodePlugin = await startPlugin({
    mode: 'node',
    endpoint: `unix://${join(dir, 'node.sock')}`,
    credentials: secretDir,
    cluster: CLUSTER,
    nodeId: server.id,
    host,
    log,
  });
  const controller = new CsiClient(controllerPlugin.socketPath, { authority: controllerPlugin.socketPath });
  const node = new CsiClient(nodePlugin.socketPath, { authority: nodePlugin.socketPath });
  return {
    app,
    dir,
    secretDir,
    controller,
    node,
    server,
    other,
    host,
    hostDir,
    controllerPlugin,
    nodePlugin,
    async close() {
      controller.close();
      node.close();
      await controllerPlugin.close();
      await nodePlugin.close();
      await app.stop();
      removeDir(app.dataDir);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const GiB = 1024 ** 3;

/** A mount capability as external-provisioner sends it. */
export const mountCapability = (fsType = '', mode = 'SINGLE_NODE_WRITER') => ({
  mount: { fs_type: fsType, mount_flags: [] },
  access_mode: { mode },
});
export const blockCapability = (mode = 'SINGLE_NODE_WRITER') => ({ block: {}, access_mode: { mode } });
