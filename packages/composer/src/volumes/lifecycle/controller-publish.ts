import type { Server, Volume } from '@drivebay/api-types';
import type { DecisionContext } from '../../inventory/decision.js';
import { assertNever } from '../../inventory/inventory.js';
import { fail, ok, type Result, type SiteView } from '../types.js';
import { changedTo, released, type Transition, unchanged } from './transition.js';
import { chooseTransport } from './transport.js';

/**
 * CSI ControllerPublishVolume: attaches the volume's drives to one server (DriveScale maps the
 * server to the volume's logical node). A volume is single-node-writer: a second server is refused.
 */
export function controllerPublish(
  volume: Volume,
  server: Server,
  site: SiteView,
  context: DecisionContext,
): Result<Transition> {
  switch (volume.lifecycle) {
    case 'Released':
      return fail('FAILED_PRECONDITION', released(volume, 'published'));
    case 'ControllerPublished':
    case 'NodeStaged':
    case 'NodePublished':
      if (volume.server === server.id) return ok(unchanged(volume));
      return fail(
        'FAILED_PRECONDITION',
        `volume ${volume.id} is published to server ${volume.server}; a volume is attached to one server at a time, so unpublish it there first`,
      );
    case 'Created':
      break;
    default:
      return assertNever(volume.lifecycle);
  }
  if (server.state !== 'up')
    return fail(
      'FAILED_PRECONDITION',
      `server ${server.id} is ${server.state}; publish to a server that is up`,
    );
  if (volume.health === 'failed')
    return fail(
      'FAILED_PRECONDITION',
      `volume ${volume.id} is failed (a stripe set has no working copy); restore its drives before publishing`,
    );
  const transport = chooseTransport(volume, server, site);
  if (!transport.ok) return transport;
  return ok(
    changedTo(
      volume,
      { lifecycle: 'ControllerPublished', server: server.id, transport: transport.value },
      context,
      'VolumePublished',
      `Volume ${volume.name} published to server ${server.id} (${server.hostname}) over ${transport.value}`,
    ),
  );
}

/**
 * CSI ControllerUnpublishVolume. Idempotent as CSI requires: a volume that is not published to
 * that server is already in the asked-for state. Refused while the node still has it mounted,
 * unless the server is down: a dead node's kubelet will never unstage, and Kubernetes detaches
 * from it after its grace period (the attach-detach controller's force detach). Then the
 * volume's node state goes with the attachment, said in the event, so the pod can start elsewhere.
 */
export function controllerUnpublish(
  volume: Volume,
  serverId: string,
  context: DecisionContext,
  serverState?: Server['state'],
): Result<Transition> {
  switch (volume.lifecycle) {
    case 'Created':
    case 'Released':
      return ok(unchanged(volume));
    case 'NodeStaged':
    case 'NodePublished':
      if (volume.server !== serverId) return ok(unchanged(volume));
      if (serverState === 'down')
        return ok(
          changedTo(
            volume,
            { lifecycle: 'Created', server: null, transport: null, stagingPath: null, targetPaths: [] },
            context,
            'VolumeUnpublished',
            `Volume ${volume.name} detached from server ${serverId}, which is down: its staging at ` +
              `${volume.stagingPath} and ${volume.targetPaths.length} pod mount(s) there are abandoned with it`,
          ),
        );
      return fail(
        'FAILED_PRECONDITION',
        `volume ${volume.id} is still ${volume.lifecycle} on server ${serverId}` +
          ` (staged at ${volume.stagingPath}); unpublish and unstage it on the node first`,
      );
    case 'ControllerPublished':
      if (volume.server !== serverId) return ok(unchanged(volume));
      return ok(
        changedTo(
          volume,
          { lifecycle: 'Created', server: null, transport: null },
          context,
          'VolumeUnpublished',
          `Volume ${volume.name} unpublished from server ${serverId}`,
        ),
      );
    default:
      return assertNever(volume.lifecycle);
  }
}
