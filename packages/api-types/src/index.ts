export * from './audit.js';
export * from './auth.js';
export * from './codec.js';
export * from './errors.js';
export * from './events.js';
export * from './hardware.js';
export * from './hardware-source.js';
export * from './incident.js';
export * from './inventory.js';
export * from './kubernetes.js';
export * from './locate.js';
export * from './metrics.js';
export * from './quantity.js';
export * from './query.js';
export * from './rooms.js';
export * from './socket.js';
export * from './topology.js';

/** Liveness and readiness answers. */
export interface HealthStatus {
  status: 'ok' | 'starting' | 'unavailable';
  revision?: number;
  /** Why the process is not ready, when it was and stopped being (the change feed failed). */
  reason?: string;
}
export * from './volume-api.js';
export * from './volumes.js';
