import { describe, expect, it } from 'vitest';
import { buildVolumeEvent } from '../../../shared/testing/buildVolume';
import { eventFiltersKey } from './eventFilters';
import { type Freeze, timelineView } from './pause';

const event = (id: string) => buildVolumeEvent({ id });
const critical = eventFiltersKey({ severity: ['critical'] });

describe('timelineView', () => {
  const freeze: Freeze = {
    filtersKey: critical,
    events: [event('ev-02'), event('ev-01')],
    at: '2026-12-01T03:00:00Z',
  };

  it('shows the live timeline when not paused', () => {
    const live = [event('ev-03'), event('ev-02')];
    expect(timelineView(live, null, critical)).toEqual({ shown: live, paused: null, newer: 0 });
  });

  it('keeps the frozen list on screen and counts what arrived since', () => {
    const live = [event('ev-04'), event('ev-03'), event('ev-02'), event('ev-01')];
    const view = timelineView(live, freeze, critical);
    expect(view.shown.map((e) => e.id)).toEqual(['ev-02', 'ev-01']);
    expect(view.newer).toBe(2);
    expect(view.paused).toBe(freeze);
  });

  it('counts every event when paused on an empty list', () => {
    const view = timelineView([event('ev-01')], { ...freeze, events: [] }, critical);
    expect(view.newer).toBe(1);
  });

  it('shows live again when the URL now holds other filters (back, forward, a link)', () => {
    const live = [event('ev-09')];
    const view = timelineView(live, freeze, eventFiltersKey({}));
    expect(view).toEqual({ shown: live, paused: null, newer: 0 });
  });
});
