import { type Role, roleAllows } from '@drivebay/api-types';

export interface NavEntry {
  readonly to: string;
  readonly label: string;
  readonly end: boolean;
  /** The role the page needs; the entry is absent for others. */
  readonly role: Role;
}

const LINKS: readonly NavEntry[] = [
  { to: '/', label: 'Overview', end: true, role: 'viewer' },
  { to: '/topology', label: 'Topology', end: false, role: 'viewer' },
  { to: '/volumes', label: 'Volumes', end: false, role: 'viewer' },
  { to: '/slices', label: 'Slices', end: false, role: 'viewer' },
  { to: '/workloads', label: 'Workloads', end: false, role: 'viewer' },
  { to: '/events', label: 'Events', end: false, role: 'viewer' },
  { to: '/audit', label: 'Audit', end: false, role: 'viewer' },
  { to: '/admin/users', label: 'Users', end: false, role: 'admin' },
];

/** The navigation entries `role` may use; none while nobody is known to be signed in. */
export function navLinksFor(role: Role | undefined): readonly NavEntry[] {
  if (!role) return [];
  return LINKS.filter((link) => roleAllows(role, link.role));
}
