/**
 * What the simulated cluster's CSI sidecars and kubelets ask of the driver, by RPC: the
 * external-provisioner's CreateVolume, the external-attacher's ControllerPublish/Unpublish, and
 * each node's kubelet talking to the node plugin on that node. Kubernetes knows a volume only by
 * its handle, its PV's attributes and its VolumeAttachments, and so does the simulated cluster.
 */
export interface CsiDriver {
  createVolume(request: CreateVolume): Promise<CreatedVolume>;
  /** Attaches to the node's CSI node id; answers the publish context the node plugin gets. */
  controllerPublish(volumeId: string, nodeId: string, access: Access): Promise<Record<string, string>>;
  controllerUnpublish(volumeId: string, nodeId: string): Promise<void>;
  /** The external-provisioner's DeleteVolume, once the PV of reclaim policy Delete is released. */
  deleteVolume(volumeId: string): Promise<void>;
  /** The external-resizer's ControllerExpandVolume: the capacity made, and whether the node must grow the filesystem. */
  controllerExpand(
    volumeId: string,
    requiredBytes: number,
    access: Access,
  ): Promise<{ capacityBytes: number; nodeExpansionRequired: boolean }>;
  /** The node plugin on `nodeName` (whose server is `serverId`), as that node's kubelet reaches it. */
  node(nodeName: string, serverId: string): Promise<NodePlugin>;
}

export interface NodePlugin {
  /** NodeGetInfo: the id ControllerPublish attaches to. */
  nodeId(): Promise<string>;
  stage(request: {
    volumeId: string;
    stagingPath: string;
    access: Access;
    publishContext: Record<string, string>;
    volumeContext: Record<string, string>;
  }): Promise<void>;
  unstage(volumeId: string, stagingPath: string): Promise<void>;
  publish(request: {
    volumeId: string;
    stagingPath: string;
    targetPath: string;
    access: Access;
    readonly: boolean;
  }): Promise<void>;
  unpublish(volumeId: string, targetPath: string): Promise<void>;
  /** NodeExpandVolume on a published volume: answers the capacity the filesystem now has. */
  expand(request: {
    volumeId: string;
    volumePath: string;
    stagingPath: string;
    requiredBytes: number;
  }): Promise<number>;
  /**
   * Where the kubelet keeps its directories on this machine (its --root-dir): the staging and
   * target paths the kubelet creates and hands the plugin are under it.
   */
  kubeletDir: string;
  /** The kubelet making a directory on the node (the staging path, a target's parent): CSI leaves those to the CO. */
  mkdir(path: string): void;
}

export type Access = 'mount' | 'block';

export interface CreateVolume {
  /** The PV name: the idempotency key. */
  name: string;
  requiredBytes: number;
  access: Access;
  /** The StorageClass's parameters, plus what --extra-create-metadata adds. */
  parameters: Record<string, string>;
}

export interface CreatedVolume {
  volumeId: string;
  capacityBytes: number;
  volumeContext: Record<string, string>;
}
