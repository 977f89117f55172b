/**
 * The health model, pure and dependency-free apart from api-types' types, so that the console
 * shares it as it is (`@drivebay/composer/health`) instead of keeping a copy.
 */
export * from './impact.js';
export * from './order.js';
