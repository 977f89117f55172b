export type { IndicatorStyle } from './indicator.js';
export type { AnsweredRequest, RedfishServiceOptions } from './options.js';
export { RedfishSiteService } from './redfish-site-service.js';
export type { RedfishCredentials } from './sessions.js';
