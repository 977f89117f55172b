export { CsiCallError, CsiClient, type CsiClientOptions, type CsiServiceName } from './csi-client.js';
