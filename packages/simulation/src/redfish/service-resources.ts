import type { Site } from '@drivebay/api-types';
import { serviceUuid } from './hardware-facts.js';
import { type JsonObject, ref } from './json.js';
import {
  CHASSIS,
  EVENT_SERVICE,
  ROOT,
  SESSION_SERVICE,
  SESSIONS,
  SSE,
  SUBSCRIPTIONS,
  SYSTEMS,
  sessionPath,
} from './paths.js';
import { MAX_EXPAND_LEVELS } from './query.js';
import { collection } from './site-resources.js';

/** The service's own resources: its root, sessions and events. */

export function serviceRoot(site: Site, expand: boolean): JsonObject {
  return {
    '@odata.id': `${ROOT}/`,
    '@odata.type': '#ServiceRoot.v1_16_0.ServiceRoot',
    Id: 'RootService',
    Name: 'Drivebay simulated site',
    RedfishVersion: '1.18.0',
    UUID: serviceUuid(site.id),
    Vendor: 'Drivebay',
    Chassis: ref(CHASSIS),
    Systems: ref(SYSTEMS),
    SessionService: ref(SESSION_SERVICE),
    EventService: ref(EVENT_SERVICE),
    Links: { Sessions: ref(SESSIONS) },
    ProtocolFeaturesSupported: {
      ExpandQuery: expand
        ? { ExpandAll: true, Levels: true, MaxLevels: MAX_EXPAND_LEVELS, Links: true, NoLinks: true }
        : { ExpandAll: false, Levels: false, MaxLevels: 0, Links: false, NoLinks: false },
      TopSkipQuery: true,
      SelectQuery: false,
      FilterQuery: false,
      OnlyMemberQuery: false,
      ExcerptQuery: false,
    },
    Oem: { Drivebay: { Site: { Id: site.id, Name: site.name, Scale: site.scale } } },
  };
}

/** The OData service document DSP0266 asks for at `/redfish/v1/odata`. */
export function odataDocument(): JsonObject {
  const singleton = (name: string, url: string) => ({ name, kind: 'Singleton', url });
  return {
    '@odata.context': `${ROOT}/$metadata`,
    value: [
      singleton('Service', `${ROOT}/`),
      singleton('Chassis', CHASSIS),
      singleton('Systems', SYSTEMS),
      singleton('SessionService', SESSION_SERVICE),
      singleton('EventService', EVENT_SERVICE),
    ],
  };
}

export function sessionService(timeoutSeconds: number): JsonObject {
  return {
    '@odata.id': SESSION_SERVICE,
    '@odata.type': '#SessionService.v1_1_9.SessionService',
    Id: 'SessionService',
    Name: 'Session Service',
    ServiceEnabled: true,
    SessionTimeout: timeoutSeconds,
    Status: { State: 'Enabled', Health: 'OK' },
    Sessions: ref(SESSIONS),
  };
}

export const sessionsCollection = (ids: readonly string[]): JsonObject =>
  collection(SESSIONS, 'SessionCollection', 'Session Collection', ids.map(sessionPath));

export function sessionResource(id: string, userName: string): JsonObject {
  return {
    '@odata.id': sessionPath(id),
    '@odata.type': '#Session.v1_7_0.Session',
    Id: id,
    Name: 'User Session',
    UserName: userName,
  };
}

export function eventService(sse: boolean): JsonObject {
  return {
    '@odata.id': EVENT_SERVICE,
    '@odata.type': '#EventService.v1_10_0.EventService',
    Id: 'EventService',
    Name: 'Event Service',
    ServiceEnabled: true,
    Status: { State: 'Enabled', Health: 'OK' },
    DeliveryRetryAttempts: 0,
    ...(sse ? { ServerSentEventUri: SSE } : {}),
    RegistryPrefixes: ['ResourceEvent', 'Base'],
    Subscriptions: ref(SUBSCRIPTIONS),
  };
}

export const subscriptionsCollection = (paths: readonly string[]): JsonObject =>
  collection(SUBSCRIPTIONS, 'EventDestinationCollection', 'Event Subscriptions Collection', paths);
