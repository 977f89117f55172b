import type { Locator, Page } from '@playwright/test';

/** /workloads: the cluster switcher, the views (tabs) and their tables. */
export class WorkloadsPage {
  readonly heading: Locator;
  readonly clusters: Locator;
  readonly tabs: Locator;
  readonly filters: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Workloads', exact: true });
    this.clusters = page.getByRole('navigation', { name: 'Clusters' });
    this.tabs = page.getByRole('navigation', { name: 'Views' });
    this.filters = page.getByRole('form', { name: 'Workload filters' });
  }

  async open(baseUrl: string, query = ''): Promise<void> {
    await this.page.goto(new URL(`/workloads${query}`, baseUrl).toString());
  }

  /** A cluster's entry in the switcher ("simulated watching"). */
  cluster(id: string): Locator {
    return this.clusters.locator(`li[data-cluster="${id}"]`);
  }

  tab(name: 'Workloads' | 'Pods' | 'PVCs' | 'Nodes'): Locator {
    return this.tabs.getByRole('link', { name: new RegExp(`^${name}\\b`) });
  }

  table(name: 'Workloads' | 'Pods' | 'PVCs' | 'Nodes'): Locator {
    return this.page.getByRole('table', { name, exact: true });
  }

  /** A workload's row, found by namespace and "Kind/name". */
  workload(namespace: string, ref: string): Locator {
    return this.table('Workloads').locator(`tbody tr[data-namespace="${namespace}"][data-workload="${ref}"]`);
  }

  /** A pod's row, found by the name a user reads in its link. */
  pod(name: string): Locator {
    return this.table('Pods')
      .locator('tbody tr')
      .filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  claim(name: string): Locator {
    return this.table('PVCs')
      .locator('tbody tr')
      .filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }
}

/** /workloads/pods/… and /workloads/claims/…: the chain from a pod or PVC down to the drives. */
export class KubeDetailPage {
  readonly heading: Locator;
  readonly problems: Locator;

  constructor(
    private readonly page: Page,
    kind: 'Pod' | 'PVC',
    name: string,
  ) {
    this.heading = page.getByRole('heading', { level: 1, name: `${kind} ${name}`, exact: true });
    this.problems = page.locator('.chain-summary');
  }

  /** One step of the chain by its kind and name, e.g. step('PVC', 'data-cassandra-0'). */
  step(kind: string, name: string | RegExp): Locator {
    const heading = this.page.getByRole('heading', {
      name: typeof name === 'string' ? `${kind} ${name}` : new RegExp(`^${kind} ${name.source}`),
    });
    return this.page.locator('li.chain-step').filter({ has: heading });
  }

  /** The drive rows of a volume. */
  drives(volumeName: string): Locator {
    return this.page.getByRole('table', { name: `Drives of volume ${volumeName}` }).locator('tbody tr');
  }

  showOnTopology(volumeName: string): Locator {
    return this.page.getByRole('link', { name: `Show on topology for volume ${volumeName}` });
  }
}
