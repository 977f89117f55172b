import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPluginLog, type RunningPlugin, startPlugin } from '@drivebay/csi';
import { EmulatedHost } from '@drivebay/csi/host';
import { GrpcCsiDriver } from '@drivebay/simulation';
import type { Security } from '../auth/security.js';
import type { Logger } from '../log.js';

/** The embedded plugin's account: an operator nobody can sign in as (it has no password). */
export const CSI_SERVICE_USER = 'csi-plugin';
const TOKEN_DAYS = 366;

/** The embedded default's CSI plugin, running: the driver the simulated cluster calls. */
export interface EmbeddedCsi {
  driver: GrpcCsiDriver;
  /** Where the plugin's Secret is, as a real deployment mounts it. */
  secretDir: string;
  close(): Promise<void>;
}

/**
 * Drivebay's CSI plugin as the embedded default runs it: the same plugin a cluster deploys, in
 * this process, on unix sockets, a client of this server's HTTP API with its own token (written
 * as the Secret's files, under data/csi/secret). One controller, and a node plugin per node
 * started when that node's kubelet first needs it, each with an emulated host under
 * data/csi/nodes/<node> (see the README for which of its steps are real).
 */
export async function startEmbeddedCsi(options: {
  url: string;
  dataDir: string;
  cluster: string;
  security: Security;
  ca?: string | undefined;
  log: Logger;
}): Promise<EmbeddedCsi> {
  const base = join(options.dataDir, 'csi');
  const secretDir = join(base, 'secret');
  await ensureCredentials(secretDir, options);
  // Sockets in a short temp dir: a unix socket path is at most 107 bytes, a data dir may be long.
  const sockets = mkdtempSync(join(tmpdir(), 'drivebay-csi-'));
  const pluginLog = createPluginLog('warn', { component: 'csi-plugin' });
  const plugins: RunningPlugin[] = [];
  const controller = await startPlugin({
    mode: 'controller',
    endpoint: `unix://${join(sockets, 'controller.sock')}`,
    credentials: secretDir,
    cluster: options.cluster,
    log: pluginLog,
  });
  plugins.push(controller);
  const nodes = new Map<string, Promise<{ socketPath: string; kubeletDir: string }>>();
  const startNode = async (nodeName: string, serverId: string) => {
    const dir = join(base, 'nodes', nodeName);
    const plugin = await startPlugin({
      mode: 'node',
      endpoint: `unix://${join(sockets, `${nodes.size}.sock`)}`,
      credentials: secretDir,
      cluster: options.cluster,
      nodeId: serverId,
      host: new EmulatedHost({ stateDir: join(dir, 'host'), mounts: 'record' }),
      log: pluginLog,
    });
    plugins.push(plugin);
    return { socketPath: plugin.socketPath, kubeletDir: join(dir, 'kubelet') };
  };
  const driver = new GrpcCsiDriver({
    controller: controller.socketPath,
    node(nodeName, serverId) {
      let started = nodes.get(nodeName);
      if (!started) {
        started = startNode(nodeName, serverId);
        nodes.set(nodeName, started);
        started.catch(() => nodes.delete(nodeName));
      }
      return started;
    },
  });
  options.log.info('csi plugin started', { controller: controller.socketPath, secretDir });
  return {
    driver,
    secretDir,
    async close() {
      driver.close();
      for (const plugin of plugins) await plugin.close();
      rmSync(sockets, { recursive: true, force: true });
    },
  };
}

/**
 * The Secret's files: this server's URL and a write-scoped token of the service account, kept
 * across restarts while the token is live, minted again when it is not (revoked, expired).
 */
async function ensureCredentials(
  secretDir: string,
  options: { url: string; security: Security; ca?: string | undefined },
): Promise<void> {
  mkdirSync(secretDir, { recursive: true, mode: 0o700 });
  const tokenFile = join(secretDir, 'token');
  const current = existsSync(tokenFile) ? readFileSync(tokenFile, 'utf8').trim() : '';
  const live = current ? await options.security.tokens.resolve(current) : undefined;
  if (!live) {
    const { users, tokens } = options.security;
    if (!(await users.get(CSI_SERVICE_USER))) await users.create(CSI_SERVICE_USER, 'operator', undefined);
    const { secret } = await tokens.create(CSI_SERVICE_USER, 'embedded CSI plugin', ['write'], TOKEN_DAYS);
    writeFileSync(tokenFile, `${secret}\n`, { mode: 0o600 });
  }
  writeFileSync(join(secretDir, 'server'), `${options.url}\n`);
  if (options.ca) writeFileSync(join(secretDir, 'ca.crt'), options.ca);
  chmodSync(tokenFile, 0o600);
}
