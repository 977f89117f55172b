import { describe, expect, it } from 'vitest';
import { messageParts, messageText } from './messageParts';

const AT = '2026-12-03T13:25:10.482Z';

describe('messageParts', () => {
  it('shows an ETA on the event’s own day as the console’s clock time', () => {
    const message =
      'Rebuild of volume pg set 0 copy 0 started: 2.4 TB at 1.0 GB/s, ETA 2026-12-03T14:05:00.000Z';
    expect(messageParts(message, AT)).toEqual([
      { kind: 'text', text: 'Rebuild of volume pg set 0 copy 0 started: 2.4 TB at 1.0 GB/s, ETA ' },
      { kind: 'time', iso: '2026-12-03T14:05:00.000Z', text: '14:05 UTC' },
    ]);
  });

  it('keeps the date of a time on another day, and reads every instant in the text', () => {
    expect(messageText('from 2026-12-02T23:59:00Z until 2026-12-04T00:01:30.5+00:00.', AT)).toBe(
      'from 2026-12-02 23:59 UTC until 2026-12-04 00:01 UTC.',
    );
  });

  it('leaves text without instants, dates alone and impossible times as written', () => {
    expect(messageParts('Drive WBND00Y1 in enc-b03-1 bay 3 failed', AT)).toEqual([
      { kind: 'text', text: 'Drive WBND00Y1 in enc-b03-1 bay 3 failed' },
    ]);
    expect(messageText('expires 2026-12-31, serial 2026-12-03T99:99Z', AT)).toBe(
      'expires 2026-12-31, serial 2026-12-03T99:99Z',
    );
    expect(messageParts('', AT)).toEqual([]);
  });
});
