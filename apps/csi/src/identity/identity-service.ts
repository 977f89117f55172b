import type { DrivebayApi } from '../drivebay/api.js';
import { DRIVER_NAME, PLUGIN_VERSION, type PluginMode } from '../driver.js';
import type { CallScope } from '../grpc/unary.js';

/** How long a Probe's answer stands: livenessprobe asks every few seconds; Drivebay need not be asked as often. */
const PROBE_CACHE_MS = 2_000;

/**
 * CSI Identity: who the plugin is, what it offers, and whether it is ready. Ready means Drivebay
 * answers and accepts the token: without Drivebay the plugin can do nothing, and the CO should
 * know that before it sends work.
 */
export class IdentityService {
  private probed: { at: number; ready: boolean } | undefined;

  constructor(
    private readonly api: DrivebayApi,
    private readonly mode: PluginMode,
  ) {}

  async getPluginInfo() {
    return {
      name: DRIVER_NAME,
      vendor_version: PLUGIN_VERSION,
      manifest: { url: 'https://github.com/drivebay/drivebay', mode: this.mode },
    };
  }

  async getPluginCapabilities() {
    return {
      capabilities: [
        // A node-only plugin still reports the controller service: the capability is the driver's.
        { service: { type: 'CONTROLLER_SERVICE' } },
        // Slice volumes grow while mounted; whole-drive volumes answer OUT_OF_RANGE instead.
        { volume_expansion: { type: 'ONLINE' } },
      ],
    };
  }

  async probe(_request: unknown, scope: CallScope) {
    const now = Date.now();
    if (!this.probed || now - this.probed.at > PROBE_CACHE_MS) {
      let ready = true;
      try {
        await this.api.ready({ rpc: 'Probe', signal: scope.signal });
      } catch {
        ready = false;
      }
      this.probed = { at: now, ready };
    }
    return { ready: { value: this.probed.ready } };
  }
}
