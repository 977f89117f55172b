import { describe, expect, it } from 'vitest';
import { incidentStatus } from './incidentStatus';

const healthy = { ok: 10, degraded: 0, failed: 0, offline: 0 };
const volumes = (failed: number, degraded: number, rebuilding: number) => ({
  total: 10,
  byHealth: { healthy: 10 - failed - degraded - rebuilding, failed, degraded, rebuilding },
});

describe('incidentStatus', () => {
  it('is quiet when everything is healthy', () => {
    expect(incidentStatus(healthy, 0, volumes(0, 0, 0))).toEqual({ active: false, parts: [] });
  });

  it('counts offline enclosures and failed drives, worst first, with plural words', () => {
    const status = incidentStatus({ ...healthy, failed: 1, offline: 24 }, 1, volumes(2, 3, 0));
    expect(status.active).toBe(true);
    expect(status.parts.map((p) => p.label)).toEqual([
      '1 enclosure offline',
      '2 volumes failed',
      '1 drive failed',
      '24 drives offline',
      '3 volumes degraded',
    ]);
  });

  it('does not call rebuilds alone an incident, but lists them during one', () => {
    expect(incidentStatus(healthy, 0, volumes(0, 0, 2)).active).toBe(false);
    const status = incidentStatus({ ...healthy, degraded: 1 }, 0, volumes(0, 0, 2));
    expect(status.parts.map((p) => p.key)).toEqual(['drives-degraded', 'volumes-rebuilding']);
  });

  it('counts affected pods last during an incident, never making one by itself', () => {
    const status = incidentStatus({ ...healthy, failed: 1 }, 0, volumes(0, 1, 0), 3);
    expect(status.parts.map((p) => p.label)).toEqual([
      '1 drive failed',
      '1 volume degraded',
      '3 pods affected',
    ]);
    expect(incidentStatus(healthy, 0, volumes(0, 0, 1), 2)).toEqual({ active: false, parts: [] });
    expect(incidentStatus({ ...healthy, failed: 1 }, 0, undefined, 0).parts.map((p) => p.key)).toEqual([
      'drives-failed',
    ]);
  });

  it('decides on hardware alone while volume counts load', () => {
    expect(incidentStatus({ ...healthy, failed: 1 }, 0, undefined).parts).toHaveLength(1);
  });
});
