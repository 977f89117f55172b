import type { Drive } from '@drivebay/api-types';
import type { SimulatedSite } from '../../site/simulated-site.js';
import type { SiteChange } from '../../site/site-change.js';
import { type JsonObject, ref } from '../json.js';
import { chassisPath, drivePath, systemPath } from '../paths.js';

/** One entry of an Event's `Events` array before the log numbers and stamps it. */
export interface EventRecordDraft {
  MessageId: string;
  Message: string;
  MessageArgs: string[];
  Severity: 'OK' | 'Warning' | 'Critical';
  OriginOfCondition: JsonObject;
}

const REGISTRY = 'ResourceEvent.1.0';

/**
 * The Redfish events a batch of physical changes raises, as an enclosure manager would send
 * them. An unreachable enclosure raises nothing about its drives: it cannot say; a client
 * rescans it when it comes back.
 */
export function eventsFor(changes: readonly SiteChange[], site: SimulatedSite): EventRecordDraft[] {
  const drafts: EventRecordDraft[] = [];
  const reachable = (enclosureId: string) => site.findEnclosure(enclosureId)?.reachable === true;
  for (const change of changes) {
    switch (change.kind) {
      case 'drive-health':
        if (change.previous === change.drive.health || !reachable(change.drive.enclosure)) break;
        drafts.push(
          healthChanged(drivePath(change.drive.enclosure, change.drive.id), driveSeverity(change.drive)),
        );
        break;
      case 'drive-replaced': {
        const enclosureId = change.added.enclosure;
        if (!reachable(enclosureId)) break;
        drafts.push(
          resource('ResourceRemoved', 'removed', drivePath(enclosureId, change.removed.id)),
          resource('ResourceAdded', 'added', drivePath(enclosureId, change.added.id)),
        );
        break;
      }
      case 'enclosure-reachable':
        drafts.push(healthChanged(chassisPath(change.enclosureId), change.reachable ? 'OK' : 'Critical'));
        break;
      case 'server-state':
        drafts.push(
          healthChanged(systemPath(change.server.id), change.server.state === 'down' ? 'Critical' : 'OK'),
        );
        break;
      case 'locate': {
        const { enclosureId, driveId } = change.target;
        if (!reachable(enclosureId)) break;
        drafts.push(
          resource(
            'ResourceChanged',
            'changed',
            driveId ? drivePath(enclosureId, driveId) : chassisPath(enclosureId),
          ),
        );
        break;
      }
    }
  }
  return drafts;
}

function driveSeverity(drive: Drive): EventRecordDraft['Severity'] {
  if (drive.health === 'ok') return 'OK';
  return drive.health === 'degraded' ? 'Warning' : 'Critical';
}

function healthChanged(path: string, severity: EventRecordDraft['Severity']): EventRecordDraft {
  return {
    MessageId: `${REGISTRY}.ResourceStatusChanged${severity}`,
    Message: `The health of resource '${path}' has changed to ${severity}.`,
    MessageArgs: [path, severity],
    Severity: severity,
    OriginOfCondition: ref(path),
  };
}

function resource(
  kind: 'ResourceAdded' | 'ResourceRemoved' | 'ResourceChanged',
  verb: string,
  path: string,
): EventRecordDraft {
  return {
    MessageId: `${REGISTRY}.${kind}`,
    Message: `The resource '${path}' has been ${verb}.`,
    MessageArgs: [path],
    Severity: 'OK',
    OriginOfCondition: ref(path),
  };
}
