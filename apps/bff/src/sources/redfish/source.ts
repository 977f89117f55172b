import type { EnclosureReport, HardwareObservation, Site } from '@drivebay/api-types';
import type { Inventory } from '@drivebay/composer';
import { CommandError } from '../../commands/errors.js';
import type { Logger } from '../../log.js';
import type { Instruments } from '../../metrics/prometheus/instruments.js';
import type { HardwareSink, HardwareSource } from '../hardware.js';
import { defaultRetryPolicy, RedfishClient, type RetryPolicy } from './client.js';
import type { ServiceScan } from './discovery.js';
import { RedfishError } from './errors.js';
import { composeInventory, type KnownEnclosure, reportOf } from './inventory-view.js';
import type { EnclosureReading } from './read-enclosure.js';
import { defaultFollowOptions, type FollowOptions, RedfishService, type ServiceListener } from './service.js';
import { ServiceLog } from './service-log.js';
import { type Credentials, RedfishSession } from './session.js';
import type { EnclosureSource, RedfishServiceStatus } from './status.js';
import { HttpTransport, type TlsOptions } from './transport.js';

/** One Redfish service to follow: an enclosure manager, a rack manager or a BMC. */
export interface RedfishEndpoint {
  /** The service's base URL (scheme, host, port), e.g. https://enclosure-7.example:443. */
  url: string;
  /** Absent: the service is read without authentication (some simulators, read-only roots). */
  credentials?: Credentials | undefined;
  tls?: TlsOptions | undefined;
}

export interface RedfishSourceOptions {
  endpoints: readonly RedfishEndpoint[];
  /** The site when no service names one (Oem.Drivebay.Site). */
  site: { id: string; name: string };
  log: Logger;
  /** The stored inventory: what services not yet answering had, kept until they answer. */
  restored?: Inventory | undefined;
  retry?: Partial<RetryPolicy>;
  follow?: Partial<FollowOptions>;
  /** Batches of enclosure reports go at most this many per observation (EnclosureBatchSchema's bound). */
  maxBatch?: number;
  now?: () => number;
  /** Where each request's duration and outcome go (/metrics). */
  instruments?: Instruments | undefined;
}

/**
 * The Redfish hardware source: each service followed on its own (one failing stalls no other),
 * their shares composed into one inventory after each full scan, re-read enclosures coalesced
 * into `enclosures` batches, and an unanswering service's enclosures reported unreachable.
 * Observations go to the sink one at a time, in order.
 */
export class RedfishHardwareSource implements HardwareSource {
  readonly name = 'redfish';
  private readonly services: RedfishService[];
  private readonly known = new Map<string, KnownEnclosure>();
  /** Enclosures last reported unreachable: their next reading is news even if it matches `known`. */
  private readonly unreachable = new Set<string>();
  /** The latest report of each enclosure not yet delivered: a burst becomes one batch. */
  private pending = new Map<string, EnclosureReport>();
  private flushTimer: NodeJS.Timeout | undefined;
  private queue: Promise<void> = Promise.resolve();
  private sink: HardwareSink | undefined;
  /** Until start() has delivered the first inventory, scans are gathered rather than reported. */
  private starting = true;
  private readonly coalesceMs: number;
  private readonly maxBatch: number;
  private readonly log: ServiceLog;

  constructor(private readonly options: RedfishSourceOptions) {
    const retry = { ...defaultRetryPolicy, ...options.retry };
    const follow = { ...defaultFollowOptions, ...options.follow };
    this.coalesceMs = follow.coalesceMs;
    this.maxBatch = Math.min(2_000, options.maxBatch ?? 2_000);
    const secrets = options.endpoints.flatMap((e) => (e.credentials ? [e.credentials.password] : []));
    this.log = new ServiceLog(options.log, 'all', secrets);
    const listener: ServiceListener = {
      scanned: (service, scan) => this.onScanned(service, scan),
      read: (_service, readings) => this.onRead(readings),
      down: (_service, enclosureIds) => this.onDown(enclosureIds),
    };
    this.services = options.endpoints.map((endpoint) => {
      const base = new URL(endpoint.url);
      const url = `${base.origin}${base.pathname === '/' ? '' : base.pathname}`;
      const transport = new HttpTransport(base, endpoint.tls, retry.maxConcurrent, options.instruments);
      const session = new RedfishSession(transport, endpoint.credentials, retry.timeoutMs);
      const log = new ServiceLog(options.log, url, secrets, 60_000, options.now);
      return new RedfishService(
        url,
        new RedfishClient(transport, session, retry),
        transport,
        listener,
        log,
        follow,
        options.now,
      );
    });
    for (const enclosure of options.restored?.enclosures.values() ?? []) {
      this.known.set(enclosure.id, { enclosure, drives: options.restored?.drivesIn(enclosure.id) ?? [] });
    }
  }

  /** Scans every service at once, reports one inventory, then follows each service's changes. */
  async start(sink: HardwareSink): Promise<void> {
    this.sink = sink;
    const scans = await Promise.all(this.services.map((service) => service.start()));
    this.starting = false;
    if (scans.some((scan) => scan !== undefined)) this.deliver(this.inventory());
    else if (this.services.length > 0)
      this.log.error('start', 'no Redfish service answered; the stored inventory stands');
    // Stored enclosures no answering service claims belong to one that is down: say so.
    if (scans.some((scan) => scan === undefined)) {
      const claimed = new Set(this.services.flatMap((s) => s.status().enclosures));
      for (const id of this.options.restored?.enclosures.keys() ?? []) {
        if (!claimed.has(id)) this.deliver({ type: 'enclosure-unreachable', enclosureId: id });
      }
    }
    await this.queue;
  }

  async stop(): Promise<void> {
    await Promise.all(this.services.map((service) => service.stop()));
    clearTimeout(this.flushTimer);
    this.flushPending();
    await this.queue;
    this.sink = undefined;
  }

  /** Each service's state, for the console. */
  status(): RedfishServiceStatus[] {
    return this.services.map((service) => service.status());
  }

  /** Which service an enclosure comes from and what its hardware says of itself. */
  enclosureSource(enclosureId: string): EnclosureSource | undefined {
    for (const service of this.services) {
      const reading = service.readingOf(enclosureId);
      if (!reading) continue;
      const { detail } = reading;
      return {
        enclosureId,
        service: service.url,
        path: reading.path,
        lastSeen: service.lastSeenAt === undefined ? null : new Date(service.lastSeenAt).toISOString(),
        manufacturer: detail.manufacturer ?? null,
        model: detail.model ?? null,
        serialNumber: detail.serialNumber ?? null,
        partNumber: detail.partNumber ?? null,
        firmwareVersion: detail.firmwareVersion ?? null,
        state: detail.state ?? null,
        health: detail.health ?? null,
      };
    }
    return undefined;
  }

  /**
   * Lights (or clears) the locate LED of a drive or an enclosure on its hardware: a PATCH of
   * LocationIndicatorActive, or IndicatorLED where that is what the resource has.
   * NOT_FOUND when no service holds it, UNAVAILABLE when its service does not answer.
   */
  async setIndicator(target: { kind: 'drive' | 'enclosure'; id: string }, on: boolean): Promise<void> {
    for (const service of this.services) {
      for (const reading of service.readings.values()) {
        const path =
          target.kind === 'enclosure'
            ? reading.enclosure.id === target.id && reading.path
            : reading.drivePaths.get(target.id);
        if (!path) continue;
        if (!service.up)
          throw new CommandError(
            'UNAVAILABLE',
            `the Redfish service of ${target.kind} ${target.id} (${service.url}) is not answering; retry later`,
          );
        try {
          await service.locate(path, target.kind, on);
        } catch (error) {
          if (error instanceof RedfishError) {
            throw new CommandError(
              error.serviceDown ? 'UNAVAILABLE' : 'FAILED_PRECONDITION',
              `locate ${target.kind} ${target.id} at ${service.url}: ${error.message}`,
            );
          }
          throw error;
        }
        return;
      }
    }
    throw new CommandError('NOT_FOUND', `no Redfish service holds ${target.kind} ${target.id}`);
  }

  private onScanned(_service: RedfishService, _scan: ServiceScan): void {
    if (this.starting) return;
    this.deliver(this.inventory());
  }

  private onRead(readings: readonly EnclosureReading[]): void {
    for (const reading of readings) {
      const id = reading.enclosure.id;
      if (reading.unreachable) {
        this.pending.delete(id);
        this.deliver({ type: 'enclosure-unreachable', enclosureId: id });
        continue;
      }
      const report = reportOf(reading, this.known.get(id));
      if (!this.unreachable.has(id) && sameReport(report, this.known.get(id))) continue;
      this.pending.set(id, report);
    }
    if (this.pending.size > 0) this.flushTimer ??= setTimeout(() => this.flushPending(), this.coalesceMs);
  }

  private onDown(enclosureIds: readonly string[]): void {
    for (const id of enclosureIds) {
      this.pending.delete(id);
      this.deliver({ type: 'enclosure-unreachable', enclosureId: id });
    }
  }

  private inventory(): HardwareObservation {
    const scannedSite = this.services.map((s) => s.siteOf()).find((s) => s !== undefined);
    const named = scannedSite ?? this.options.site;
    const site: Site = { id: named.id, name: named.name, scale: scannedSite?.scale ?? 'discovered' };
    const shares = this.services.map((service) => ({
      scan: service.currentScan,
      readings: service.readings.values(),
      up: service.up,
    }));
    return composeInventory(site, shares, this.known, this.options.restored);
  }

  private flushPending(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const reports = [...this.pending.values()];
    this.pending = new Map();
    for (let i = 0; i < reports.length; i += this.maxBatch) {
      const chunk = reports.slice(i, i + this.maxBatch);
      this.deliver(chunk.length === 1 ? chunk[0]! : { type: 'enclosures', reports: chunk });
    }
  }

  /** Hands an observation to the sink after those before it; what it says becomes the known state. */
  private deliver(observation: HardwareObservation): void {
    // Anything that is not a batch goes after the batch gathered so far, so order is kept.
    if (observation.type !== 'enclosures' && observation.type !== 'enclosure' && this.pending.size > 0)
      this.flushPending();
    this.remember(observation);
    const sink = this.sink;
    if (!sink) return;
    this.queue = this.queue.then(async () => {
      try {
        await sink(observation);
      } catch (error) {
        this.log.error(
          `sink:${observation.type}`,
          `hardware observation not committed: ${error instanceof Error ? error.message : error}`,
          {
            observation: observation.type,
          },
        );
      }
    });
  }

  private rememberReport(report: EnclosureReport): void {
    this.known.set(report.enclosure.id, { enclosure: report.enclosure, drives: report.drives });
    this.unreachable.delete(report.enclosure.id);
  }

  private remember(observation: HardwareObservation): void {
    switch (observation.type) {
      case 'inventory':
        for (const { enclosure, drives } of observation.enclosures) {
          if (enclosure.state !== 'online') continue;
          this.known.set(enclosure.id, { enclosure, drives });
          this.unreachable.delete(enclosure.id);
        }
        return;
      case 'enclosure':
        this.rememberReport(observation);
        return;
      case 'enclosures':
        for (const report of observation.reports) this.rememberReport(report);
        return;
      case 'enclosure-unreachable':
        this.unreachable.add(observation.enclosureId);
        return;
    }
  }
}

/** Whether a report says nothing new: the hardware answered the same as last time. */
function sameReport(report: EnclosureReport, known: KnownEnclosure | undefined): boolean {
  if (!known) return false;
  return (
    JSON.stringify([report.enclosure, report.drives]) === JSON.stringify([known.enclosure, known.drives])
  );
}
