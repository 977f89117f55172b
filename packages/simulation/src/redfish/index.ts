export type { IndicatorStyle } from './indicator.js';
export type { RedfishServiceOptions } from './options.js';
export { RedfishSiteService } from './redfish-site-service.js';
export type { RedfishCredentials } from './sessions.js';
