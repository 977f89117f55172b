import { type IncidentState, incidentSummary, sameSummary } from '@drivebay/composer';
import type { DerivedRoom } from './hub.js';

/**
 * The `incident` room: every page's banner. Its one delta is the whole summary, derived at the
 * revision of each batch and sent only when it says something new, so a browser on any page
 * learns of a failure within one batch without receiving the drives themselves.
 */
export function incidentRoom(state: () => IncidentState): DerivedRoom {
  return {
    room: 'incident',
    derive(revision) {
      return { revision, type: 'incident.summary', summary: { ...incidentSummary(state()), revision } };
    },
    same(a, b) {
      return (
        a.type === 'incident.summary' && b.type === 'incident.summary' && sameSummary(a.summary, b.summary)
      );
    },
  };
}
