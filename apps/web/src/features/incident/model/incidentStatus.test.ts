import type { IncidentSummary } from '@drivebay/api-types';
import { describe, expect, it } from 'vitest';
import { incidentStatus } from './incidentStatus';

const summary = (over: Partial<IncidentSummary> = {}): IncidentSummary => ({
  revision: 7,
  active: false,
  enclosuresOffline: 0,
  drives: { failed: 0, offline: 0, degraded: 0 },
  volumes: { failed: 0, degraded: 0, rebuilding: 0 },
  podsAffected: 0,
  claimsAffected: 0,
  ...over,
});

describe('incidentStatus', () => {
  it('is quiet when the server says there is no incident', () => {
    expect(incidentStatus(summary())).toEqual({ active: false, parts: [], revision: 7 });
    expect(incidentStatus(summary({ volumes: { failed: 0, degraded: 0, rebuilding: 2 } })).active).toBe(
      false,
    );
  });

  it('counts offline enclosures and failed drives, worst first, with plural words', () => {
    const status = incidentStatus(
      summary({
        active: true,
        enclosuresOffline: 1,
        drives: { failed: 1, offline: 24, degraded: 0 },
        volumes: { failed: 2, degraded: 3, rebuilding: 0 },
      }),
    );
    expect(status.parts.map((p) => p.label)).toEqual([
      '1 enclosure offline',
      '2 volumes failed',
      '1 drive failed',
      '24 drives offline',
      '3 volumes degraded',
    ]);
  });

  it('lists rebuilds and affected pods during an incident, pods last', () => {
    const status = incidentStatus(
      summary({
        active: true,
        drives: { failed: 0, offline: 0, degraded: 1 },
        volumes: { failed: 0, degraded: 0, rebuilding: 2 },
        podsAffected: 1,
      }),
    );
    expect(status.parts.map((p) => p.key)).toEqual([
      'drives-degraded',
      'volumes-rebuilding',
      'pods-affected',
    ]);
    expect(status.parts.at(-1)?.label).toBe('1 pod affected');
  });
});
