import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { eventKeys } from '../features/events/api/eventQueries';
import { type TimelineData, timelineEvents } from '../features/events/model/timeline';
import { buildVolumeEvent } from '../features/volumes/testing/buildVolume';
import { eventCachePort } from './eventCachePort';

const page = (ids: string[]): TimelineData => ({
  pages: [{ events: ids.map((id) => buildVolumeEvent({ id })), nextBefore: null }],
  pageParams: [undefined],
});

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
    const all = client.getQueryData<TimelineData>(eventKeys.list({}));
    const critical = client.getQueryData<TimelineData>(eventKeys.list({ severity: ['critical'] }));
    expect(timelineEvents(all).map((e) => e.id)).toEqual(['ev-3', 'ev-2', 'ev-1']);
    expect(timelineEvents(critical).map((e) => e.id)).toEqual(['ev-3']);
    port.resync();
    expect(client.getQueryState(eventKeys.list({}))?.isInvalidated).toBe(true);
  });
});
