import { type Locate, type LocateKind, type LocateResult, locateId } from '@drivebay/api-types';
import type { HardwareSource } from '../sources/hardware.js';
import { deleteRecord, putRecord } from '../state/collections.js';
import type { StoreMirror } from '../state/mirror.js';
import type { Committer } from './committer.js';
import { CommandError } from './errors.js';

/**
 * Locate LEDs: lit on the hardware first (a bay nobody can find blinking helps no one), then
 * recorded, so that every browser's map blinks the same bays and says who asked. Asking for the
 * state a LED is already in changes nothing and calls no hardware (idempotent).
 */
export class LocateCommands {
  constructor(
    private readonly committer: Committer,
    private readonly mirror: StoreMirror,
    private readonly hardware: () => HardwareSource | undefined,
  ) {}

  async set(kind: LocateKind, id: string, on: boolean, actor: string): Promise<LocateResult> {
    const target =
      kind === 'drive' ? this.mirror.inventory.drives.get(id) : this.mirror.inventory.enclosures.get(id);
    if (!target) throw new CommandError('NOT_FOUND', `${kind} "${id}" does not exist`, 'id');
    const recordId = locateId(kind, id);
    const current = this.mirror.locates.byId.get(recordId);
    if (Boolean(current) === on) return { kind, id, on, changed: false, locate: current ?? null };

    const source = this.hardware();
    if (!source?.setIndicator)
      throw new CommandError(
        'FAILED_PRECONDITION',
        `the hardware source "${source?.name ?? 'none'}" cannot set locate LEDs`,
      );
    // The hardware's own errors (its service not answering, the PATCH refused) name the service.
    await source.setIndicator({ kind, id }, on);

    const committed = await this.committer.run(actor, (context) => {
      const locate: Locate = { kind, id, since: context.now, by: actor };
      return {
        writes: [on ? putRecord('locates', recordId, locate) : deleteRecord('locates', recordId)],
        events: [],
        result: on ? locate : null,
      };
    });
    return { kind, id, on, changed: true, locate: committed.result };
  }
}
