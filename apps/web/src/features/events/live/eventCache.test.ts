import type { EventsPage } from '@drivebay/api-types';
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { buildVolumeEvent } from '../../../shared/testing/buildVolume';
import { eventKeys, eventTimelineQuery, filtersOfTimelineKey } from '../api/eventQueries';
import { type TimelineData, timelineEvents } from '../model/timeline';
import { eventCachePort } from './eventCache';

const page = (ids: string[]): TimelineData => ({
  pages: [{ events: ids.map((id) => buildVolumeEvent({ id })), nextBefore: null }],
  pageParams: [undefined],
});
const idsOf = (client: QueryClient, key: readonly unknown[]) =>
  timelineEvents(client.getQueryData<TimelineData>(key)).map((e) => e.id);

describe('eventCachePort', () => {
  it('puts live events into every cached timeline through its own filters, and reloads them on resync', async () => {
    const client = new QueryClient();
    client.setQueryData(eventKeys.list({}), page(['ev-1']));
    client.setQueryData(eventKeys.list({ severity: ['critical'] }), page([]));
    const port = eventCachePort(client);
    port.apply([
      buildVolumeEvent({ id: 'ev-2', severity: 'info' }),
      buildVolumeEvent({ id: 'ev-3', severity: 'critical' }),
    ]);
    expect(idsOf(client, eventKeys.list({}))).toEqual(['ev-3', 'ev-2', 'ev-1']);
    expect(idsOf(client, eventKeys.list({ severity: ['critical'] }))).toEqual(['ev-3']);
    port.resync();
    expect(client.getQueryState(eventKeys.list({}))?.isInvalidated).toBe(true);
  });

  it('keeps events that arrive while a timeline loads, in case its answer was read before them', async () => {
    const client = new QueryClient();
    const port = eventCachePort(client);
    let answer: (page: EventsPage) => void = () => {};
    const loading = client.fetchInfiniteQuery({
      ...eventTimelineQuery({}),
      queryFn: () => new Promise<EventsPage>((resolve) => (answer = resolve)),
    });
    port.apply([buildVolumeEvent({ id: 'ev-3' })]);
    // The server read its page before ev-3 was committed; ev-1 went by while it loaded too.
    answer({ events: [buildVolumeEvent({ id: 'ev-2' })], nextBefore: null });
    await loading;
    expect(idsOf(client, eventKeys.list({}))).toEqual(['ev-3', 'ev-2']);
    port.apply([buildVolumeEvent({ id: 'ev-4' })]);
    expect(idsOf(client, eventKeys.list({}))).toEqual(['ev-4', 'ev-3', 'ev-2']);
  });

  it('reads filters back from a timeline key', () => {
    const filters = { severity: ['warning', 'critical'] as const, object: 'drive:d1' };
    expect(filtersOfTimelineKey(eventKeys.list(filters))).toEqual({
      severity: ['critical', 'warning'],
      object: 'drive:d1',
    });
    expect(filtersOfTimelineKey(eventKeys.all)).toBeUndefined();
  });
});
