import { describe, expect, it } from 'vitest';
import { navLinksFor } from './navLinks';

const labels = (role: Parameters<typeof navLinksFor>[0]) => navLinksFor(role).map((link) => link.label);

describe('navLinksFor', () => {
  it('shows Audit to everyone signed in and Users to admins only', () => {
    expect(labels('viewer')).toContain('Audit');
    expect(labels('viewer')).not.toContain('Users');
    expect(labels('operator')).not.toContain('Users');
    expect(labels('admin')).toEqual([
      'Overview',
      'Topology',
      'Volumes',
      'Slices',
      'Workloads',
      'Events',
      'Audit',
      'Users',
    ]);
  });

  it('shows nothing before the session is known', () => {
    expect(navLinksFor(undefined)).toEqual([]);
  });
});
