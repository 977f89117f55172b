import { type ComponentType, lazy } from 'react';

/** A page loaded with its route, so the first load carries only the shell and the page opened. */
function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

export const OverviewPage = lazyPage(() => import('./features/overview/OverviewPage'), 'OverviewPage');
export const TopologyPage = lazyPage(() => import('./features/topology/TopologyPage'), 'TopologyPage');
export const VolumesPage = lazyPage(() => import('./features/volumes/VolumesPage'), 'VolumesPage');
export const VolumeDetailPage = lazyPage(
  () => import('./features/volumes/VolumeDetailPage'),
  'VolumeDetailPage',
);
export const WorkloadsPage = lazyPage(() => import('./features/workloads/WorkloadsPage'), 'WorkloadsPage');
export const PodDetailPage = lazyPage(() => import('./features/workloads/PodDetailPage'), 'PodDetailPage');
export const ClaimDetailPage = lazyPage(
  () => import('./features/workloads/ClaimDetailPage'),
  'ClaimDetailPage',
);
export const EventsPage = lazyPage(() => import('./features/events/EventsPage'), 'EventsPage');
export const IncidentPage = lazyPage(() => import('./features/incident/IncidentPage'), 'IncidentPage');
export const AuditPage = lazyPage(() => import('./features/audit/AuditPage'), 'AuditPage');
export const UsersPage = lazyPage(() => import('./features/users/UsersPage'), 'UsersPage');
export const AccountPage = lazyPage(() => import('./features/auth/AccountPage'), 'AccountPage');
export const SlicesPage = lazyPage(() => import('./features/slices/SlicesPage'), 'SlicesPage');
export const TokensPage = lazyPage(() => import('./features/tokens/TokensPage'), 'TokensPage');
