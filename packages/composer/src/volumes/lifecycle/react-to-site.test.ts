import type { Volume } from '@drivebay/api-types';
import { describe, expect, it } from 'vitest';
import { indexVolumes, reactToSiteChanges, type VolumeLookup } from './react-to-site.js';
import { fixture, testContext } from './testing/fixtures.js';

const T1 = '2026-11-22T01:00:00.000Z';

/** Two volumes on two disjoint pairs of drives in one site. */
function twoVolumes() {
  const a = fixture({ request: { name: 'pvc-b' } });
  const b = fixture({ request: { name: 'pvc-a' } });
  for (const [id, drive] of b.site.drives) a.site.drives.set(id, drive);
  for (const [id, enclosure] of b.site.enclosures) a.site.enclosures.set(id, enclosure);
  return { site: a.site, first: a, second: b, volumes: [a.volume, b.volume] };
}

/** A lookup that records which keys were asked, to prove the work is bounded by the change. */
function spying(lookup: VolumeLookup) {
  const asked: string[] = [];
  const spy: VolumeLookup = {
    onDrive: (id) => {
      asked.push(id);
      return lookup.onDrive(id);
    },
    inEnclosure: (id) => {
      asked.push(id);
      return lookup.inEnclosure(id);
    },
  };
  return { spy, asked };
}

describe('reactToSiteChanges', () => {
  it('re-evaluates only the volumes on the changed drives', () => {
    const { site, first, volumes } = twoVolumes();
    const { spy, asked } = spying(indexVolumes(volumes));
    site.setDrive(first.drives[0]!.id, 'failed');
    const reaction = reactToSiteChanges(
      spy,
      new Set([first.drives[0]!.id]),
      new Set(),
      site,
      testContext(T1),
    );
    expect(asked).toEqual([first.drives[0]!.id]);
    expect(reaction.volumes.map((v: Volume) => [v.id, v.health])).toEqual([['pvc-b', 'degraded']]);
    expect(reaction.events).toMatchObject([{ type: 'VolumeDegraded', subject: { id: 'pvc-b' } }]);
  });

  it('follows enclosures, evaluates each volume once, and orders the result by id', () => {
    const { site, first, second, volumes } = twoVolumes();
    site.setEnclosure(first.enclosures[0]!.id, 'offline');
    site.setEnclosure(second.enclosures[1]!.id, 'offline');
    const reaction = reactToSiteChanges(
      indexVolumes(volumes),
      new Set([first.drives[0]!.id, first.drives[1]!.id]),
      new Set([first.enclosures[0]!.id, second.enclosures[1]!.id]),
      site,
      testContext(T1),
    );
    expect(reaction.volumes.map((v) => v.id)).toEqual(['pvc-a', 'pvc-b']);
    expect(reaction.events.map((e) => e.subject.id)).toEqual(['pvc-a', 'pvc-b']);
  });

  it('returns nothing when the change does not alter any volume', () => {
    const { site, first, volumes } = twoVolumes();
    site.setDrive(first.drives[0]!.id, 'degraded');
    const reaction = reactToSiteChanges(
      indexVolumes(volumes),
      new Set([first.drives[0]!.id]),
      new Set(),
      site,
      testContext(T1),
    );
    expect(reaction).toEqual({ volumes: [], events: [] });
  });
});
