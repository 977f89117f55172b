import { mkdirSync } from 'node:fs';
import { CsiClient } from '@drivebay/csi/client';
import type { Access, CreatedVolume, CreateVolume, CsiDriver, NodePlugin } from './csi-driver.js';

/** Where the plugins listen: the controller's socket, and each node's (started on first use). */
export interface CsiSockets {
  controller: string;
  node(nodeName: string, serverId: string): Promise<{ socketPath: string; kubeletDir: string }>;
}

const capability = (access: Access, mode = 'SINGLE_NODE_WRITER') =>
  access === 'block'
    ? { block: {}, access_mode: { mode } }
    : { mount: { fs_type: '', mount_flags: [] }, access_mode: { mode } };

/**
 * The simulated cluster's side of CSI over the plugins' unix sockets, with the requests the real
 * sidecars and kubelet send (and the socket path as :authority, as kubelet's Go client did): what
 * `npm start` shows is Kubernetes provisioning, attaching and mounting through the real plugin.
 */
export class GrpcCsiDriver implements CsiDriver {
  private readonly controller: CsiClient;
  private readonly nodes = new Map<string, Promise<NodePlugin>>();

  constructor(private readonly sockets: CsiSockets) {
    this.controller = new CsiClient(sockets.controller, { authority: sockets.controller, timeoutMs: 60_000 });
  }

  async createVolume(request: CreateVolume): Promise<CreatedVolume> {
    const { volume } = await this.controller.call<{
      volume: { volume_id: string; capacity_bytes: string; volume_context: Record<string, string> };
    }>('Controller', 'CreateVolume', {
      name: request.name,
      capacity_range: { required_bytes: String(request.requiredBytes) },
      volume_capabilities: [capability(request.access)],
      parameters: request.parameters,
    });
    return {
      volumeId: volume.volume_id,
      capacityBytes: Number(volume.capacity_bytes),
      volumeContext: volume.volume_context,
    };
  }

  async controllerPublish(volumeId: string, nodeId: string, access: Access): Promise<Record<string, string>> {
    const answer = await this.controller.call<{ publish_context: Record<string, string> }>(
      'Controller',
      'ControllerPublishVolume',
      { volume_id: volumeId, node_id: nodeId, volume_capability: capability(access), readonly: false },
    );
    return answer.publish_context;
  }

  async controllerUnpublish(volumeId: string, nodeId: string): Promise<void> {
    await this.controller.call('Controller', 'ControllerUnpublishVolume', {
      volume_id: volumeId,
      node_id: nodeId,
    });
  }

  async deleteVolume(volumeId: string): Promise<void> {
    await this.controller.call('Controller', 'DeleteVolume', { volume_id: volumeId });
  }

  async controllerExpand(
    volumeId: string,
    requiredBytes: number,
    access: Access,
  ): Promise<{ capacityBytes: number; nodeExpansionRequired: boolean }> {
    const answer = await this.controller.call<{ capacity_bytes: string; node_expansion_required: boolean }>(
      'Controller',
      'ControllerExpandVolume',
      {
        volume_id: volumeId,
        capacity_range: { required_bytes: String(requiredBytes) },
        volume_capability: capability(access),
      },
    );
    return {
      capacityBytes: Number(answer.capacity_bytes),
      nodeExpansionRequired: answer.node_expansion_required,
    };
  }

  node(nodeName: string, serverId: string): Promise<NodePlugin> {
    let plugin = this.nodes.get(nodeName);
    if (!plugin) {
      plugin = this.connect(nodeName, serverId);
      this.nodes.set(nodeName, plugin);
      plugin.catch(() => this.nodes.delete(nodeName));
    }
    return plugin;
  }

  close(): void {
    this.controller.close();
    for (const plugin of this.nodes.values())
      void plugin.then((p) => (p as GrpcNodePlugin).close()).catch(() => {});
  }

  private async connect(nodeName: string, serverId: string): Promise<NodePlugin> {
    const { socketPath, kubeletDir } = await this.sockets.node(nodeName, serverId);
    return new GrpcNodePlugin(
      new CsiClient(socketPath, { authority: socketPath, timeoutMs: 60_000 }),
      kubeletDir,
    );
  }
}

class GrpcNodePlugin implements NodePlugin {
  constructor(
    private readonly client: CsiClient,
    readonly kubeletDir: string,
  ) {}

  mkdir(path: string): void {
    mkdirSync(path, { recursive: true });
  }

  async nodeId(): Promise<string> {
    return (await this.client.call<{ node_id: string }>('Node', 'NodeGetInfo')).node_id;
  }

  async stage(request: Parameters<NodePlugin['stage']>[0]): Promise<void> {
    await this.client.call('Node', 'NodeStageVolume', {
      volume_id: request.volumeId,
      staging_target_path: request.stagingPath,
      volume_capability: capability(request.access),
      publish_context: request.publishContext,
      volume_context: request.volumeContext,
    });
  }

  async unstage(volumeId: string, stagingPath: string): Promise<void> {
    await this.client.call('Node', 'NodeUnstageVolume', {
      volume_id: volumeId,
      staging_target_path: stagingPath,
    });
  }

  async publish(request: Parameters<NodePlugin['publish']>[0]): Promise<void> {
    await this.client.call('Node', 'NodePublishVolume', {
      volume_id: request.volumeId,
      staging_target_path: request.stagingPath,
      target_path: request.targetPath,
      volume_capability: capability(request.access),
      readonly: request.readonly,
    });
  }

  async unpublish(volumeId: string, targetPath: string): Promise<void> {
    await this.client.call('Node', 'NodeUnpublishVolume', { volume_id: volumeId, target_path: targetPath });
  }

  async expand(request: Parameters<NodePlugin['expand']>[0]): Promise<number> {
    const answer = await this.client.call<{ capacity_bytes: string }>('Node', 'NodeExpandVolume', {
      volume_id: request.volumeId,
      volume_path: request.volumePath,
      staging_target_path: request.stagingPath,
      capacity_range: { required_bytes: String(request.requiredBytes) },
    });
    return Number(answer.capacity_bytes);
  }

  close(): void {
    this.client.close();
  }
}
