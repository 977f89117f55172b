import { describe, expect, it } from 'vitest';
import { driveHealthHref, enclosureStateHref } from './countLinks';

describe('count links', () => {
  it('sends drives that need a hand to the incident and healthy ones to the map by health', () => {
    expect(driveHealthHref('failed')).toBe('/incident');
    expect(driveHealthHref('degraded')).toBe('/incident');
    expect(driveHealthHref('offline')).toBe('/incident');
    expect(driveHealthHref('ok')).toBe('/topology?colour=health');
  });

  it('sends offline enclosures to the incident and online ones to the map', () => {
    expect(enclosureStateHref('offline')).toBe('/incident');
    expect(enclosureStateHref('online')).toBe('/topology');
  });
});
