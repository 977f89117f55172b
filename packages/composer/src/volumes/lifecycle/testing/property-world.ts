import { type DomainEvent, GIB, type Volume } from '@drivebay/api-types';
import { expect } from 'vitest';
import type { DecisionContext } from '../../../inventory/decision.js';
import type { Result } from '../../types.js';
import { deleteVolume } from '../delete-volume.js';
import { expandVolume } from '../expand-volume.js';
import { isReachable } from '../reachability.js';
import { indexVolumes, reactToSiteChanges } from '../react-to-site.js';
import { advanceRebuilds } from '../rebuild-advance.js';
import { startRebuild } from '../rebuild-start.js';
import type { Transition } from '../transition.js';
import { expectedExpand, expectedOutcome, type LifecycleCall, type Outcome } from './oracle.js';
import { type Command, callOf, RATE, STAGING, stepContext, TARGETS } from './property-commands.js';
import { propertySite } from './property-site.js';

/**
 * Test support: the small site and its volumes as the BFF would hold them, driven one command
 * at a time. Each step checks the answer it got and returns the events to commit.
 */
export class PropertyWorld {
  readonly parts = propertySite();
  readonly volumes = new Map(this.parts.volumes.map((v) => [v.id, v]));
  private readonly original = new Map(this.parts.drives.map((d) => [d.id, d]));
  clock = 0;

  /** Applies one command at `step`; the context it used and the events raised. */
  step(command: Command, step: number): { context: DecisionContext; events: DomainEvent[] } {
    if (command.kind === 'tick') this.clock += command.seconds;
    const context = stepContext(step, this.clock);
    const events: DomainEvent[] = [];
    const volume = [...this.volumes.values()][
      ('volume' in command ? command.volume : 0) % Math.max(1, this.volumes.size)
    ];
    const apply = (before: Volume, result: Result<Transition>, expected?: Outcome) => {
      if (expected)
        expect(result.ok ? (result.value.changed ? 'changed' : 'unchanged') : result.error.code).toBe(
          expected,
        );
      if (!result.ok) return expect(result.error.message).not.toBe('');
      const { volume: after, events: raised, changed } = result.value;
      // Events only on change; an unchanged answer is the very same volume.
      if (!changed) expect({ same: after === before, raised }).toEqual({ same: true, raised: [] });
      events.push(...raised);
      this.volumes.set(after.id, after);
    };
    switch (command.kind) {
      case 'publish':
      case 'unpublish':
        if (volume)
          this.lifecycle(
            volume,
            { kind: command.kind, server: this.parts.servers[command.server]! },
            step,
            apply,
          );
        break;
      case 'stage':
      case 'unstage':
      case 'nodePublish':
      case 'nodeUnpublish': {
        const path = (command.kind.includes('tage') ? STAGING : TARGETS)[command.path]!;
        if (volume) this.lifecycle(volume, { kind: command.kind, path }, step, apply);
        break;
      }
      case 'delete':
        if (volume) events.push(...this.delete(volume, command.purge, context));
        break;
      case 'expand':
        if (volume?.members[0]?.slice) {
          const grown = volume.members.map(({ state: _s, rebuild: _r, failedAt: _f, ...m }) => ({
            ...m,
            slice: { offsetGiB: m.slice!.offsetGiB, sizeGiB: m.slice!.sizeGiB + command.growGiB },
          }));
          const result = expandVolume(volume, grown, volume.capacityBytes + command.growGiB * GIB, context);
          apply(volume, result, expectedExpand(volume, command.growGiB));
        }
        break;
      case 'drive':
      case 'enclosure':
        events.push(...this.siteChange(command, context));
        break;
      case 'rebuild':
        if (volume) this.rebuild(volume, command, context, apply);
        break;
      case 'tick':
        for (const v of [...this.volumes.values()])
          apply(v, { ok: true, value: advanceRebuilds(v, { ...context, bytesPerSecond: RATE }) });
        break;
    }
    return { context, events };
  }

  private lifecycle(volume: Volume, call: LifecycleCall, step: number, apply: Apply): void {
    const result = callOf(volume, call, this.parts.site, stepContext(step, this.clock));
    apply(volume, result, expectedOutcome(volume, call));
    if (!result.ok || !result.value.changed) return;
    // Every CSI call repeated at once is a no-op: the same volume, no events.
    const again = callOf(result.value.volume, call, this.parts.site, stepContext(step, this.clock, 'repeat'));
    expect(again).toEqual({ ok: true, value: { volume: result.value.volume, events: [], changed: false } });
  }

  private delete(volume: Volume, purge: boolean, context: DecisionContext): DomainEvent[] {
    const result = deleteVolume(volume, context, { purge });
    expect(result.ok ? result.value.action : result.error.code).toBe(
      expectedOutcome(volume, { kind: 'delete', purge }),
    );
    if (!result.ok) return [];
    if (result.value.action === 'none') expect(result.value).toEqual({ action: 'none', volume, events: [] });
    if (result.value.action === 'delete') this.volumes.delete(volume.id);
    else this.volumes.set(volume.id, result.value.volume);
    return result.value.events;
  }

  private siteChange(
    command: Command & { kind: 'drive' | 'enclosure' },
    context: DecisionContext,
  ): DomainEvent[] {
    const { site, drives, enclosures } = this.parts;
    const changedDrives = new Set<string>();
    const changedEnclosures = new Set<string>();
    if (command.kind === 'drive') {
      const drive = drives[command.drive]!;
      if (command.health === 'removed') site.drives.delete(drive.id);
      else site.drives.set(drive.id, { ...this.original.get(drive.id)!, health: command.health });
      changedDrives.add(drive.id);
    } else {
      const enclosure = enclosures[command.enclosure]!;
      site.setEnclosure(enclosure.id, command.online ? 'online' : 'offline');
      changedEnclosures.add(enclosure.id);
    }
    const lookup = indexVolumes(this.volumes.values());
    const reaction = reactToSiteChanges(lookup, changedDrives, changedEnclosures, site, context);
    for (const volume of reaction.volumes) this.volumes.set(volume.id, volume);
    return reaction.events;
  }

  private rebuild(
    volume: Volume,
    command: Command & { kind: 'rebuild' },
    context: DecisionContext,
    apply: Apply,
  ): void {
    // Mostly a failed member (the case that can rebuild), sometimes any member.
    const failed = volume.members.filter((m) => m.state === 'failed');
    const candidates = failed.length > 0 && command.spare < 4 ? failed : volume.members;
    const member = candidates[command.member % candidates.length]!;
    // Placement's part, played simply: a reachable spare nobody uses, or the member's own drive.
    const used = new Set([...this.volumes.values()].flatMap((v) => v.members.map((m) => m.driveId)));
    const spare = this.parts.spares[command.spare];
    if (spare && used.has(spare.id)) return;
    const { state: _s, rebuild: _r, failedAt: _f, ...self } = member;
    const replacement = spare ? { ...self, driveId: spare.id, enclosureId: spare.enclosure } : self;
    if (!isReachable({ ...replacement, state: 'active' }, this.parts.site)) return;
    const index = volume.members.indexOf(member);
    apply(volume, startRebuild(volume, index, replacement, { ...context, bytesPerSecond: RATE }));
  }
}

type Apply = (before: Volume, result: Result<Transition>, expected?: Outcome) => void;
