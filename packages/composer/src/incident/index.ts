export type * from './incident-state.js';
export * from './report.js';
export * from './summary.js';
