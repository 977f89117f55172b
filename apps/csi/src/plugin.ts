import * as grpc from '@grpc/grpc-js';
import { ControllerService } from './controller/controller-service.js';
import { csiServices } from './csi/proto.js';
import { CsiError } from './csi/status.js';
import { DrivebayApi } from './drivebay/api.js';
import { type Credentials, readCredentials } from './drivebay/credentials.js';
import { DrivebayHttp } from './drivebay/http.js';
import type { PluginMode } from './driver.js';
import { serveOnSocket } from './grpc/server.js';
import { type Handler, unary, VolumeLocks } from './grpc/unary.js';
import type { Host } from './host/host.js';
import { IdentityService } from './identity/identity-service.js';
import type { PluginLog } from './log.js';
import { NodeIdentity } from './node/node-identity.js';
import { NodeService } from './node/node-service.js';

export interface PluginOptions {
  mode: PluginMode;
  /** unix:///path/to/csi.sock */
  endpoint: string;
  /** Where the Secret is mounted (server, token, ca.crt), or the credentials themselves. */
  credentials: string | (() => Credentials);
  /** The logical cluster volumes are recorded under. */
  cluster: string;
  /** Node mode: the server this plugin runs on, or the Kubernetes node name to find it by. */
  nodeId?: string | undefined;
  nodeName?: string | undefined;
  /** Node mode: what does the steps on the machine. */
  host?: Host | undefined;
  maxVolumesPerNode?: number | undefined;
  log: PluginLog;
}

export interface RunningPlugin {
  socketPath: string;
  close(): Promise<void>;
}

/** Spec RPCs outside DriveScale's model: snapshots, clones, modification. */
const UNIMPLEMENTED_CONTROLLER = [
  'CreateSnapshot',
  'DeleteSnapshot',
  'ListSnapshots',
  'GetSnapshot',
  'ControllerModifyVolume',
] as const;

/** Starts the plugin's gRPC services for its mode on its endpoint. */
export async function startPlugin(options: PluginOptions): Promise<RunningPlugin> {
  const { credentials, log } = options;
  const http = new DrivebayHttp(
    typeof credentials === 'string' ? () => readCredentials(credentials) : credentials,
  );
  const api = new DrivebayApi(http);
  const services = csiServices();
  const server = new grpc.Server();
  const locks = new VolumeLocks();
  /** Wraps a handler; `key` is the request field naming the volume it works on, for the in-flight lock. */
  const rpc = <Req, Res>(name: string, handler: Handler<Req, Res>, key?: 'volume_id' | 'name') =>
    unary<Req, Res>(
      name,
      key
        ? (request, scope) => {
            const id = (request as Record<string, unknown>)[key];
            if (typeof id !== 'string') return handler(request, scope);
            // A missing id is the handler's INVALID_ARGUMENT to give, not a lock on "".
            return id ? locks.with(id, name, () => handler(request, scope)) : handler(request, scope);
          }
        : handler,
      log,
    );

  const identity = new IdentityService(api, options.mode);
  server.addService(services.Identity.service, {
    GetPluginInfo: rpc('GetPluginInfo', () => identity.getPluginInfo()),
    GetPluginCapabilities: rpc('GetPluginCapabilities', () => identity.getPluginCapabilities()),
    Probe: rpc('Probe', (request, scope) => identity.probe(request, scope)),
  });

  if (options.mode !== 'node') {
    const controller = new ControllerService(api, options.cluster);
    const byId = 'volume_id';
    const unimplemented = Object.fromEntries(
      UNIMPLEMENTED_CONTROLLER.map((name) => [
        name,
        rpc(name, async () => {
          throw new CsiError(
            'UNIMPLEMENTED',
            `${name}: Drivebay composes volumes from drives; it has no snapshots, clones or volume modification`,
          );
        }),
      ]),
    );
    server.addService(services.Controller.service, {
      CreateVolume: rpc('CreateVolume', (r, s) => controller.createVolume(r, s), 'name'),
      DeleteVolume: rpc('DeleteVolume', (r, s) => controller.deleteVolume(r, s), byId),
      ControllerPublishVolume: rpc(
        'ControllerPublishVolume',
        (r, s) => controller.controllerPublishVolume(r, s),
        byId,
      ),
      ControllerUnpublishVolume: rpc(
        'ControllerUnpublishVolume',
        (r, s) => controller.controllerUnpublishVolume(r, s),
        byId,
      ),
      ValidateVolumeCapabilities: rpc('ValidateVolumeCapabilities', (r, s) =>
        controller.validateVolumeCapabilities(r, s),
      ),
      ListVolumes: rpc('ListVolumes', (r, s) => controller.listVolumes(r, s)),
      GetCapacity: rpc('GetCapacity', (r, s) => controller.getCapacity(r, s)),
      ControllerGetCapabilities: rpc('ControllerGetCapabilities', () =>
        controller.controllerGetCapabilities(),
      ),
      ControllerExpandVolume: rpc(
        'ControllerExpandVolume',
        (r, s) => controller.controllerExpandVolume(r, s),
        byId,
      ),
      ControllerGetVolume: rpc('ControllerGetVolume', (r, s) => controller.controllerGetVolume(r, s)),
      ...unimplemented,
    });
  }

  if (options.mode !== 'controller') {
    if (!options.host) throw new Error('node mode needs a host to do the steps on the machine');
    const node = new NodeService(
      api,
      options.host,
      new NodeIdentity(api, { nodeId: options.nodeId, nodeName: options.nodeName }),
      options.maxVolumesPerNode ?? 128,
      log,
    );
    const byId = 'volume_id';
    server.addService(services.Node.service, {
      NodeGetInfo: rpc('NodeGetInfo', (r, s) => node.nodeGetInfo(r, s)),
      NodeGetCapabilities: rpc('NodeGetCapabilities', () => node.nodeGetCapabilities()),
      NodeStageVolume: rpc('NodeStageVolume', (r, s) => node.nodeStageVolume(r, s), byId),
      NodeUnstageVolume: rpc('NodeUnstageVolume', (r, s) => node.nodeUnstageVolume(r, s), byId),
      NodePublishVolume: rpc('NodePublishVolume', (r, s) => node.nodePublishVolume(r, s), byId),
      NodeUnpublishVolume: rpc('NodeUnpublishVolume', (r, s) => node.nodeUnpublishVolume(r, s), byId),
      NodeGetVolumeStats: rpc('NodeGetVolumeStats', (r, s) => node.nodeGetVolumeStats(r, s)),
      NodeExpandVolume: rpc('NodeExpandVolume', (r, s) => node.nodeExpandVolume(r, s), byId),
    });
  }

  const socket = await serveOnSocket(server, options.endpoint);
  log.info('csi plugin serving', {
    mode: options.mode,
    endpoint: options.endpoint,
    cluster: options.cluster,
  });
  return {
    socketPath: socket.socketPath,
    async close() {
      await socket.close();
      server.forceShutdown();
    },
  };
}
