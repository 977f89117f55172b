import type {
  Drive,
  Enclosure,
  FaultRequest,
  FaultResult,
  HardwareObservation,
  InventoryReport,
  Rack,
  Server,
  Site,
} from '@drivebay/api-types';
import { type Inventory, replacementDrive } from '@drivebay/composer';
import { SimulatorError } from '../simulator-error.js';
import { runDriveStorm } from './drive-storm.js';
import type { LocateTarget, PhysicalEnclosure, SiteChange, SiteChangeListener } from './site-change.js';

/**
 * Where the site reports what it observes: the hardware ingest of the process it runs in, which
 * answers with the revision the observation was committed at.
 */
export type ObservationSink = (observation: HardwareObservation) => Promise<{ revision: number }>;

/** Spare serials are a permutation of a sequence; this many fit every drive model's serial format. */
const SPARE_SEQUENCES = 1_000_000;

interface SimulatedEnclosure {
  enclosure: Enclosure;
  /** What is physically in each bay, whether or not the enclosure can be reached. */
  bays: Map<number, Drive>;
  reachable: boolean;
}

/**
 * The simulated hardware of the embedded default. It holds the physical truth (which drive
 * is in which bay, its health, which enclosures answer, which locate LEDs are lit) and reports
 * it through the same sink a real hardware source uses, or, without a sink, only to its change
 * listeners (its Redfish service); faults change the truth, then the report follows.
 */
export class SimulatedSite {
  readonly name = 'simulator';
  private readonly site: Site;
  private readonly racks: Rack[];
  private readonly servers: Server[];
  private readonly enclosures = new Map<string, SimulatedEnclosure>();
  private readonly enclosureOfDrive = new Map<string, string>();
  private sink: ObservationSink | undefined;
  private running = false;
  private readonly listeners = new Set<SiteChangeListener>();
  /** Enclosure and drive ids whose locate LED is lit. */
  private readonly lit = new Set<string>();
  private replacements: number;

  constructor(report: InventoryReport, replacementSeed: number) {
    this.site = report.site;
    this.racks = report.racks;
    this.servers = report.servers;
    this.replacements = replacementSeed % SPARE_SEQUENCES;
    for (const { enclosure, drives } of report.enclosures) {
      const reachable = enclosure.state === 'online';
      const bays = new Map<number, Drive>();
      for (const drive of drives) {
        // An unreachable enclosure's drives were last seen "offline"; physically they are
        // as they were, and the simulator assumes they are fine.
        bays.set(drive.bay, reachable || drive.health !== 'offline' ? drive : { ...drive, health: 'ok' });
        this.enclosureOfDrive.set(drive.id, enclosure.id);
      }
      this.enclosures.set(enclosure.id, { enclosure: { ...enclosure, state: 'online' }, bays, reachable });
    }
  }

  /**
   * Runs the site: faults are accepted from now on. With a sink, the site reports to it (the
   * in-process hardware source); without one, only its change listeners hear of faults, and a
   * fault's result carries revision 0 (whoever serves the site reports the change later).
   */
  async start(sink?: ObservationSink): Promise<void> {
    this.sink = sink;
    this.running = true;
    if (sink) await sink(this.inventoryReport());
  }

  async stop(): Promise<void> {
    this.sink = undefined;
    this.running = false;
  }

  /** Hears every physical change; answers the function that stops listening. */
  onChange(listener: SiteChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The site's identity. */
  describeSite(): Site {
    return this.site;
  }

  rackList(): readonly Rack[] {
    return this.racks;
  }

  serverList(): readonly Server[] {
    return this.servers;
  }

  findServer(serverId: string): Server | undefined {
    return this.servers.find((s) => s.id === serverId);
  }

  /** Every enclosure as it physically is, in the order the site was built. */
  enclosureList(): Iterable<PhysicalEnclosure> {
    return this.enclosures.values();
  }

  findEnclosure(enclosureId: string): PhysicalEnclosure | undefined {
    return this.enclosures.get(enclosureId);
  }

  /** The enclosure a drive sits in, if the site has that drive. */
  enclosureOf(driveId: string): string | undefined {
    return this.enclosureOfDrive.get(driveId);
  }

  /** Whether the locate LED of an enclosure or drive is lit. */
  locateActive(id: string): boolean {
    return this.lit.has(id);
  }

  /** Lights or clears a locate LED, as an operator's PATCH on the hardware does. */
  setLocate(target: LocateTarget, active: boolean): void {
    const simulated = this.enclosures.get(target.enclosureId);
    if (!simulated)
      throw new SimulatorError(
        'NOT_FOUND',
        `enclosure "${target.enclosureId}" does not exist`,
        'enclosureId',
      );
    const id = target.driveId ?? target.enclosureId;
    if (target.driveId && this.enclosureOfDrive.get(target.driveId) !== target.enclosureId)
      throw new SimulatorError('NOT_FOUND', `drive "${target.driveId}" does not exist`, 'driveId');
    if (this.lit.has(id) === active) return;
    if (active) this.lit.add(id);
    else this.lit.delete(id);
    this.notify([{ kind: 'locate', target, active }]);
  }

  /** Applies a fault to the simulated hardware and reports its effect. */
  async inject(fault: FaultRequest): Promise<FaultResult> {
    if (!this.running) throw new SimulatorError('UNAVAILABLE', 'the simulator is not running');
    switch (fault.kind) {
      case 'drive-fail':
        return this.setHealth(fault.driveId, 'failed');
      case 'drive-degrade':
        return this.setHealth(fault.driveId, 'degraded');
      case 'drive-replace':
        return this.replace(fault.driveId);
      case 'enclosure-offline':
        return this.setReachable(fault.enclosureId, false);
      case 'enclosure-online':
        return this.setReachable(fault.enclosureId, true);
      case 'drive-storm':
        return this.storm(fault.changes, fault.perSecond);
      case 'server-down':
        return this.setServerState(fault.serverId, 'down');
      case 'server-up':
        return this.setServerState(fault.serverId, 'up');
    }
  }

  /** A server's power or OS failing (or coming back): the whole site is reported again, with it. */
  private async setServerState(serverId: string, state: Server['state']): Promise<FaultResult> {
    const index = this.servers.findIndex((s) => s.id === serverId);
    const server = this.servers[index];
    if (!server) throw new SimulatorError('NOT_FOUND', `server "${serverId}" does not exist`, 'serverId');
    const changed = { ...server, state };
    this.servers[index] = changed;
    this.notify([{ kind: 'server-state', server: changed }]);
    return { accepted: true, revision: await this.deliver(this.inventoryReport()) };
  }

  /** Starts a storm and answers at once; the changes follow through the same sink as any fault. */
  private storm(changes: number, perSecond: number): FaultResult {
    if (!this.running) throw new SimulatorError('UNAVAILABLE', 'the simulator is not running');
    const target = {
      driveIds: () => [...this.enclosureOfDrive.keys()],
      flip: (ids: readonly string[]) => this.flip(ids),
    };
    void runDriveStorm(
      target,
      changes,
      perSecond,
      () => !this.running,
      () => undefined,
    );
    return { accepted: true, revision: 0 };
  }

  private async flip(ids: readonly string[]): Promise<void> {
    const touched = new Set<SimulatedEnclosure>();
    const changes: SiteChange[] = [];
    for (const id of ids) {
      const enclosureId = this.enclosureOfDrive.get(id);
      const simulated = enclosureId ? this.enclosures.get(enclosureId) : undefined;
      const drive = simulated && [...simulated.bays.values()].find((d) => d.id === id);
      // Replaced since the storm began: its successor is not part of this storm.
      if (!simulated || !drive) continue;
      if (drive.health !== 'ok' && drive.health !== 'degraded') continue;
      const flipped = { ...drive, health: drive.health === 'ok' ? ('degraded' as const) : ('ok' as const) };
      simulated.bays.set(drive.bay, flipped);
      changes.push({ kind: 'drive-health', drive: flipped, previous: drive.health });
      touched.add(simulated);
    }
    this.notify(changes);
    // One batch for every reachable enclosure touched: a storm tick is one transaction.
    const reports = [...touched]
      .filter((simulated) => simulated.reachable)
      .map((simulated) => ({
        type: 'enclosure' as const,
        enclosure: simulated.enclosure,
        drives: [...simulated.bays.values()],
      }));
    if (reports.length > 0) await this.deliver({ type: 'enclosures', reports });
  }

  private async setHealth(driveId: string, health: Drive['health']): Promise<FaultResult> {
    const { simulated, drive } = this.findDrive(driveId);
    const changed = { ...drive, health };
    simulated.bays.set(drive.bay, changed);
    this.notify([{ kind: 'drive-health', drive: changed, previous: drive.health }]);
    return this.report(simulated);
  }

  private async replace(driveId: string): Promise<FaultResult> {
    const { simulated, drive } = this.findDrive(driveId);
    const fresh = this.nextSpare(drive);
    simulated.bays.set(drive.bay, fresh);
    this.enclosureOfDrive.delete(drive.id);
    this.enclosureOfDrive.set(fresh.id, simulated.enclosure.id);
    this.lit.delete(drive.id);
    this.notify([{ kind: 'drive-replaced', removed: drive, added: fresh }]);
    return { ...(await this.report(simulated)), newDriveId: fresh.id };
  }

  /** A spare whose serial no drive in the site has; serials of removed drives may come back. */
  private nextSpare(failed: Drive): Drive {
    for (;;) {
      this.replacements = (this.replacements + 1) % SPARE_SEQUENCES;
      const spare = replacementDrive(failed, this.replacements);
      if (!this.enclosureOfDrive.has(spare.id)) return spare;
    }
  }

  private async setReachable(enclosureId: string, reachable: boolean): Promise<FaultResult> {
    const simulated = this.enclosures.get(enclosureId);
    if (!simulated)
      throw new SimulatorError('NOT_FOUND', `enclosure "${enclosureId}" does not exist`, 'enclosureId');
    simulated.reachable = reachable;
    this.notify([{ kind: 'enclosure-reachable', enclosureId, reachable }]);
    if (reachable) return this.report(simulated);
    const result = await this.deliver({ type: 'enclosure-unreachable', enclosureId });
    return { accepted: true, revision: result };
  }

  private findDrive(driveId: string): { simulated: SimulatedEnclosure; drive: Drive } {
    const enclosureId = this.enclosureOfDrive.get(driveId);
    const simulated = enclosureId ? this.enclosures.get(enclosureId) : undefined;
    const drive = simulated && [...simulated.bays.values()].find((d) => d.id === driveId);
    if (!simulated || !drive)
      throw new SimulatorError('NOT_FOUND', `drive "${driveId}" does not exist`, 'driveId');
    return { simulated, drive };
  }

  /** Reports one enclosure as the hardware sees it now (still unreachable, if it is). */
  private async report(simulated: SimulatedEnclosure): Promise<FaultResult> {
    const enclosureId = simulated.enclosure.id;
    if (!simulated.reachable) {
      return { accepted: true, revision: await this.deliver({ type: 'enclosure-unreachable', enclosureId }) };
    }
    const revision = await this.deliver({
      type: 'enclosure',
      enclosure: simulated.enclosure,
      drives: [...simulated.bays.values()],
    });
    return { accepted: true, revision };
  }

  private notify(changes: readonly SiteChange[]): void {
    if (changes.length === 0) return;
    for (const listener of this.listeners) listener(changes);
  }

  private async deliver(observation: HardwareObservation): Promise<number> {
    if (!this.running) throw new SimulatorError('UNAVAILABLE', 'the simulator is not running');
    if (!this.sink) return 0;
    return (await this.sink(observation)).revision;
  }

  /** What a hardware source that sees the whole site reports now. */
  inventoryReport(): InventoryReport {
    return {
      type: 'inventory',
      site: this.site,
      racks: this.racks,
      servers: this.servers,
      enclosures: [...this.enclosures.values()].map(({ enclosure, bays, reachable }) => ({
        enclosure: reachable ? enclosure : { ...enclosure, state: 'offline' as const },
        drives: [...bays.values()].map((d) => (reachable ? d : { ...d, health: 'offline' as const })),
      })),
    };
  }
}

/** Rebuilds the simulated hardware from what the store last recorded, so a restart keeps it. */
export function reportFromInventory(inventory: Inventory): InventoryReport | undefined {
  if (!inventory.site) return undefined;
  return {
    type: 'inventory',
    site: inventory.site,
    racks: [...inventory.racks.values()],
    servers: [...inventory.servers.values()],
    enclosures: [...inventory.enclosures.values()].map((enclosure) => ({
      enclosure,
      drives: inventory.drivesIn(enclosure.id),
    })),
  };
}
