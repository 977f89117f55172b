import { CsiError } from '../csi/status.js';
import type { DrivebayApi } from '../drivebay/api.js';

/**
 * Which Drivebay server this node plugin runs on: its CSI node id, what ControllerPublish
 * attaches volumes to. Given (`--node-id`), or found by the Kubernetes node name (KUBE_NODE_NAME,
 * from the downward API) matching a server's hostname. Found once, on first use, so the plugin
 * starts even while Drivebay is still unreachable.
 */
export class NodeIdentity {
  private resolved: string | undefined;

  constructor(
    private readonly api: DrivebayApi,
    private readonly given: { nodeId?: string | undefined; nodeName?: string | undefined },
  ) {}

  async serverId(signal?: AbortSignal): Promise<string> {
    if (this.resolved) return this.resolved;
    const context = { rpc: 'NodeGetInfo', signal };
    if (this.given.nodeId) {
      try {
        await this.api.server(this.given.nodeId, context);
      } catch (error) {
        if (error instanceof CsiError && error.code === 'NOT_FOUND')
          throw new CsiError(
            'FAILED_PRECONDITION',
            `--node-id ${this.given.nodeId} is not a server Drivebay knows`,
          );
        throw error;
      }
      this.resolved = this.given.nodeId;
      return this.resolved;
    }
    const name = this.given.nodeName;
    if (!name)
      throw new CsiError(
        'FAILED_PRECONDITION',
        'this node plugin does not know its server: set --node-id or KUBE_NODE_NAME',
      );
    const servers = await this.byName(name, context);
    if (servers.length !== 1)
      throw new CsiError(
        'FAILED_PRECONDITION',
        servers.length === 0
          ? `no Drivebay server has hostname "${name}" (the node's name); set --node-id to the server's id`
          : `${servers.length} Drivebay servers have hostname "${name}"; set --node-id to the right one`,
      );
    this.resolved = (servers[0] as { id: string }).id;
    return this.resolved;
  }

  /**
   * The servers a node name can mean: the server's hostname, else its id, else (for a node named
   * by its FQDN) the short hostname. Kubernetes nodes are named either way, depending on the cloud.
   */
  private async byName(name: string, context: { rpc: string; signal?: AbortSignal | undefined }) {
    const exact = await this.api.serversByHostname(name, context);
    if (exact.length > 0) return exact;
    try {
      return [await this.api.server(name, context)];
    } catch (error) {
      if (!(error instanceof CsiError && (error.code === 'NOT_FOUND' || error.code === 'INVALID_ARGUMENT')))
        throw error;
    }
    const short = name.split('.')[0];
    return short && short !== name ? this.api.serversByHostname(short, context) : [];
  }
}
