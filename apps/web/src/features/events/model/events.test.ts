import type { DomainEvent } from '@drivebay/api-types';
import { describe, expect, it } from 'vitest';
import { buildVolumeEvent } from '../../../shared/testing/buildVolume';
import {
  eventFiltersFromParams,
  eventFiltersKey,
  matchesEventFilters,
  objectFilterFromInput,
  withEventFilters,
} from './eventFilters';
import { eventObjectHref } from './eventLinks';
import { countNewer, eventsAfterLoaded, prependLiveEvents, timelineEvents } from './timeline';

const event = (id: string, overrides: Partial<DomainEvent> = {}) =>
  buildVolumeEvent({ id, at: `2026-12-01T00:00:${id.slice(-2)}Z`, ...overrides });

describe('event filters', () => {
  it('round-trip through the URL, leaving out what the server would refuse', () => {
    const params = new URLSearchParams(
      'severity=critical,bogus&source=hardware&object=drive:d1&since=yesterday&tab=x',
    );
    const filters = eventFiltersFromParams(params);
    expect(filters).toEqual({ severity: ['critical'], source: ['hardware'], object: 'drive:d1' });
    expect(withEventFilters(params, filters).toString()).toBe(
      'tab=x&severity=critical&source=hardware&object=drive%3Ad1',
    );
  });

  it('key equal filters equally, whatever order they were ticked in', () => {
    expect(eventFiltersKey({ severity: ['info', 'critical'] })).toBe(
      eventFiltersKey({ severity: ['critical', 'info'] }),
    );
    expect(eventFiltersKey({})).toBe('');
  });

  it('read the object box as the timeline shows objects, or as typed', () => {
    expect(objectFilterFromInput(' drive drv-1 ')).toBe('drive:drv-1');
    expect(objectFilterFromInput('Volume:pvc-1')).toBe('volume:pvc-1');
    expect(objectFilterFromInput('pvc-1')).toBe('pvc-1');
    expect(objectFilterFromInput('two words here')).toBe('two words here');
    expect(objectFilterFromInput('  ')).toBeUndefined();
  });

  it('treat every severity ticked as no filter', () => {
    expect(eventFiltersFromParams(new URLSearchParams('severity=critical,warning,info'))).toEqual({});
  });

  it('match events as the server does', () => {
    const failed = event('ev-01', {
      severity: 'critical',
      actor: 'hardware:simulator',
      subject: { kind: 'drive', id: 'd1' },
    });
    expect(
      matchesEventFilters(failed, { severity: ['critical'], source: ['hardware'], object: 'drive:d1' }),
    ).toBe(true);
    expect(matchesEventFilters(failed, { source: ['user'] })).toBe(false);
    expect(matchesEventFilters(failed, { object: 'volume:d1' })).toBe(false);
    expect(matchesEventFilters(failed, { object: 'd1' })).toBe(true);
    expect(matchesEventFilters(failed, { since: '2026-12-01T00:00:02Z' })).toBe(false);
  });
});

describe('timeline', () => {
  const data = {
    pages: [
      { events: [event('ev-03'), event('ev-02')], nextBefore: 'ev-02' },
      { events: [event('ev-01')], nextBefore: null },
    ],
    pageParams: [undefined, 'ev-02'],
  };

  it('puts new matching events on top, once, newest first', () => {
    const next = prependLiveEvents(data, [event('ev-04'), event('ev-05'), event('ev-03')], {});
    expect(timelineEvents(next).map((e) => e.id)).toEqual(['ev-05', 'ev-04', 'ev-03', 'ev-02', 'ev-01']);
  });

  it('leaves out live events the filters exclude, and returns the same data when nothing is new', () => {
    const info = event('ev-06', { severity: 'info' });
    expect(prependLiveEvents(data, [info], { severity: ['critical'] })).toBe(data);
  });

  it('lets the oldest go past the cap, pointing "Load older" at them', () => {
    const next = prependLiveEvents(data, [event('ev-04'), event('ev-05')], {}, 3);
    expect(next.pages).toHaveLength(1);
    expect(timelineEvents(next).map((e) => e.id)).toEqual(['ev-05', 'ev-04', 'ev-03']);
    expect(next.pages[0]?.nextBefore).toBe('ev-03');
  });

  it('replays only held-back events newer than everything a load answered', () => {
    const held = [event('ev-01'), event('ev-03'), event('ev-04')];
    expect(eventsAfterLoaded(data, held).map((e) => e.id)).toEqual(['ev-04']);
    const empty = { pages: [{ events: [], nextBefore: null }], pageParams: [undefined] };
    expect(eventsAfterLoaded(empty, held)).toHaveLength(3);
  });

  it('counts what arrived after the newest event seen', () => {
    const events = timelineEvents(prependLiveEvents(data, [event('ev-04'), event('ev-05')], {}));
    expect(countNewer(events, 'ev-03')).toBe(2);
    expect(countNewer(events, 'ev-05')).toBe(0);
  });
});

describe('eventObjectHref', () => {
  it('links each kind of object to where it is shown', () => {
    expect(eventObjectHref({ subject: { kind: 'volume', id: 'pvc 1' } })).toBe('/volumes/pvc%201');
    expect(eventObjectHref({ subject: { kind: 'drive', id: 'd1' } })).toBe('/topology?drive=d1');
    expect(eventObjectHref({ subject: { kind: 'enclosure', id: 'e1' } })).toBe('/topology?enclosure=e1');
  });
});
