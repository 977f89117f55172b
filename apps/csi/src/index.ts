export { CliError, parseCli, USAGE } from './cli.js';
export { CSI_SPEC_VERSION } from './csi/proto.js';
export { DRIVER_NAME, PLUGIN_VERSION, type PluginMode } from './driver.js';
export { createPluginLog, type PluginLog } from './log.js';
export { type PluginOptions, type RunningPlugin, startPlugin } from './plugin.js';
