import type { HardwareObservation } from '@drivebay/api-types';
import { generateSite } from '@drivebay/composer';
import { describe, expect, it } from 'vitest';
import { SimulatedSite } from './simulated-site.js';
import type { SiteChange } from './site-change.js';

function site() {
  const simulated = new SimulatedSite(generateSite({ scale: 'small', seed: 3 }), 1);
  const [first] = simulated.enclosureList();
  const drive = first && [...first.bays.values()][0];
  if (!first || !drive) throw new Error('the small site has an enclosure with drives');
  return { simulated, enclosureId: first.enclosure.id, drive };
}

describe('SimulatedSite', () => {
  it('refuses faults until started, then runs without a sink, telling its change listeners', async () => {
    const { simulated, drive } = site();
    await expect(simulated.inject({ kind: 'drive-fail', driveId: drive.id })).rejects.toThrow(/not running/);
    const heard: SiteChange[] = [];
    simulated.onChange((changes) => heard.push(...changes));
    await simulated.start();
    expect(await simulated.inject({ kind: 'drive-fail', driveId: drive.id })).toEqual({
      accepted: true,
      revision: 0,
    });
    expect(heard).toEqual([{ kind: 'drive-health', drive: { ...drive, health: 'failed' }, previous: 'ok' }]);
    expect(simulated.findEnclosure(drive.enclosure)?.bays.get(drive.bay)?.health).toBe('failed');
  });

  it('tells listeners of a replacement, reachability and a server, and still reports to a sink', async () => {
    const { simulated, enclosureId, drive } = site();
    const heard: SiteChange['kind'][] = [];
    const observed: HardwareObservation['type'][] = [];
    const stop = simulated.onChange((changes) => heard.push(...changes.map((c) => c.kind)));
    await simulated.start(async (observation) => {
      observed.push(observation.type);
      return { revision: 1 };
    });
    const { newDriveId } = await simulated.inject({ kind: 'drive-replace', driveId: drive.id });
    await simulated.inject({ kind: 'enclosure-offline', enclosureId });
    await simulated.inject({ kind: 'server-down', serverId: simulated.serverList()[0]?.id ?? '' });
    expect(heard).toEqual(['drive-replaced', 'enclosure-reachable', 'server-state']);
    expect(observed).toEqual(['inventory', 'enclosure', 'enclosure-unreachable', 'inventory']);
    expect(simulated.findEnclosure(enclosureId)?.reachable).toBe(false);
    expect(simulated.findServer(simulated.serverList()[0]?.id ?? '')?.state).toBe('down');
    expect(
      [...(simulated.findEnclosure(enclosureId)?.bays.values() ?? [])].some((d) => d.id === newDriveId),
    ).toBe(true);
    stop();
    await simulated.inject({ kind: 'enclosure-online', enclosureId });
    expect(heard).toHaveLength(3);
  });

  it('keeps locate LEDs of enclosures and drives, reporting only real changes', () => {
    const { simulated, enclosureId, drive } = site();
    const heard: SiteChange[] = [];
    simulated.onChange((changes) => heard.push(...changes));
    simulated.setLocate({ enclosureId, driveId: drive.id }, true);
    simulated.setLocate({ enclosureId, driveId: drive.id }, true);
    simulated.setLocate({ enclosureId }, true);
    expect(simulated.locateActive(drive.id)).toBe(true);
    expect(simulated.locateActive(enclosureId)).toBe(true);
    expect(heard).toHaveLength(2);
    expect(() => simulated.setLocate({ enclosureId, driveId: 'drv-none' }, true)).toThrow(/does not exist/);
    expect(() => simulated.setLocate({ enclosureId: 'enc-none' }, true)).toThrow(/does not exist/);
  });
});
