import type { DomainEvent } from '@drivebay/api-types';
import { useState } from 'react';
import { type EventFilters, eventFiltersKey } from '../model/eventFilters';
import { type Freeze, type TimelineView, timelineView } from '../model/pause';

interface PausableTimeline extends TimelineView {
  pause(): void;
  resume(): void;
}

/** Pause freezes the list on screen while live events keep arriving (and are counted); Resume shows them. */
export function usePausableTimeline(live: readonly DomainEvent[], filters: EventFilters): PausableTimeline {
  const filtersKey = eventFiltersKey(filters);
  const [freeze, setFreeze] = useState<Freeze | null>(null);
  // Other filters are another timeline: drop the old freeze, so that coming back later shows it live.
  if (freeze && freeze.filtersKey !== filtersKey) setFreeze(null);
  return {
    ...timelineView(live, freeze, filtersKey),
    pause: () => setFreeze({ filtersKey, events: live, at: new Date().toISOString() }),
    resume: () => setFreeze(null),
  };
}
