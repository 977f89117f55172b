export * from './generator/index.js';
export * from './health/index.js';
export * from './incident/index.js';
export * from './inventory/index.js';
export * from './kubernetes/index.js';
export * from './volumes/lifecycle/index.js';
export * from './volumes/placement/index.js';
export * from './volumes/types.js';
