import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { RequestOptions } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CoreV1Api, type KubeConfig } from '@kubernetes/client-node';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, usage } from '../../config.js';
import { removeDir } from '../../testing/test-app.js';
import { type ClusterOptions, type ClusterTarget, clusterIdFor, resolveClusters } from './cluster-config.js';

const dirs: string[] = [];
const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((done) => server.close(done));
  for (const dir of dirs.splice(0)) removeDir(dir);
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'drivebay-kubeconfig-'));
  dirs.push(dir);
  return dir;
}

interface ClusterSpec {
  name: string;
  server: string;
}
interface ContextSpec {
  name: string;
  cluster: string;
  user: string;
}

/** A kubeconfig YAML with token users named after their tokens. */
function kubeconfigYaml(clusters: ClusterSpec[], contexts: ContextSpec[], current?: string): string {
  const users = [...new Set(contexts.map((c) => c.user))];
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    ...clusters.flatMap((c) => [
      `- name: ${c.name}`,
      '  cluster:',
      `    server: ${c.server}`,
      '    insecure-skip-tls-verify: true',
    ]),
    'users:',
    ...users.flatMap((u) => [`- name: ${u}`, '  user:', `    token: token-of-${u}`]),
    'contexts:',
    ...contexts.flatMap((c) => [
      `- name: ${c.name}`,
      '  context:',
      `    cluster: ${c.cluster}`,
      `    user: ${c.user}`,
    ]),
    ...(current ? [`current-context: ${current}`] : []),
    '',
  ].join('\n');
}

const twoClusters: ClusterSpec[] = [
  { name: 'east', server: 'https://east.example:6443' },
  { name: 'west', server: 'https://west.example:6443' },
];
const threeContexts: ContextSpec[] = [
  { name: 'admin@east', cluster: 'east', user: 'admin' },
  { name: 'reader@east', cluster: 'east', user: 'reader' },
  { name: 'admin@west', cluster: 'west', user: 'admin' },
];

function writeKubeconfig(yaml: string, dir = tempDir(), name = 'config'): string {
  const path = join(dir, name);
  writeFileSync(path, yaml);
  return path;
}

function resolve(options: Partial<ClusterOptions>): ClusterTarget[] | 'simulator' {
  return resolveClusters({ kubeconfigs: [], contexts: [], inCluster: false, env: {}, ...options });
}

function targets(options: Partial<ClusterOptions>): ClusterTarget[] {
  const result = resolve(options);
  if (result === 'simulator') throw new Error('expected clusters, got the simulator');
  return result;
}

function configError(options: Partial<ClusterOptions>): string {
  try {
    resolve(options);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

/** The Authorization header requests through this kubeconfig carry. */
async function authorization(kubeConfig: KubeConfig): Promise<unknown> {
  const options: RequestOptions = {};
  await kubeConfig.applyToHTTPSOptions(options);
  const headers = options.headers;
  return headers && !Array.isArray(headers) ? (headers as Record<string, unknown>).Authorization : undefined;
}

describe('resolveClusters from kubeconfig files', () => {
  const path = () => writeKubeconfig(kubeconfigYaml(twoClusters, threeContexts, 'reader@east'));

  it('watches the current-context only when no --context is given', async () => {
    const [target, ...rest] = targets({ kubeconfigs: [path()] });
    expect(rest).toEqual([]);
    expect(target).toMatchObject({
      id: 'reader-east',
      context: 'reader@east',
      source: 'kubeconfig',
      server: 'https://east.example:6443',
    });
    expect(target?.kubeConfig.getCurrentContext()).toBe('reader@east');
    expect(await authorization(target!.kubeConfig)).toBe('Bearer token-of-reader');
  });

  it('watches every --context given, each through its own copy of the kubeconfig', async () => {
    const found = targets({ kubeconfigs: [path()], contexts: ['admin@west', 'admin@east', 'admin@west'] });
    expect(found.map((t) => [t.id, t.server])).toEqual([
      ['admin-west', 'https://west.example:6443'],
      ['admin-east', 'https://east.example:6443'],
    ]);
    expect(found.map((t) => t.kubeConfig.getCurrentCluster()?.server)).toEqual(found.map((t) => t.server));
    found[0]?.kubeConfig.setCurrentContext('nowhere');
    expect(found[1]?.kubeConfig.getCurrentContext()).toBe('admin@east');
  });

  it('makes API clients that talk to the context’s cluster with its user', async () => {
    const seen: string[] = [];
    const listen = async (name: string) => {
      const server = createServer((req, res) => {
        seen.push(`${name} ${req.url} ${req.headers.authorization}`);
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ apiVersion: 'v1', kind: 'NamespaceList', metadata: {}, items: [] }));
      });
      servers.push(server);
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
      return { name, server: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
    };
    const clusters = [await listen('east'), await listen('west')];
    const file = writeKubeconfig(kubeconfigYaml(clusters, threeContexts, 'admin@east'));
    const found = targets({ kubeconfigs: [file], contexts: ['reader@east', 'admin@west'] });
    for (const target of found) await target.kubeConfig.makeApiClient(CoreV1Api).listNamespace();
    expect(seen).toEqual([
      'east /api/v1/namespaces Bearer token-of-reader',
      'west /api/v1/namespaces Bearer token-of-admin',
    ]);
  });

  it('names an unknown context and lists the available ones', () => {
    expect(configError({ kubeconfigs: [path()], contexts: ['admin@north'] })).toBe(
      '--context admin@north: no such context (available: admin@east, reader@east, admin@west)',
    );
  });

  it('asks for --context when the kubeconfig has no current-context', () => {
    const file = writeKubeconfig(kubeconfigYaml(twoClusters, threeContexts));
    expect(configError({ kubeconfigs: [file] })).toMatch(
      /^--context: .*no current-context.*available: admin@east/,
    );
  });

  it('refuses a context whose cluster or user is not defined', () => {
    const contexts = [
      { name: 'lost', cluster: 'north', user: 'admin' },
      { name: 'anon', cluster: 'east', user: 'admin' },
    ];
    const yaml = kubeconfigYaml(twoClusters, contexts).replace(/users:\n(.*\n){3}/, 'users: []\n');
    const file = writeKubeconfig(yaml);
    expect(configError({ kubeconfigs: [file], contexts: ['lost'] })).toBe(
      '--context lost: its cluster "north" is not defined',
    );
    expect(configError({ kubeconfigs: [file], contexts: ['anon'] })).toBe(
      '--context anon: its user "admin" is not defined',
    );
  });

  it('names the file and the reason when a kubeconfig cannot be read or parsed', () => {
    const dir = tempDir();
    const missing = join(dir, 'missing');
    expect(configError({ kubeconfigs: [missing] })).toMatch(
      new RegExp(`^--kubeconfig ${missing}: cannot read: .*ENOENT`),
    );
    const broken = writeKubeconfig(
      'users:\n- name: a\n  user:\n    token: s3cret\n  bad: [\n',
      dir,
      'broken',
    );
    const message = configError({ kubeconfigs: [broken] });
    expect(message).toMatch(new RegExp(`^--kubeconfig ${broken}: not a valid kubeconfig: .*line \\d+`));
    expect(message).not.toContain('s3cret');
    const invalid = writeKubeconfig('clusters:\n- cluster:\n    server: https://x\n', dir, 'invalid');
    expect(configError({ kubeconfigs: [invalid] })).toBe(
      `--kubeconfig ${invalid}: not a valid kubeconfig: clusters[0].name is missing`,
    );
    const empty = writeKubeconfig('', dir, 'empty');
    expect(configError({ kubeconfigs: [empty] })).toBe(
      `--kubeconfig ${empty}: not a valid kubeconfig: the file is empty`,
    );
  });
});

describe('resolveClusters from KUBECONFIG', () => {
  it('merges the path list, the first file winning on names and current-context', () => {
    const dir = tempDir();
    const first = writeKubeconfig(
      kubeconfigYaml([{ name: 'east', server: 'https://east-1.example' }], [threeContexts[0]!], 'admin@east'),
      dir,
      'first',
    );
    const second = writeKubeconfig(
      kubeconfigYaml(
        [
          { name: 'east', server: 'https://east-2.example' },
          { name: 'west', server: 'https://west-2.example' },
        ],
        [{ ...threeContexts[0]!, user: 'other' }, threeContexts[2]!],
        'admin@west',
      ),
      dir,
      'second',
    );
    const env = { KUBECONFIG: `${first}:${join(dir, 'not-there')}:${second}` };
    expect(targets({ env }).map((t) => [t.context, t.server])).toEqual([
      ['admin@east', 'https://east-1.example'],
    ]);
    const both = targets({ env, contexts: ['admin@east', 'admin@west'] });
    expect(both.map((t) => t.server)).toEqual(['https://east-1.example', 'https://west-2.example']);
  });

  it('lets --kubeconfig replace KUBECONFIG, and fails when no listed file exists', () => {
    const dir = tempDir();
    const flagged = writeKubeconfig(kubeconfigYaml(twoClusters, threeContexts, 'admin@west'), dir, 'flagged');
    const env = { KUBECONFIG: join(dir, 'nope') };
    expect(targets({ env, kubeconfigs: [flagged] }).map((t) => t.context)).toEqual(['admin@west']);
    expect(configError({ env })).toBe(`KUBECONFIG: none of these files exist: ${join(dir, 'nope')}`);
  });
});

describe('cluster ids', () => {
  it('derives an id from the context name', () => {
    expect(clusterIdFor('arn:aws:eks:eu-west-1:123456789012:cluster/Prod')).toBe(
      'arn-aws-eks-eu-west-1-123456789012-cluster-prod',
    );
    expect(clusterIdFor('_Admin@East')).toBe('admin-east');
    expect(clusterIdFor('kind-dev.v1_2')).toBe('kind-dev.v1_2');
    expect(clusterIdFor(`c${'x'.repeat(200)}`)).toHaveLength(128);
    expect(() => clusterIdFor('@@')).toThrow(ConfigError);
  });

  it('refuses two contexts that become the same id', () => {
    const contexts = [
      { name: 'Prod', cluster: 'east', user: 'a' },
      { name: 'prod', cluster: 'west', user: 'a' },
    ];
    const file = writeKubeconfig(kubeconfigYaml(twoClusters, contexts));
    expect(configError({ kubeconfigs: [file], contexts: ['Prod', 'prod'] })).toBe(
      '--context Prod and --context prod: both become cluster id "prod"; rename one context',
    );
  });
});

describe('resolveClusters in a pod', () => {
  function serviceAccount(): string {
    const dir = join(tempDir(), 'serviceaccount');
    mkdirSync(dir);
    writeFileSync(join(dir, 'token'), 'pod-token');
    writeFileSync(join(dir, 'ca.crt'), 'not read until a request');
    return dir;
  }
  const podEnv = { KUBERNETES_SERVICE_HOST: '10.96.0.1', KUBERNETES_SERVICE_PORT: '443' };

  it('uses the service account when asked with --in-cluster', async () => {
    const serviceAccountDir = serviceAccount();
    const [target, ...rest] = targets({ inCluster: true, env: podEnv, serviceAccountDir });
    expect(rest).toEqual([]);
    expect(target).toMatchObject({
      id: 'in-cluster',
      context: 'in-cluster',
      source: 'in-cluster',
      server: 'https://10.96.0.1:443',
    });
    expect(target?.kubeConfig.getCurrentCluster()?.caFile).toBe(join(serviceAccountDir, 'ca.crt'));
    expect(await authorization(target!.kubeConfig)).toBe('Bearer pod-token');
  });

  it('uses it unasked in a pod without kubeconfig, and brackets an IPv6 host', () => {
    const serviceAccountDir = serviceAccount();
    const env = { KUBERNETES_SERVICE_HOST: 'fd00::1', KUBERNETES_SERVICE_PORT: '443' };
    expect(targets({ env, serviceAccountDir }).map((t) => t.server)).toEqual(['https://[fd00::1]:443']);
  });

  it('adds the in-cluster target to kubeconfig contexts when both are asked for', () => {
    const file = writeKubeconfig(kubeconfigYaml(twoClusters, threeContexts, 'admin@west'));
    const found = targets({
      inCluster: true,
      env: podEnv,
      serviceAccountDir: serviceAccount(),
      kubeconfigs: [file],
    });
    expect(found.map((t) => `${t.source}:${t.id}`)).toEqual([
      'in-cluster:in-cluster',
      'kubeconfig:admin-west',
    ]);
  });

  it('explains what is missing when --in-cluster cannot work', () => {
    expect(configError({ inCluster: true })).toMatch(
      /^--in-cluster: KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT/,
    );
    const serviceAccountDir = join(tempDir(), 'none');
    expect(configError({ inCluster: true, env: podEnv, serviceAccountDir })).toMatch(
      new RegExp(`^--in-cluster: cannot read the service-account token ${join(serviceAccountDir, 'token')}`),
    );
  });
});

describe('resolveClusters with nothing configured', () => {
  it('falls back to the simulator, also in a pod without a token', () => {
    expect(resolve({})).toBe('simulator');
    const env = { KUBERNETES_SERVICE_HOST: '10.96.0.1', KUBERNETES_SERVICE_PORT: '443' };
    expect(resolve({ env, serviceAccountDir: join(tempDir(), 'none') })).toBe('simulator');
    expect(resolve({ env: { KUBECONFIG: '' } })).toBe('simulator');
  });

  it('refuses --context without a kubeconfig', () => {
    expect(configError({ contexts: ['admin@east'] })).toBe(
      '--context: needs a kubeconfig (--kubeconfig <path> or KUBECONFIG)',
    );
  });
});

describe('loadConfig Kubernetes flags', () => {
  it('collects repeated --kubeconfig and --context, and --in-cluster', () => {
    const argv = [
      '--kubeconfig',
      'a.yaml',
      '--context',
      'x',
      '--kubeconfig=b.yaml',
      '--context',
      'y',
      '--in-cluster',
    ];
    expect(loadConfig(argv, {})).toMatchObject({
      kubeconfigs: ['a.yaml', 'b.yaml'],
      contexts: ['x', 'y'],
      inCluster: true,
    });
  });

  it('defaults to no kubeconfig, no context, not in-cluster, whatever KUBECONFIG says', () => {
    expect(loadConfig([], { KUBECONFIG: '/x' })).toMatchObject({
      kubeconfigs: [],
      contexts: [],
      inCluster: false,
    });
  });

  it('documents the flags in usage() and rejects a value for --in-cluster', () => {
    expect(usage()).toMatch(/--kubeconfig\s+KUBECONFIG\s+kubeconfig file/);
    expect(usage()).toMatch(/--context\s+kubeconfig context to watch, repeatable/);
    expect(usage()).toMatch(/--in-cluster\s+watch the cluster this pod runs in/);
    expect(() => loadConfig(['--in-cluster=yes'], {})).toThrow(ConfigError);
  });
});
