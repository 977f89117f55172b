import { describe, expect, it } from 'vitest';
import { EventLog } from './event-log.js';
import type { EventRecordDraft } from './site-events.js';

const draft = (n: number): EventRecordDraft => ({
  MessageId: 'ResourceEvent.1.0.ResourceChanged',
  Message: `change ${n}`,
  MessageArgs: [],
  Severity: 'OK',
  OriginOfCondition: { '@odata.id': `/redfish/v1/Chassis/enc-${n}` },
});

describe('EventLog', () => {
  it('numbers messages from 1, splitting a batch by records per message', () => {
    const log = new EventLog(10, 2, () => 0);
    const messages = log.append([draft(1), draft(2), draft(3)]);
    expect(messages.map((m) => m.id)).toEqual([1, 2]);
    expect(JSON.parse(messages[1]?.data ?? '{}').Events).toHaveLength(1);
    expect(log.append([])).toEqual([]);
  });

  it('replays what follows an id it holds, and reports a gap for one it does not', () => {
    const log = new EventLog(3, 1, () => 0);
    log.append([1, 2, 3, 4, 5].map(draft));
    expect(log.since(undefined)).toEqual({ messages: [], gap: undefined });
    expect(log.since('2').messages.map((m) => m.id)).toEqual([3, 4, 5]);
    expect(log.since('5')).toEqual({ messages: [], gap: undefined });
    for (const stale of ['1', '6', 'abc', '-1', '']) {
      const replay = log.since(stale);
      expect(replay.messages, stale).toEqual([]);
      expect(replay.gap?.id, stale).toBe(5);
    }
  });

  it('holds nothing to replay on a fresh start, and accepts 0 as "from the beginning"', () => {
    const log = new EventLog(3, 1, () => 0);
    expect(log.since('0')).toEqual({ messages: [], gap: undefined });
    log.append([draft(1)]);
    expect(log.since('0').messages.map((m) => m.id)).toEqual([1]);
  });
});
