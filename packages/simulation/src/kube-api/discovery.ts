import { groupVersion, RESOURCE_VERBS, RESOURCES, type ResourceDef } from './resources.js';

/** What /version reports: a 1.32 server, so kubectl 1.32 sees no version skew. */
export const VERSION_INFO = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.0-drivebay-sim',
  gitCommit: '0000000000000000000000000000000000000000',
  gitTreeState: 'clean',
  buildDate: '2025-01-01T00:00:00Z',
  goVersion: 'go1.23.4',
  compiler: 'gc',
  platform: 'linux/amd64',
};

const GROUPS: string[] = [...new Set(RESOURCES.map((def) => def.group).filter((group) => group !== ''))];

function versionOf(group: string) {
  const def = RESOURCES.find((d) => d.group === group)!;
  return { groupVersion: groupVersion(def), version: def.version };
}

/**
 * The legacy discovery documents. kubectl 1.32 first asks for aggregated discovery (apidiscovery.k8s.io/v2)
 * but falls back to these when the answer's Content-Type is plain application/json.
 */
export function discoveryDocument(path: string, serverAddress: string): unknown {
  if (path === '/version') return VERSION_INFO;
  if (path === '/api')
    return {
      kind: 'APIVersions',
      versions: ['v1'],
      serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
    };
  if (path === '/apis')
    return {
      kind: 'APIGroupList',
      apiVersion: 'v1',
      groups: GROUPS.map((name) => ({
        name,
        versions: [versionOf(name)],
        preferredVersion: versionOf(name),
      })),
    };
  if (path === '/api/v1') return resourceList('', 'v1');
  const group = /^\/apis\/([^/]+)$/.exec(path)?.[1];
  if (group && GROUPS.includes(group))
    return {
      kind: 'APIGroup',
      apiVersion: 'v1',
      name: group,
      versions: [versionOf(group)],
      preferredVersion: versionOf(group),
    };
  const groupAndVersion = /^\/apis\/([^/]+)\/([^/]+)$/.exec(path);
  if (groupAndVersion && GROUPS.includes(groupAndVersion[1]!) && groupAndVersion[2] === 'v1')
    return resourceList(groupAndVersion[1]!, 'v1');
  return undefined;
}

function resourceList(group: string, version: string) {
  const defs = RESOURCES.filter((def) => def.group === group && def.version === version);
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: group ? `${group}/${version}` : version,
    resources: defs.map(apiResource),
  };
}

function apiResource(def: ResourceDef) {
  return {
    name: def.plural,
    singularName: def.singular,
    namespaced: def.namespaced,
    kind: def.kind,
    verbs: [...RESOURCE_VERBS],
    ...(def.shortNames.length ? { shortNames: [...def.shortNames] } : {}),
    ...(def.categories.length ? { categories: [...def.categories] } : {}),
  };
}
