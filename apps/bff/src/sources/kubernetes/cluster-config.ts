import { readFileSync } from 'node:fs';
import { isIPv6 } from 'node:net';
import { delimiter, dirname, join } from 'node:path';
import { IdSchema } from '@drivebay/api-types';
import { type Cluster, type Context, KubeConfig, type User } from '@kubernetes/client-node';
import { ConfigError } from '../../config.js';

/** One Kubernetes cluster the podwatcher follows. */
export interface ClusterTarget {
  /** The logical-cluster id composer volumes carry, derived from the context name. */
  id: string;
  context: string;
  source: 'kubeconfig' | 'in-cluster';
  server: string;
  /** A copy whose current context is `context`: `makeApiClient` talks to this cluster only. */
  kubeConfig: KubeConfig;
}

export interface ClusterOptions {
  /** --kubeconfig paths, in order; when empty, the KUBECONFIG path list. */
  kubeconfigs: string[];
  /** --context names; when empty, the kubeconfig's current-context. */
  contexts: string[];
  /** --in-cluster: also watch the cluster this pod runs in. */
  inCluster: boolean;
  env: NodeJS.ProcessEnv;
  readFile?: (path: string) => string;
  /** Where the pod's service-account token and CA are mounted. */
  serviceAccountDir?: string;
}

export const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';
export const IN_CLUSTER_ID = 'in-cluster';

const readUtf8 = (path: string) => readFileSync(path, 'utf8');

/** The clusters to watch, or 'simulator' when nothing points at a real one; mistakes throw ConfigError. */
export function resolveClusters(options: ClusterOptions): ClusterTarget[] | 'simulator' {
  const readFile = options.readFile ?? readUtf8;
  const fromFlags = options.kubeconfigs.length > 0;
  const paths = fromFlags
    ? options.kubeconfigs
    : (options.env.KUBECONFIG ?? '').split(delimiter).filter(Boolean);
  if (paths.includes('')) throw new ConfigError('--kubeconfig: give a file path');
  const saDir = options.serviceAccountDir ?? SERVICE_ACCOUNT_DIR;
  const inCluster = options.inCluster || (paths.length === 0 && runsInPod(options.env, saDir, readFile));
  if (paths.length === 0 && options.contexts.length > 0) {
    throw new ConfigError('--context: needs a kubeconfig (--kubeconfig <path> or KUBECONFIG)');
  }
  const targets: ClusterTarget[] = [];
  if (inCluster) targets.push(inClusterTarget(options.env, saDir, readFile));
  if (paths.length > 0) {
    const merged = loadKubeconfigs(paths, fromFlags ? '--kubeconfig' : 'KUBECONFIG', readFile);
    targets.push(...contextTargets(merged, options.contexts));
  }
  if (targets.length === 0) return 'simulator';
  checkDistinctIds(targets);
  return targets;
}

/** The context name as a logical-cluster id: lowercase, other characters '-', at most 128. */
export function clusterIdFor(context: string): string {
  const id = context
    .toLowerCase()
    .replace(/[^a-z0-9._-]/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, 128);
  if (!IdSchema.safeParse(id).success) {
    throw new ConfigError(`--context ${context}: cannot be made into a cluster id (needs a letter or digit)`);
  }
  return id;
}

/** Reads and merges kubeconfig files as kubectl does: the first file to set a name or current-context wins. */
function loadKubeconfigs(paths: string[], flag: string, readFile: (path: string) => string): KubeConfig {
  const merged = new KubeConfig();
  merged.loadFromOptions({ clusters: [], users: [], contexts: [], currentContext: '' });
  let found = 0;
  for (const path of paths) {
    let text: string;
    try {
      text = readFile(path);
    } catch (error) {
      // kubectl skips KUBECONFIG entries that do not exist; a file named by a flag must.
      if (flag === 'KUBECONFIG' && (error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw new ConfigError(`${flag} ${path}: cannot read: ${(error as Error).message}`);
    }
    found += 1;
    const file = parseKubeconfig(text, `${flag} ${path}`);
    file.makePathsAbsolute(dirname(path));
    mergeFirstWins(merged, file);
  }
  if (found === 0) throw new ConfigError(`${flag}: none of these files exist: ${paths.join(', ')}`);
  return merged;
}

function parseKubeconfig(text: string, where: string): KubeConfig {
  if (text.trim() === '') throw new ConfigError(`${where}: not a valid kubeconfig: the file is empty`);
  const kc = new KubeConfig();
  try {
    kc.loadFromString(text);
  } catch (error) {
    throw new ConfigError(`${where}: not a valid kubeconfig: ${yamlReason(error)}`);
  }
  return kc;
}

// js-yaml's message quotes the lines around the mistake, which may hold a token: keep the reason and line.
function yamlReason(error: unknown): string {
  if (error instanceof Error && 'reason' in error && 'mark' in error) {
    const mark = error.mark as { line?: number } | undefined;
    return `${String(error.reason)}${mark?.line === undefined ? '' : ` (line ${mark.line + 1})`}`;
  }
  return error instanceof Error ? error.message : String(error);
}

// client-node's mergeConfig throws on duplicate names; kubectl keeps the first file's entry.
function mergeFirstWins(into: KubeConfig, from: KubeConfig): void {
  const absent =
    <T extends { name: string }>(list: T[]) =>
    (item: T) =>
      !list.some((i) => i.name === item.name);
  into.clusters.push(...from.clusters.filter(absent(into.clusters)));
  into.users.push(...from.users.filter(absent(into.users)));
  into.contexts.push(...from.contexts.filter(absent(into.contexts)));
  if (!into.currentContext && from.currentContext) into.currentContext = from.currentContext;
}

function contextTargets(merged: KubeConfig, contexts: string[]): ClusterTarget[] {
  const available = merged.contexts.map((c) => c.name).join(', ') || 'none';
  const names = contexts.length > 0 ? [...new Set(contexts)] : [merged.currentContext].filter(Boolean);
  if (names.length === 0) {
    throw new ConfigError(
      `--context: the kubeconfig sets no current-context; name one (available: ${available})`,
    );
  }
  return names.map((name) => {
    const context = merged.getContextObject(name);
    if (!context) throw new ConfigError(`--context ${name}: no such context (available: ${available})`);
    const cluster = merged.getCluster(context.cluster);
    if (!cluster) throw new ConfigError(`--context ${name}: its cluster "${context.cluster}" is not defined`);
    const user = context.user ? merged.getUser(context.user) : null;
    if (context.user && !user)
      throw new ConfigError(`--context ${name}: its user "${context.user}" is not defined`);
    const kubeConfig = kubeConfigOf(cluster, user, context);
    return {
      id: clusterIdFor(name),
      context: name,
      source: 'kubeconfig',
      server: cluster.server,
      kubeConfig,
    };
  });
}

function kubeConfigOf(cluster: Cluster, user: User | null, context: Context): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [cluster],
    users: user ? [user] : [],
    contexts: [context],
    currentContext: context.name,
  });
  return kc;
}

function runsInPod(env: NodeJS.ProcessEnv, saDir: string, readFile: (path: string) => string): boolean {
  if (!env.KUBERNETES_SERVICE_HOST || !env.KUBERNETES_SERVICE_PORT) return false;
  try {
    readFile(join(saDir, 'token'));
    return true;
  } catch {
    return false;
  }
}

// What client-node's loadFromCluster builds, but from the given env and mount: it reads process.env.
function inClusterTarget(
  env: NodeJS.ProcessEnv,
  saDir: string,
  readFile: (path: string) => string,
): ClusterTarget {
  const host = env.KUBERNETES_SERVICE_HOST;
  const port = env.KUBERNETES_SERVICE_PORT;
  if (!host || !port) {
    throw new ConfigError(
      '--in-cluster: KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT are not set (not in a pod?)',
    );
  }
  const tokenFile = join(saDir, 'token');
  try {
    readFile(tokenFile);
  } catch (error) {
    throw new ConfigError(
      `--in-cluster: cannot read the service-account token ${tokenFile}: ${(error as Error).message}`,
    );
  }
  const server = `https://${isIPv6(host) ? `[${host}]` : host}:${port}`;
  const cluster: Cluster = {
    name: IN_CLUSTER_ID,
    server,
    caFile: join(saDir, 'ca.crt'),
    skipTLSVerify: false,
  };
  // The tokenFile provider rereads the file: projected service-account tokens rotate.
  const user: User = { name: IN_CLUSTER_ID, authProvider: { name: 'tokenFile', config: { tokenFile } } };
  const context: Context = { name: IN_CLUSTER_ID, cluster: IN_CLUSTER_ID, user: IN_CLUSTER_ID };
  const kubeConfig = kubeConfigOf(cluster, user, context);
  return { id: IN_CLUSTER_ID, context: IN_CLUSTER_ID, source: 'in-cluster', server, kubeConfig };
}

function checkDistinctIds(targets: ClusterTarget[]): void {
  const seen = new Map<string, string>();
  for (const target of targets) {
    const name = target.source === 'in-cluster' ? '--in-cluster' : `--context ${target.context}`;
    const other = seen.get(target.id);
    if (other !== undefined) {
      throw new ConfigError(
        `${other} and ${name}: both become cluster id "${target.id}"; rename one context`,
      );
    }
    seen.set(target.id, name);
  }
}
