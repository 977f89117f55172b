import type { Server as HttpServer } from 'node:http';
import type { ClientToServerEvents, ServerToClientEvents } from '@drivebay/api-types';
import type { AllocationIndex } from '@drivebay/composer';
import type { Router } from 'express';
import type { Server as SocketServer } from 'socket.io';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { Security } from '../auth/security.js';
import type { Clock } from '../clock.js';
import type { Committer } from '../commands/committer.js';
import type { VolumeCommands } from '../commands/volumes.js';
import type { DerivedRoom } from '../live/hub.js';
import type { Logger } from '../log.js';
import type { Instruments, PrometheusInstruments } from '../metrics/prometheus/instruments.js';
import type { HardwareSource } from '../sources/hardware.js';
import type { Podwatcher, WatchTarget } from '../sources/kubernetes/podwatcher.js';
import type { StoreMirror } from '../state/mirror.js';
import type { StoreWriter } from '../state/store-writer.js';
import type { StateStore } from '../store/types.js';
import type { AppDependencies } from './dependencies.js';
import { serviceRef } from './module.js';

/**
 * The services modules share, by name. The root provides the first group (what the process is
 * given); each other one is provided by exactly one module.
 */
export const services = {
  // From the root: what createApp was given.
  store: serviceRef<StateStore>('store'),
  clock: serviceRef<Clock>('clock'),
  log: serviceRef<Logger>('log'),
  instruments: serviceRef<PrometheusInstruments>('instruments'),
  config: serviceRef<AppDependencies>('config'),
  readiness: serviceRef<Readiness>('readiness'),
  // The state: mirror, write path, audit.
  mirror: serviceRef<StoreMirror>('mirror'),
  writer: serviceRef<StoreWriter>('writer'),
  allocations: serviceRef<AllocationIndex>('allocations'),
  eventIds: serviceRef<() => string>('eventIds'),
  audit: serviceRef<AuditTrail>('audit'),
  committer: serviceRef<Committer>('committer'),
  security: serviceRef<Security>('security'),
  // The edge: HTTP, the API's routes, socket.io, the live hub's derived rooms.
  http: serviceRef<HttpServer>('http'),
  api: serviceRef<ApiRoutes>('api'),
  edge: serviceRef<EdgeRoutes>('edge'),
  io: serviceRef<SocketServer<ClientToServerEvents, ServerToClientEvents>>('io'),
  liveRooms: serviceRef<LiveRooms>('liveRooms'),
  // Domain commands and sources.
  volumes: serviceRef<VolumeCommands>('volumes'),
  hardwareSource: serviceRef<HardwareSourceFactory>('hardwareSource'),
  clusterWatch: serviceRef<(target: WatchTarget) => Promise<Podwatcher>>('clusterWatch'),
};

/** Whether the process serves current state: set once every module has started. */
export interface Readiness {
  ready: boolean;
}

/** Where an area's routes go: mounted under /api/v1, in the order modules are assembled. */
export interface ApiRoutes {
  add(router: Router): void;
}

/**
 * Routes outside /api/v1 that still go through the security chain (sign-in, tokens), such as
 * Prometheus's /metrics, which scrapers expect at the root.
 */
export interface EdgeRoutes {
  add(path: string, router: Router): void;
}

/** Where a module registers a room of the live hub whose content is derived from the state. */
export interface LiveRooms {
  addDerived(room: DerivedRoom): void;
}

/** Builds the hardware source once the stored inventory is loaded (the simulator resumes from it). */
export type HardwareSourceFactory = (
  restored: import('@drivebay/composer').Inventory,
  instruments: Instruments,
) => HardwareSource;
