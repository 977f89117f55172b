/** Time, injected so that tests can hold it still. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * Event ids that sort by time: the millisecond, then a per-process sequence, so that the
 * store's key order is the timeline's order.
 */
export function createEventIds(clock: Clock): () => string {
  let sequence = 0;
  return () => {
    sequence = (sequence + 1) % 1_000_000;
    return `ev-${clock.now().getTime().toString().padStart(13, '0')}-${sequence.toString().padStart(6, '0')}`;
  };
}
