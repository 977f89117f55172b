import type { DomainEvent } from '@drivebay/api-types';
import { claimHref, podHref } from '../../../shared/api/kubeQueries';

/** Where an event's object lives in the console. */
export function eventObjectHref(event: Pick<DomainEvent, 'subject'>): string | null {
  const id = encodeURIComponent(event.subject.id);
  switch (event.subject.kind) {
    case 'volume':
      return `/volumes/${id}`;
    case 'drive':
      return `/topology?drive=${id}`;
    case 'enclosure':
      return `/topology?enclosure=${id}`;
    case 'server':
    case 'site':
      return '/topology';
    case 'pod':
    case 'claim': {
      // "cluster/namespace/name"
      const [cluster, namespace, ...rest] = event.subject.id.split('/');
      if (!cluster || !namespace || rest.length === 0) return null;
      const href = event.subject.kind === 'pod' ? podHref : claimHref;
      return href(cluster, namespace, rest.join('/'));
    }
    case 'node': {
      const cluster = event.subject.id.split('/')[0] ?? '';
      return `/workloads?cluster=${encodeURIComponent(cluster)}&tab=nodes`;
    }
    case 'cluster':
      return `/workloads?cluster=${id}`;
  }
}
