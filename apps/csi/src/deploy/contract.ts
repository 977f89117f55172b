/**
 * What deploy/ must say, in one place: the plugin's command-line contract and the sidecars it is
 * deployed with. The checks compare the manifests against these.
 */

/** The CSI driver name: CSIDriver, StorageClass provisioner, kubelet plugin directory. */
export const DRIVER = 'csi.drivebay.io';
export const NAMESPACE = 'drivebay-system';
export const PLUGIN_IMAGE = 'ghcr.io/drivebay/drivebay-csi:0.1.0';
export const PLUGIN_CONTAINER = 'drivebay-csi';
/** The Secret the plugin reads Drivebay's URL, token and CA from, and where it is mounted. */
export const SECRET_NAME = 'drivebay-csi-credentials';
export const SECRET_DIR = '/etc/drivebay/secret';
export const SECRET_KEYS = ['server', 'token'] as const;
export const CONTROLLER_NAME = 'drivebay-csi-controller';
export const NODE_NAME = 'drivebay-csi-node';
/** Where the kubelet looks for the node plugin's socket, and where registrars register. */
export const KUBELET_PLUGIN_DIR = `/var/lib/kubelet/plugins/${DRIVER}`;
export const KUBELET_REGISTRY_DIR = '/var/lib/kubelet/plugins_registry';
export const STATE_DIR = '/var/lib/drivebay-csi';

const SIG_STORAGE = 'registry.k8s.io/sig-storage';

/** A container a pod must have: its image, flags it must pass, env it must take from the pod. */
export interface ExpectedContainer {
  image: string;
  args: readonly string[];
  /** Env variable → downward-API field path. */
  fieldRefs?: Readonly<Record<string, string>>;
}

const PLUGIN_ARGS = [
  '--endpoint=$(CSI_ENDPOINT)',
  `--secret-dir=${SECRET_DIR}`,
  '--cluster=$(DRIVEBAY_CLUSTER)',
];
const LIVENESS = {
  image: `${SIG_STORAGE}/livenessprobe:v2.15.0`,
  args: ['--csi-address=/csi/csi.sock', '--health-port=9808'],
};

/** The controller Deployment's containers, exactly these. */
export const CONTROLLER_CONTAINERS: Readonly<Record<string, ExpectedContainer>> = {
  [PLUGIN_CONTAINER]: { image: PLUGIN_IMAGE, args: ['--mode=controller', ...PLUGIN_ARGS] },
  'csi-provisioner': {
    image: `${SIG_STORAGE}/csi-provisioner:v5.2.0`,
    args: [
      '--csi-address=/csi/csi.sock',
      '--leader-election',
      '--extra-create-metadata',
      '--enable-capacity',
      '--capacity-ownerref-level=2',
    ],
    fieldRefs: { POD_NAME: 'metadata.name', NAMESPACE: 'metadata.namespace' },
  },
  'csi-attacher': {
    image: `${SIG_STORAGE}/csi-attacher:v4.8.1`,
    args: ['--csi-address=/csi/csi.sock', '--leader-election'],
  },
  'csi-resizer': {
    image: `${SIG_STORAGE}/csi-resizer:v1.13.2`,
    args: ['--csi-address=/csi/csi.sock', '--leader-election'],
  },
  'liveness-probe': LIVENESS,
};

/** The node DaemonSet's containers, exactly these. */
export const NODE_CONTAINERS: Readonly<Record<string, ExpectedContainer>> = {
  [PLUGIN_CONTAINER]: {
    image: PLUGIN_IMAGE,
    args: ['--mode=node', ...PLUGIN_ARGS, `--state-dir=${STATE_DIR}`],
    fieldRefs: { KUBE_NODE_NAME: 'spec.nodeName' },
  },
  'node-driver-registrar': {
    image: `${SIG_STORAGE}/csi-node-driver-registrar:v2.13.0`,
    args: ['--csi-address=/csi/csi.sock', `--kubelet-registration-path=${KUBELET_PLUGIN_DIR}/csi.sock`],
  },
  'liveness-probe': LIVENESS,
};

/** The CSIDriver's spec, exactly this. */
export const CSI_DRIVER_SPEC = {
  attachRequired: true,
  podInfoOnMount: true,
  fsGroupPolicy: 'File',
  volumeLifecycleModes: ['Persistent'],
  storageCapacity: true,
  requiresRepublish: false,
};
