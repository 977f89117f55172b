import type { Locator, Page } from '@playwright/test';

/** The incident banner on every page, and the /incident view it opens. */
export class IncidentPage {
  readonly banner: Locator;
  readonly openFromBanner: Locator;
  readonly lostRedundancy: Locator;
  readonly rebuilds: Locator;
  readonly enclosuresOffline: Locator;
  readonly exportJson: Locator;
  readonly exportPng: Locator;

  constructor(private readonly page: Page) {
    this.banner = page.getByRole('alert', { name: 'Incident' });
    this.openFromBanner = this.banner.getByRole('link', { name: /show what is affected/i });
    this.lostRedundancy = page.getByRole('region', { name: /volumes that lost redundancy/i });
    this.rebuilds = page.getByRole('region', { name: /rebuilds running/i });
    this.enclosuresOffline = page.getByRole('region', { name: /enclosures offline/i });
    this.exportJson = page.getByRole('button', { name: 'Export JSON' });
    this.exportPng = page.getByRole('button', { name: 'Export map (PNG)' });
  }

  /** A banner count by its key, e.g. "enclosures-offline". */
  part(key: string): Locator {
    return this.banner.locator(`[data-incident-part="${key}"]`);
  }

  /** A volume listed under lost redundancy or under rebuilds (whichever it is in now). */
  affectedVolume(id: string): Locator {
    return this.page.locator('.incident-section li').and(this.page.locator(`[data-volume-id="${id}"]`));
  }
}
