export * from './generator/index.js';
export * from './inventory/index.js';
