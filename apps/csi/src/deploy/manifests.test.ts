import { StorageClassParametersSchema } from '@drivebay/api-types';
import { describe, expect, it } from 'vitest';
import { DEPLOY_CHECKS, deployProblems } from './check-deploy.js';
import { DOCUMENTED_CLASSES } from './check-storage-classes.js';
import {
  formatProblem,
  type KubeObject,
  loadManifestDir,
  type ManifestSet,
  parseManifestFile,
} from './manifest-files.js';

// Offline: no cluster, no kubectl. The files as `kubectl apply -k deploy/` would send them.
const DEPLOY = new URL('../../../../deploy/', import.meta.url);
const deploy = loadManifestDir(DEPLOY);

describe('deploy/', () => {
  it('holds the objects the README describes, each in its file', () => {
    const inventory = deploy.manifests.map(({ file, object: o }) =>
      [file, o.kind, [o.metadata?.namespace, o.metadata?.name].filter(Boolean).join('/')].join(' '),
    );
    expect(inventory).toEqual([
      'config.yaml ConfigMap drivebay-system/drivebay-csi-config',
      'controller.yaml Deployment drivebay-system/drivebay-csi-controller',
      'csidriver.yaml CSIDriver csi.drivebay.io',
      'examples/pvc-and-pod.yaml PersistentVolumeClaim default/drivebay-smoke',
      'examples/pvc-and-pod.yaml Pod default/drivebay-smoke',
      'kustomization.yaml Kustomization ',
      'namespace.yaml Namespace drivebay-system',
      'node.yaml DaemonSet drivebay-system/drivebay-csi-node',
      'rbac-controller.yaml ServiceAccount drivebay-system/drivebay-csi-controller',
      'rbac-controller.yaml ClusterRole drivebay-csi-external-provisioner',
      'rbac-controller.yaml ClusterRole drivebay-csi-external-attacher',
      'rbac-controller.yaml ClusterRole drivebay-csi-external-resizer',
      'rbac-controller.yaml ClusterRoleBinding drivebay-csi-external-provisioner',
      'rbac-controller.yaml ClusterRoleBinding drivebay-csi-external-attacher',
      'rbac-controller.yaml ClusterRoleBinding drivebay-csi-external-resizer',
      'rbac-controller.yaml Role drivebay-system/drivebay-csi-leader-election',
      'rbac-controller.yaml Role drivebay-system/drivebay-csi-capacity',
      'rbac-controller.yaml RoleBinding drivebay-system/drivebay-csi-leader-election',
      'rbac-controller.yaml RoleBinding drivebay-system/drivebay-csi-capacity',
      'rbac-node.yaml ServiceAccount drivebay-system/drivebay-csi-node',
      'secret.example.yaml Secret drivebay-system/drivebay-csi-credentials',
      'storageclasses.yaml StorageClass drivebay-hdd',
      'storageclasses.yaml StorageClass drivebay-hdd-mirrored',
      'storageclasses.yaml StorageClass drivebay-ssd',
      'storageclasses.yaml StorageClass drivebay-slice',
    ]);
  });

  it.each(Object.keys(DEPLOY_CHECKS) as (keyof typeof DEPLOY_CHECKS)[])('%s: no problems', (check) => {
    expect(DEPLOY_CHECKS[check](deploy).map(formatProblem)).toEqual([]);
  });

  it('gives the composer the documented parameters of each class', () => {
    const parsed = Object.fromEntries(
      deploy.manifests
        .filter((m) => m.object.kind === 'StorageClass')
        .map((m) => [m.object.metadata?.name, StorageClassParametersSchema.parse(m.object.parameters)]),
    );
    expect(Object.keys(parsed).sort()).toEqual(Object.keys(DOCUMENTED_CLASSES).sort());
    expect(parsed['drivebay-hdd']).toMatchObject({ type: 'hdd', redundancy: false, striping: true });
    expect(parsed['drivebay-hdd-mirrored']).toMatchObject({
      redundancy: true,
      sgResiliency: true,
      jbodResiliency: true,
    });
    expect(parsed['drivebay-ssd']).toMatchObject({ type: 'ssd', fsType: 'xfs' });
    expect(parsed['drivebay-slice']).toMatchObject({ type: 'slice', fsType: 'ext4' });
  });
});

/** An object of a copy of deploy/, or a nested object of it, to break. */
type Fields = Record<string, unknown>;
function dig(value: unknown, path: string): Fields {
  let at = value;
  for (const key of path.split('.').filter(Boolean)) {
    at = Array.isArray(at)
      ? (at.find((x: Fields) => x.name === key) ?? at[Number(key)])
      : (at as Fields)[key];
  }
  if (typeof at !== 'object' || at === null) throw new Error(`nothing at ${path}`);
  return at as Fields;
}

/** A copy of deploy/ with one object changed; the real files stay as they are. */
function broken(kind: string, name: string | undefined, change: (o: KubeObject) => void): ManifestSet {
  const copy = structuredClone(deploy);
  const target = copy.manifests.find((m) => m.object.kind === kind && m.object.metadata?.name === name);
  if (!target) throw new Error(`no ${kind} ${name} in deploy/`);
  change(target.object);
  return copy;
}

/** Where a workload's pod spec is, in both the Deployment and the DaemonSet. */
const POD = 'spec.template.spec';

describe('each check fails on a broken copy, naming the file, document and field', () => {
  const cases: { what: string; copy: () => ManifestSet; says: string }[] = [
    {
      what: 'a StorageClass parameter the composer does not know',
      copy: () =>
        broken('StorageClass', 'drivebay-ssd', (o) => {
          dig(o, 'parameters').raid = '5';
        }),
      says: 'storageclasses.yaml document 3 (StorageClass drivebay-ssd) parameters.raid: the composer refuses it: Unrecognized key: "raid"',
    },
    {
      what: 'a StorageClass parameter of the wrong form',
      copy: () =>
        broken('StorageClass', 'drivebay-hdd', (o) => {
          dig(o, 'parameters').striping = 'yes';
        }),
      says: 'storageclasses.yaml document 1 (StorageClass drivebay-hdd) parameters.striping: the composer refuses it',
    },
    {
      what: 'expansion on a class whose volumes cannot grow',
      copy: () =>
        broken('StorageClass', 'drivebay-hdd', (o) => {
          o.allowVolumeExpansion = true;
        }),
      says: 'storageclasses.yaml document 1 (StorageClass drivebay-hdd) allowVolumeExpansion: is true, expected false',
    },
    {
      what: 'a volume mount of a volume the pod does not have',
      copy: () =>
        broken('Deployment', 'drivebay-csi-controller', (o) => {
          const mounts = dig(o, `${POD}.containers.csi-provisioner.volumeMounts`) as unknown as Fields[];
          mounts[0] = { name: 'sockets', mountPath: '/csi' };
        }),
      says: 'controller.yaml document 1 (Deployment drivebay-csi-controller) spec.template.spec.containers[csi-provisioner].volumeMounts[0].name: no volume named "sockets"',
    },
    {
      what: 'a ServiceAccount that does not exist',
      copy: () =>
        broken('Deployment', 'drivebay-csi-controller', (o) => {
          dig(o, POD).serviceAccountName = 'drivebay-csi-controler';
        }),
      says: 'controller.yaml document 1 (Deployment drivebay-csi-controller) spec.template.spec.serviceAccountName: no ServiceAccount drivebay-system/drivebay-csi-controler',
    },
    {
      what: 'a sidecar flag the contract needs',
      copy: () =>
        broken('Deployment', 'drivebay-csi-controller', (o) => {
          const c = dig(o, `${POD}.containers.csi-provisioner`);
          c.args = (c.args as string[]).filter((a) => a !== '--enable-capacity');
        }),
      says: 'controller.yaml document 1 (Deployment drivebay-csi-controller) spec.template.spec.containers[csi-provisioner].args: lacks --enable-capacity',
    },
    {
      what: 'a sidecar dialling another socket than the plugin listens on',
      copy: () =>
        broken('Deployment', 'drivebay-csi-controller', (o) => {
          dig(o, `${POD}.containers.csi-attacher`).args = [
            '--csi-address=/csi/other.sock',
            '--leader-election',
          ];
        }),
      says: "spec.template.spec.containers[csi-attacher].args: --csi-address=/csi/other.sock is not the plugin's socket (csi.sock in volume socket-dir)",
    },
    {
      what: 'a registration path that is not where the socket is on the host',
      copy: () =>
        broken('DaemonSet', 'drivebay-csi-node', (o) => {
          dig(o, `${POD}.volumes.plugin-dir.hostPath`).path = '/var/lib/kubelet/plugins/drivebay';
        }),
      says: "node.yaml document 1 (DaemonSet drivebay-csi-node) spec.template.spec.containers[node-driver-registrar].args: --kubelet-registration-path=/var/lib/kubelet/plugins/csi.drivebay.io/csi.sock is not the socket's host path /var/lib/kubelet/plugins/drivebay/csi.sock",
    },
    {
      what: 'the kubelet directory mounted without propagation',
      copy: () =>
        broken('DaemonSet', 'drivebay-csi-node', (o) => {
          delete dig(o, `${POD}.containers.drivebay-csi.volumeMounts.kubelet-dir`).mountPropagation;
        }),
      says: 'node.yaml document 1 (DaemonSet drivebay-csi-node) spec.template.spec.containers[drivebay-csi].volumeMounts[kubelet-dir].mountPropagation: must be Bidirectional',
    },
    {
      what: 'a cluster name Drivebay refuses',
      copy: () =>
        broken('ConfigMap', 'drivebay-csi-config', (o) => {
          dig(o, 'data').cluster = 'Prod East';
        }),
      says: 'node.yaml document 1 (DaemonSet drivebay-csi-node) spec.template.spec.containers[drivebay-csi].env[DRIVEBAY_CLUSTER]: resolves to "Prod East"',
    },
    {
      what: 'a plugin flag the plugin does not have',
      copy: () =>
        broken('DaemonSet', 'drivebay-csi-node', (o) => {
          (dig(o, `${POD}.containers.drivebay-csi`).args as string[]).push('--health-port=9808');
        }),
      says: "node.yaml document 1 (DaemonSet drivebay-csi-node) spec.template.spec.containers[drivebay-csi].args: drivebay-csi refuses it: Unknown option '--health-port'",
    },
    {
      what: 'a Secret template without the token',
      copy: () =>
        broken('Secret', 'drivebay-csi-credentials', (o) => {
          delete dig(o, 'stringData').token;
        }),
      says: 'secret.example.yaml document 1 (Secret drivebay-csi-credentials) stringData: the Secret the plugin reads has no key "token"',
    },
    {
      what: 'a binding to a role that does not exist',
      copy: () =>
        broken('RoleBinding', 'drivebay-csi-capacity', (o) => {
          dig(o, 'roleRef').name = 'capacity';
        }),
      says: 'rbac-controller.yaml document 11 (RoleBinding drivebay-csi-capacity) roleRef.name: no Role drivebay-system/capacity',
    },
    {
      what: 'a sidecar without a permission it uses',
      copy: () =>
        broken('ClusterRole', 'drivebay-csi-external-attacher', (o) => {
          o.rules = (o.rules as Fields[]).filter(
            (r) => !(r.resources as string[]).includes('volumeattachments/status'),
          );
        }),
      says: 'controller.yaml document 1 (Deployment drivebay-csi-controller) spec.template.spec.serviceAccountName: csi-attacher needs patch on volumeattachments/status.storage.k8s.io cluster-wide',
    },
    {
      what: 'a CSIDriver field that is not the contract',
      copy: () =>
        broken('CSIDriver', 'csi.drivebay.io', (o) => {
          dig(o, 'spec').podInfoOnMount = false;
        }),
      says: 'csidriver.yaml document 1 (CSIDriver csi.drivebay.io) spec.podInfoOnMount: is false, expected true',
    },
    {
      what: 'a field of the wrong type for the Kubernetes schema',
      copy: () =>
        broken('CSIDriver', 'csi.drivebay.io', (o) => {
          dig(o, 'spec').attachRequired = 'yes';
        }),
      says: 'csidriver.yaml document 1 (CSIDriver csi.drivebay.io) spec.attachRequired: must be boolean',
    },
    {
      what: 'a kind with no schema',
      copy: () =>
        broken('Namespace', 'drivebay-system', (o) => {
          o.kind = 'Namespaces';
        }),
      says: 'namespace.yaml document 1 (Namespaces drivebay-system) kind: no schema for v1 Namespaces',
    },
    {
      what: 'an object outside the namespace',
      copy: () =>
        broken('ConfigMap', 'drivebay-csi-config', (o) => {
          delete dig(o, 'metadata').namespace;
        }),
      says: 'config.yaml document 1 (ConfigMap drivebay-csi-config) metadata.namespace: must be drivebay-system',
    },
    {
      what: 'a file the kustomization does not install',
      copy: () =>
        broken('Kustomization', undefined, (o) => {
          o.resources = (o.resources as string[]).filter((r) => r !== 'node.yaml');
        }),
      says: 'kustomization.yaml document 1 (Kustomization) resources: does not list node.yaml',
    },
    {
      what: 'a kustomization entry with no file',
      copy: () =>
        broken('Kustomization', undefined, (o) => {
          (o.resources as string[]).push('pdb.yaml');
        }),
      says: 'kustomization.yaml document 1 (Kustomization) resources[8]: no file pdb.yaml',
    },
  ];

  it.each(cases)('$what', ({ copy, says }) => {
    expect(deployProblems(copy())).toContainEqual(expect.stringContaining(says));
  });

  it('a YAML error: a key given twice', () => {
    const { problems } = parseManifestFile('twice.yaml', 'apiVersion: v1\nkind: ConfigMap\nkind: Secret\n');
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^twice\.yaml document 1 line 3: Map keys must be unique/),
    ]);
  });

  it('a YAML warning: a tag nothing resolves', () => {
    const text =
      'apiVersion: v1\nkind: ConfigMap\n---\napiVersion: v1\nkind: ConfigMap\ndata: !vault secret\n';
    const { problems } = parseManifestFile('tagged.yaml', text);
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^tagged\.yaml document 2 line 6: .*!vault/),
    ]);
  });

  it('reads YAML as Kubernetes does: an unquoted `on` is a boolean, which a ConfigMap refuses', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: flags\ndata:\n  debug: on\n';
    const set = { files: ['flags.yaml'], ...parseManifestFile('flags.yaml', text) };
    expect(DEPLOY_CHECKS.schema(set).map(formatProblem)).toEqual([
      'flags.yaml document 1 (ConfigMap flags) data.debug: must be string',
    ]);
  });
});
