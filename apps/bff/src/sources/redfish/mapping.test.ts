import { describe, expect, it } from 'vitest';
import { driveBay, driveHealth, driveIdFor, locateBody, serverState, transportsOf } from './mapping.js';
import { type SseMessage, SseParser } from './sse.js';

describe('the state mapping of docs/redfish.md', () => {
  it.each([
    [{ State: 'Absent' }, undefined],
    [{ State: 'UnavailableOffline', Health: 'OK' }, 'offline'],
    [{ State: 'StandbyOffline' }, 'offline'],
    [{ State: 'Enabled', Health: 'Critical' }, 'failed'],
    [{ State: 'Disabled', Health: 'OK' }, 'failed'],
    [{ State: 'Enabled', Health: 'Warning' }, 'degraded'],
    [{ State: 'Enabled', Health: 'OK' }, 'ok'],
    [undefined, 'ok'],
  ])('drive Status %j → %s', (status, health) => {
    expect(driveHealth(status)).toBe(health);
  });

  it('servers: PowerState Off → down, InTest or StandbyOffline → maintenance, else up', () => {
    expect(serverState({ Id: 'a', PowerState: 'Off' })).toBe('down');
    expect(serverState({ Id: 'a', PowerState: 'On', Status: { State: 'InTest' } })).toBe('maintenance');
    expect(serverState({ Id: 'a', Status: { State: 'StandbyOffline' } })).toBe('maintenance');
    expect(serverState({ Id: 'a', PowerState: 'On' })).toBe('up');
  });

  it('bays from PartLocation, the legacy Location array, or the service label', () => {
    expect(driveBay({ PhysicalLocation: { PartLocation: { LocationOrdinalValue: 7 } } })).toBe(7);
    expect(
      driveBay({
        Location: [
          { Info: 'x', InfoFormat: 'Name' },
          { Info: '11', InfoFormat: 'Bay Number' },
        ],
      }),
    ).toBe(11);
    expect(driveBay({ PhysicalLocation: { PartLocation: { ServiceLabel: 'Slot 04' } } })).toBe(4);
    expect(driveBay({})).toBeUndefined();
  });

  it('drive ids from serials, characters outside [a-z0-9._-] as "-"', () => {
    expect(driveIdFor('ZA1 B2/C3')).toBe('drv-za1-b2-c3');
    expect(driveIdFor('  ')).toBeUndefined();
  });

  it('transports from Oem names and Swordfish FabricTypes, in Drivebay order', () => {
    expect(transportsOf(['RoCEv2', 'iSCSI', 'NVMeOverFabrics', 'FC'])).toEqual(['iscsi', 'nvmetcp', 'roce']);
  });

  it('locate uses the property the resource has', () => {
    expect(locateBody({ LocationIndicatorActive: false }, true)).toEqual({ LocationIndicatorActive: true });
    expect(locateBody({ IndicatorLED: 'Off' }, true)).toEqual({ IndicatorLED: 'Blinking' });
    expect(locateBody({ IndicatorLED: 'Blinking' }, false)).toEqual({ IndicatorLED: 'Off' });
    expect(locateBody({}, true)).toEqual({ LocationIndicatorActive: true });
  });
});

describe('the text/event-stream parser', () => {
  it('joins data lines, keeps the id, skips comments, and survives chunks split anywhere', () => {
    const text =
      ': hello\r\nid: 7\r\ndata: {"a":\r\ndata: 1}\r\n\r\nevent: x\ndata: two\n\nid: 9\rdata: three\r\r';
    for (const size of [1, 2, 5, text.length]) {
      const messages: SseMessage[] = [];
      const parser = new SseParser((m) => messages.push(m));
      for (let i = 0; i < text.length; i += size) parser.push(text.slice(i, i + size));
      expect(messages).toEqual([
        { id: '7', event: 'message', data: '{"a":\n1}' },
        { id: '7', event: 'x', data: 'two' },
        { id: '9', event: 'message', data: 'three' },
      ]);
      expect(parser.lastEventId).toBe('9');
    }
  });
});
