import { generateSite } from '@drivebay/composer';
import { SimulatedSite } from '../../site/simulated-site.js';
import type { RedfishServiceOptions } from '../options.js';
import { RedfishSiteService } from '../redfish-site-service.js';
import { ServiceFaults } from './service-faults.js';

export const CREDENTIALS = { userName: 'admin', password: 'correct horse' };

/** A clock a test moves by hand, so that sessions expire without waiting. */
export class ManualClock {
  constructor(public ms = Date.parse('2026-11-22T08:00:00Z')) {}
  readonly now = (): number => this.ms;
  advance(seconds: number): void {
    this.ms += seconds * 1000;
  }
}

export interface TestService {
  site: SimulatedSite;
  service: RedfishSiteService;
  url: string;
  faults: ServiceFaults;
  clock: ManualClock;
  stop(): Promise<void>;
}

/** A small simulated site, running without a sink, served over Redfish on a free loopback port. */
export async function startTestService(options: Partial<RedfishServiceOptions> = {}): Promise<TestService> {
  const site = new SimulatedSite(generateSite({ scale: 'small', seed: 7 }), 1);
  await site.start();
  const faults = new ServiceFaults();
  const clock = new ManualClock();
  const service = new RedfishSiteService(site, {
    credentials: CREDENTIALS,
    clock: clock.now,
    faults,
    ...options,
  });
  const { url } = await service.start({ host: '127.0.0.1', port: 0 });
  return {
    site,
    service,
    url,
    faults,
    clock,
    async stop() {
      await service.stop();
      await site.stop();
    },
  };
}
