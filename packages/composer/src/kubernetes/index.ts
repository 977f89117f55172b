export { quantityBytes } from '@drivebay/api-types';
export * from './binding-events.js';
export * from './cluster-bindings.js';
export * from './cluster-record.js';
export * from './decide-bindings.js';
export * from './describe.js';
export * from './ids.js';
export type * from './objects.js';
export * from './volume-binding.js';
