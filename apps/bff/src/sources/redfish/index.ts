import type { Inventory } from '@drivebay/composer';
import type { Config } from '../../config.js';
import type { Logger } from '../../log.js';
import type { Instruments } from '../../metrics/prometheus/instruments.js';
import { resolveEndpoints } from './endpoints.js';
import { RedfishHardwareSource } from './source.js';

export { type RedfishEndpoint, RedfishHardwareSource, type RedfishSourceOptions } from './source.js';
export type { EnclosureSource, RedfishServiceStatus } from './status.js';
export { EnclosureSourceSchema, RedfishServiceStatusSchema } from './status.js';

/** Whether the configuration names any Redfish service (else the embedded default's simulator). */
export function redfishConfigured(config: Pick<Config, 'redfish' | 'redfishEndpoints'>): boolean {
  return config.redfish.length > 0 || config.redfishEndpoints !== '';
}

/**
 * The Redfish source as the hardware module's factory wants it: endpoints resolved (and their
 * warnings printed) now, so that a mistake stops the start; the source built once the stored
 * inventory is loaded. `onSource` hands the built source to whoever serves its status and locate.
 */
export function redfishSourceFactory(
  config: Pick<
    Config,
    'redfish' | 'redfishEndpoints' | 'redfishCa' | 'redfishInsecure' | 'redfishPollIntervalSeconds'
  >,
  env: NodeJS.ProcessEnv,
  log: Logger,
  onSource: (source: RedfishHardwareSource) => void = () => {},
): (restored: Inventory, instruments?: Instruments) => RedfishHardwareSource {
  const { endpoints, warnings } = resolveEndpoints(
    {
      urls: config.redfish,
      file: config.redfishEndpoints,
      ca: config.redfishCa,
      insecure: config.redfishInsecure,
    },
    env,
  );
  for (const warning of warnings) log.warn(warning, { source: 'redfish' });
  return (restored, instruments) => {
    const source = new RedfishHardwareSource({
      endpoints,
      site: { id: 'site', name: 'Discovered site' },
      log,
      restored,
      instruments,
      follow: { pollIntervalMs: config.redfishPollIntervalSeconds * 1000 },
    });
    onSource(source);
    return source;
  };
}
