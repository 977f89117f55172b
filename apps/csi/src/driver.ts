import { DRIVEBAY_DRIVER } from '@drivebay/api-types';

/** The CSI driver's name, as StorageClasses name their provisioner. */
export const DRIVER_NAME = DRIVEBAY_DRIVER;
/** The plugin's version, reported by GetPluginInfo (the workspace's version). */
export const PLUGIN_VERSION = '0.1.0';

/** Which services this process serves (`--mode`). */
export type PluginMode = 'controller' | 'node' | 'all';
