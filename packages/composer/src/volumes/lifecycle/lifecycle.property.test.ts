import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Command, commandArb } from './testing/property-commands.js';
import { checkInvariants } from './testing/property-invariants.js';
import { PropertyWorld } from './testing/property-world.js';

/** Runs one sequence of commands against the small site, checking every answer and the state after it. */
function run(commands: Command[]): void {
  const world = new PropertyWorld();
  const seenIds = new Set<string>();
  commands.forEach((command, step) => {
    const { context, events } = world.step(command, step);
    for (const event of events) {
      // Every event carries the actor, time and an id from the context of its own step.
      expect(event).toMatchObject({ actor: context.actor, at: context.now, subject: { kind: 'volume' } });
      expect(event.id.startsWith(`ev-${step}-`)).toBe(true);
      expect(seenIds.has(event.id)).toBe(false);
      seenIds.add(event.id);
    }
    for (const volume of world.volumes.values()) checkInvariants(volume, world.parts.site);
  });
}

describe('volume lifecycle under random calls and hardware failures', () => {
  it('keeps its invariants and answers every call as the CSI table says', () => {
    fc.assert(fc.property(fc.array(commandArb, { minLength: 1, maxLength: 60, size: 'max' }), run), {
      numRuns: 200,
    });
  });
});
