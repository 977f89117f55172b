import type { RedfishClient } from './client.js';
import { discover, type ServiceScan, systemPrint } from './discovery.js';
import { RedfishError } from './errors.js';
import { openEventStream } from './event-stream.js';
import { locateBody, type Note, toId } from './mapping.js';
import { enclosuresOfEvent } from './origins.js';
import { pathKey, type QueryFeatures, readMembers } from './paging.js';
import { type EnclosureReading, type ReadContext, readEnclosure, rereadDrives } from './read-enclosure.js';
import {
  ChassisSchema,
  CollectionSchema,
  DriveResourceSchema,
  EventServiceSchema,
  type RedfishEvent,
  type ServiceRoot,
  ServiceRootSchema,
  SystemSchema,
} from './schemas.js';
import type { ServiceLog } from './service-log.js';
import type { RedfishServiceStatus } from './status.js';
import type { HttpTransport } from './transport.js';

/** What a service tells the source; the source turns it into observations. */
export interface ServiceListener {
  /** A full scan finished: the service's whole share of the inventory. */
  scanned(service: RedfishService, scan: ServiceScan): void;
  /** Enclosures re-read after an event or a poll. */
  read(service: RedfishService, readings: EnclosureReading[]): void;
  /** The service stopped answering: these enclosures (its last scan's) are unreachable. */
  down(service: RedfishService, enclosureIds: string[]): void;
}

export interface FollowOptions {
  /** Polling interval without SSE; with SSE, how often the service root is asked whether it still answers. */
  pollIntervalMs: number;
  /** Events within this window are read together. */
  coalesceMs: number;
  /** Backoff after a failure: doubles per failure in a row, up to the maximum. */
  reconnectInitialMs: number;
  reconnectMaxMs: number;
  /** The SSE stream must answer within this. */
  connectTimeoutMs: number;
  /** Use the EventService's SSE stream when the service has one (off: poll always). */
  useSse: boolean;
}

export const defaultFollowOptions: FollowOptions = {
  pollIntervalMs: 30_000,
  coalesceMs: 100,
  reconnectInitialMs: 1_000,
  reconnectMaxMs: 60_000,
  connectTimeoutMs: 10_000,
  useSse: true,
};

const MAX_PROBLEMS = 50;
/** More drives of one enclosure changed than this: reading it whole (two requests) is cheaper. */
const MAX_DRIVE_READS = 8;

/**
 * One Redfish service, followed on its own: scanned, then watched through its SSE stream (or
 * polled with ETags), marked down when it stops answering and scanned again when it returns.
 * A lost stream reconnects (with Last-Event-ID) and rescans, so that nothing is missed.
 */
export class RedfishService {
  private state: RedfishServiceStatus['state'] = 'connecting';
  private changes: RedfishServiceStatus['changes'] = 'none';
  private lastSeen: number | undefined;
  private lastError: { message: string; at: number } | undefined;
  private lastScan: RedfishServiceStatus['lastScan'] = null;
  private problems: string[] = [];
  private readonly notes = new Map<string, string>();
  private root: ServiceRoot | undefined;
  private scan: ServiceScan | undefined;
  /** The enclosures as last read, by chassis path. */
  readonly readings = new Map<string, EnclosureReading>();
  private readonly enclosureOfDrivePath = new Map<string, string>();
  private running = false;
  private failures = 0;
  private cycle: AbortController | undefined;
  private loop: Promise<void> | undefined;
  /** Enclosures to read whole, and (apart) drives to read on their own, by their enclosure. */
  private pendingReads = new Set<string>();
  private pendingDrives = new Map<string, Set<string>>();
  private pendingRescan = false;
  private flushTimer: NodeJS.Timeout | undefined;
  /** The re-read under way: events meanwhile gather for the next one, each enclosure once. */
  private flushing: Promise<void> | undefined;
  private lastEventId = '';

  constructor(
    readonly url: string,
    private readonly client: RedfishClient,
    private readonly transport: HttpTransport,
    private readonly listener: ServiceListener,
    private readonly log: ServiceLog,
    private readonly options: FollowOptions = defaultFollowOptions,
    private readonly now: () => number = Date.now,
  ) {}

  /** The first scan: resolves with it, or undefined when the service does not answer (it keeps trying). */
  async start(): Promise<ServiceScan | undefined> {
    this.running = true;
    let first: ServiceScan | undefined;
    try {
      first = await this.fullScan(false);
    } catch (error) {
      this.failed(error);
    }
    this.loop = this.run();
    return first;
  }

  async stop(): Promise<void> {
    this.running = false;
    this.state = 'stopped';
    clearTimeout(this.flushTimer);
    this.cycle?.abort();
    await this.loop;
    await this.flushing;
    await this.client.session.logout();
    this.transport.close();
  }

  status(): RedfishServiceStatus {
    return {
      url: this.url,
      state: this.state,
      changes: this.changes,
      lastSeen: this.lastSeen === undefined ? null : new Date(this.lastSeen).toISOString(),
      lastError: this.lastError?.message ?? null,
      lastErrorAt: this.lastError === undefined ? null : new Date(this.lastError.at).toISOString(),
      enclosures: [...this.readings.values()].map((r) => r.enclosure.id),
      drives: [...this.readings.values()].reduce((n, r) => n + r.drives.length, 0),
      lastScan: this.lastScan,
      notes: [...this.notes.values()],
      problems: [...this.problems],
    };
  }

  /** Whether the service answers now. */
  get up(): boolean {
    return this.state === 'up';
  }

  /** Lights or clears the locate LED of an enclosure (by chassis path) or drive (by its resource path). */
  async locate(path: string, kind: 'enclosure' | 'drive', on: boolean): Promise<void> {
    const schema = kind === 'enclosure' ? ChassisSchema : DriveResourceSchema;
    const { value } = await this.client.get(path, schema);
    await this.client.patch(path, locateBody(value, on));
    this.seen();
  }

  /** The reading of an enclosure of this service, by Drivebay id. */
  readingOf(enclosureId: string): EnclosureReading | undefined {
    for (const reading of this.readings.values()) if (reading.enclosure.id === enclosureId) return reading;
    return undefined;
  }

  /** The last full scan, if the service ever answered one. */
  get currentScan(): ServiceScan | undefined {
    return this.scan;
  }

  /** The site the service names (Oem.Drivebay.Site), if it does. */
  siteOf(): { id: string; name: string; scale?: 'small' | 'large' } | undefined {
    return this.scan?.site;
  }

  get lastSeenAt(): number | undefined {
    return this.lastSeen;
  }

  // --- the loop: recover when down, else follow changes until the service fails ---

  private async run(): Promise<void> {
    while (this.running) {
      this.cycle = new AbortController();
      const signal = this.cycle.signal;
      try {
        if (this.state !== 'up') {
          await this.wait(this.backoff(), signal);
          if (!this.running) return;
          await this.fullScan(true);
          continue;
        }
        const sse = this.options.useSse ? await this.sseUri() : undefined;
        if (sse) await this.followStream(sse, signal);
        else await this.poll(signal);
      } catch (error) {
        if (!this.running) return;
        this.failed(error);
      }
    }
  }

  /** Scans everything; a scan on return from down is reported like the first. */
  private async fullScan(rescan: boolean): Promise<ServiceScan> {
    const started = this.now();
    const requestsBefore = this.client.requests;
    const root = (await this.client.get('/redfish/v1/', ServiceRootSchema)).value;
    this.seen();
    this.root = root;
    const sessions = root.Links?.Sessions?.['@odata.id'];
    if (sessions) this.client.session.sessionsPath = sessions;
    const scan = await discover(this.client, root, {
      features: this.features(),
      defaultRack: this.defaultRack(),
      note: this.note,
    });
    this.seen();
    this.scan = scan;
    const before = new Map(this.readings);
    this.readings.clear();
    this.enclosureOfDrivePath.clear();
    for (const reading of scan.enclosures) this.remember(reading, before.get(reading.path));
    this.problems = scan.problems.slice(0, MAX_PROBLEMS);
    for (const problem of scan.problems.slice(0, 5))
      this.log.warn(`resource:${problem}`, `Redfish resource skipped: ${problem}`);
    this.lastScan = {
      at: new Date(this.now()).toISOString(),
      durationMs: this.now() - started,
      requests: this.client.requests - requestsBefore,
    };
    const wasDown = this.state === 'down';
    this.state = 'up';
    this.failures = 0;
    if (wasDown) {
      this.log.reset('down');
      this.log.info('Redfish service answers again: rescanned', { enclosures: scan.enclosures.length });
    } else if (!rescan) {
      this.log.info('Redfish service scanned', {
        enclosures: scan.enclosures.length,
        requests: this.lastScan.requests,
      });
    }
    this.listener.scanned(this, scan);
    return scan;
  }

  private async followStream(uri: string, signal: AbortSignal): Promise<void> {
    const stream = await openEventStream(
      this.client,
      this.transport,
      uri,
      this.lastEventId,
      this.options.connectTimeoutMs,
      signal,
      {
        event: (event) => this.onEvent(event),
        malformed: (reason) => this.log.warn('event', `Redfish event ignored: ${reason}`),
      },
    );
    this.seen();
    if (this.changes === 'sse') {
      // Reconnected: what happened while the stream was down may not be replayed; a scan says it all.
      await this.fullScan(true);
    }
    this.changes = 'sse';
    this.failures = 0;
    // A half-open stream says nothing: ask the root from time to time whether the service answers.
    const liveness = setInterval(() => {
      this.client.get('/redfish/v1/', ServiceRootSchema).then(
        () => this.seen(),
        (error: unknown) => {
          if (error instanceof RedfishError && error.serviceDown) {
            this.failed(error);
            this.cycle?.abort();
          }
        },
      );
    }, this.options.pollIntervalMs);
    try {
      const why = await stream.closed;
      this.lastEventId = stream.lastEventId();
      if (why && this.running && this.state === 'up') {
        this.log.warn('stream', `Redfish event stream lost (${why.message}); reconnecting`);
        await this.wait(this.backoff(), signal);
      }
    } finally {
      clearInterval(liveness);
    }
  }

  private onEvent(event: RedfishEvent): void {
    this.seen();
    const { enclosures, drives, rescan } = enclosuresOfEvent(event, this.readings, this.enclosureOfDrivePath);
    for (const path of enclosures) this.pendingReads.add(path);
    for (const [enclosure, paths] of drives) {
      const pending = this.pendingDrives.get(enclosure);
      if (pending) for (const path of paths) pending.add(path);
      else this.pendingDrives.set(enclosure, paths);
    }
    if (rescan) this.pendingRescan = true;
    this.scheduleFlush();
  }

  /**
   * One re-read at a time: while one is under way, what events name gathers (an enclosure named
   * again and again is read once). Re-reads that overlapped would queue without bound whenever
   * events come faster than enclosures can be read (a storm), reading the same enclosure many
   * times over and falling ever further behind.
   */
  private scheduleFlush(): void {
    if (this.flushTimer || this.flushing || !this.running) return;
    this.flushTimer = setTimeout(() => void this.flush(), this.options.coalesceMs);
  }

  /** Reads what the events of the last window named, together; or scans when they named the unknown. */
  private async flush(): Promise<void> {
    this.flushTimer = undefined;
    const paths = [...this.pendingReads];
    const drives = this.pendingDrives;
    const rescan = this.pendingRescan;
    this.pendingReads = new Set();
    this.pendingDrives = new Map();
    this.pendingRescan = false;
    this.flushing = (async () => {
      try {
        if (rescan) await this.fullScan(true);
        else await this.reread(paths, drives);
      } catch (error) {
        if (!this.running) return;
        this.failed(error);
        this.cycle?.abort();
      }
    })();
    await this.flushing;
    this.flushing = undefined;
    if (this.pendingReads.size > 0 || this.pendingDrives.size > 0 || this.pendingRescan) this.scheduleFlush();
  }

  /**
   * Reads again the enclosures named (whole), and the drives named on their own: a drive's
   * change needs no more than the drive, unless so many of an enclosure's drives changed that
   * one read of the enclosure costs less. A drive that cannot be patched in has its enclosure read whole.
   */
  private async reread(
    paths: readonly string[],
    drives: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
  ): Promise<void> {
    if ((paths.length === 0 && drives.size === 0) || !this.scan) return;
    const context = this.readContext();
    const scan = this.scan;
    const whole = new Set(paths);
    const byDrive: [EnclosureReading, string[]][] = [];
    for (const [path, drivePaths] of drives) {
      const reading = this.readings.get(path);
      if (whole.has(path)) continue;
      if (!reading || drivePaths.size > MAX_DRIVE_READS) whole.add(path);
      else byDrive.push([reading, [...drivePaths]]);
    }
    const readWhole = (path: string) =>
      readEnclosure(this.client, path, context, { extraDrives: scan.storageDrives.get(path) ?? [] });
    const [wholeResults, driveResults] = await Promise.all([
      Promise.all([...whole].map(readWhole)),
      Promise.all(
        byDrive.map(async ([reading, drivePaths]) => {
          const patched = await rereadDrives(this.client, reading, drivePaths, this.note);
          return patched ?? readWhole(reading.path);
        }),
      ),
    ]);
    const results = [...wholeResults, ...driveResults];
    this.seen();
    const readings: EnclosureReading[] = [];
    let rescan = false;
    for (const result of results) {
      if (result?.kind === 'enclosure') {
        this.remember(result);
        readings.push(result);
        for (const problem of result.problems)
          this.log.warn(`resource:${problem}`, `Redfish resource skipped: ${problem}`);
      } else rescan = true; // gone, or no longer an enclosure: a scan decides
    }
    if (readings.length > 0) this.listener.read(this, readings);
    if (rescan) await this.fullScan(true);
  }

  /** Polls with If-None-Match until the service fails or the source stops. */
  private async poll(signal: AbortSignal): Promise<void> {
    this.changes = 'polling';
    while (this.running && this.state === 'up' && !signal.aborted) {
      await this.wait(this.options.pollIntervalMs, signal);
      if (!this.running || signal.aborted) return;
      const changed: string[] = [];
      await Promise.all(
        [...this.readings.values()].map(async (reading) => {
          for (const [path, etag] of reading.etags) {
            const schema =
              path === reading.path
                ? ChassisSchema
                : path === reading.drivesCollection
                  ? CollectionSchema
                  : DriveResourceSchema;
            try {
              const result = await this.client.getIfChanged(path, schema, etag);
              if (result === undefined) continue;
              // Kept for the next poll: the re-read below sees this version or a newer one.
              reading.etags.set(path, result.etag);
            } catch (error) {
              if (error instanceof RedfishError && error.serviceDown) throw error;
            }
            changed.push(reading.path);
            return;
          }
        }),
      );
      this.seen();
      const collectionChanged = await this.membershipChanged();
      if (collectionChanged) await this.fullScan(true);
      else await this.reread(changed);
    }
  }

  /** Whether chassis or systems were added or removed, or a system changed, since the last scan. */
  private async membershipChanged(): Promise<boolean> {
    const root = this.root;
    const scan = this.scan;
    if (!root || !scan) return true;
    if (root.Chassis) {
      const members = await readMembers(this.client, root.Chassis['@odata.id'], { expand: false });
      const paths = members.map((m) => pathKey(m.path)).sort();
      if (paths.join('\n') !== scan.chassisPaths.join('\n')) return true;
    }
    if (root.Systems) {
      const members = await readMembers(this.client, root.Systems['@odata.id'], this.features());
      if (members.length !== scan.systemPrints.size) return true;
      for (const member of members) {
        const parsed = member.body ? SystemSchema.safeParse(member.body) : undefined;
        const system = parsed?.success
          ? parsed.data
          : (await this.client.get(member.path, SystemSchema)).value;
        if (scan.systemPrints.get(pathKey(member.path)) !== systemPrint(system)) return true;
      }
    }
    return false;
  }

  private async sseUri(): Promise<string | undefined> {
    const ref = this.root?.EventService?.['@odata.id'];
    if (!ref) return undefined;
    try {
      const { value } = await this.client.get(ref, EventServiceSchema);
      if (value.ServiceEnabled === false) return undefined;
      return value.ServerSentEventUri ?? undefined;
    } catch (error) {
      if (error instanceof RedfishError && error.serviceDown) throw error;
      this.note(
        'EventService',
        `EventService unreadable (${error instanceof Error ? error.message : error}): polling`,
      );
      return undefined;
    }
  }

  private failed(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.lastError = { message, at: this.now() };
    this.failures++;
    const serviceDown = !(error instanceof RedfishError) || error.serviceDown || error.kind === 'auth';
    if (!serviceDown) {
      this.log.warn(`failure:${message}`, `Redfish request failed: ${message}`);
      return;
    }
    if (this.state === 'down') {
      this.log.warn('down', `Redfish service still not answering: ${message}`);
      return;
    }
    const first = this.state === 'connecting';
    this.state = 'down';
    this.log.error('down', `Redfish service not answering: ${message}`, { enclosures: this.readings.size });
    if (!first)
      this.listener.down(
        this,
        [...this.readings.values()].map((r) => r.enclosure.id),
      );
  }

  private remember(reading: EnclosureReading, previous = this.readings.get(reading.path)): void {
    if (previous) {
      for (const path of previous.drivePaths.values()) this.enclosureOfDrivePath.delete(path);
      // Expanded resources come without ETags: keep those polling learnt, so the next poll can say 304.
      for (const [path, etag] of reading.etags) {
        if (etag === undefined && previous.etags.get(path) !== undefined)
          reading.etags.set(path, previous.etags.get(path));
      }
    }
    this.readings.set(reading.path, reading);
    for (const path of reading.drivePaths.values()) this.enclosureOfDrivePath.set(path, reading.path);
  }

  private features(): QueryFeatures {
    const expand = this.root?.ProtocolFeaturesSupported?.ExpandQuery;
    return { expand: expand?.Levels === true && (expand.MaxLevels ?? 1) >= 1 };
  }

  private readContext(): ReadContext {
    return {
      features: this.features(),
      note: this.note,
      rackByPath: this.scan?.rackByPath ?? new Map(),
      defaultRack: this.defaultRack().id,
      fabricTransports: this.scan?.fabricTransports ?? [],
    };
  }

  private defaultRack() {
    const host = new URL(this.url).host;
    return { id: toId(`rack-${host}`) ?? 'rack-redfish', name: `Rack of ${host}`, row: 0, position: 0 };
  }

  private readonly note: Note = (key, message) => {
    if (this.notes.has(key)) return;
    this.notes.set(key, message);
    this.log.info(`Redfish service: ${message}`);
  };

  private seen(): void {
    this.lastSeen = this.now();
  }

  private backoff(): number {
    const delay = Math.min(
      this.options.reconnectMaxMs,
      this.options.reconnectInitialMs * 2 ** Math.max(0, this.failures - 1),
    );
    return Math.round(delay * (0.8 + Math.random() * 0.4));
  }

  private wait(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal.aborted) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      }
      signal.addEventListener('abort', done, { once: true });
    });
  }
}
