import type { DomainEvent, TopologyDelta } from '@drivebay/api-types';

/** A volume's events, newest first, and whether older ones exist beyond them. */
export interface VolumeEventList {
  readonly events: readonly DomainEvent[];
  readonly hasOlder: boolean;
}

/** Whether a live event is about volume `id`. */
export function isAboutVolume(event: DomainEvent, id: string): boolean {
  return event.subject.kind === 'volume' && event.subject.id === id;
}

/**
 * Prepends the batch's events about volume `id` (newest first) to its list, skipping any
 * the list already holds. The same object comes back when none are new.
 */
export function prependVolumeEvents(
  list: VolumeEventList,
  deltas: readonly TopologyDelta[],
  id: string,
): VolumeEventList {
  const seen = new Set(list.events.map((event) => event.id));
  const fresh: DomainEvent[] = [];
  for (const delta of deltas) {
    if (delta.type !== 'event' || !isAboutVolume(delta.event, id) || seen.has(delta.event.id)) continue;
    seen.add(delta.event.id);
    fresh.push({ ...delta.event, revision: delta.event.revision ?? delta.revision });
  }
  if (fresh.length === 0) return list;
  return { ...list, events: [...fresh.reverse(), ...list.events] };
}
