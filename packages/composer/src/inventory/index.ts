export * from './decision.js';
export * from './inventory.js';
export * from './reconcile-enclosure.js';
export * from './reconcile-inventory.js';
export * from './reconcile-unreachable.js';
