import type { DomainEvent } from '@drivebay/api-types';
import { countNewer } from './timeline';

/** A paused timeline: the events on screen when Pause was pressed, under which filters, and when. */
export interface Freeze {
  readonly filtersKey: string;
  readonly events: readonly DomainEvent[];
  /** ISO time Pause was pressed. */
  readonly at: string;
}

/** What the page shows: the live timeline, or the frozen one and how many arrived since. */
export interface TimelineView {
  readonly shown: readonly DomainEvent[];
  readonly paused: Freeze | null;
  /** Events in the live timeline newer than the newest one frozen on screen. */
  readonly newer: number;
}

/**
 * The timeline to show. A freeze taken under other filters does not apply: the URL changed
 * (another choice, back, forward, a link), so this is another timeline and it shows live.
 */
export function timelineView(
  live: readonly DomainEvent[],
  freeze: Freeze | null,
  filtersKey: string,
): TimelineView {
  if (!freeze || freeze.filtersKey !== filtersKey) return { shown: live, paused: null, newer: 0 };
  return { shown: freeze.events, paused: freeze, newer: countNewer(live, freeze.events[0]?.id) };
}
