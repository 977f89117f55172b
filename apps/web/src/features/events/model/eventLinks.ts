import type { DomainEvent } from '@drivebay/api-types';

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
  }
}
