import type { Locator, Page } from '@playwright/test';

/** The topology page, by role and accessible name. */
export class TopologyPage {
  readonly connection: Locator;
  readonly map: Locator;

  constructor(private readonly page: Page) {
    this.connection = page.getByRole('status').and(page.locator('[data-connection]'));
    this.map = page.locator('canvas[data-drive-count]');
  }

  async open(baseUrl: string, driveId?: string): Promise<void> {
    const query = driveId ? `?drive=${encodeURIComponent(driveId)}` : '';
    await this.page.goto(new URL(`/topology${query}`, baseUrl).toString());
  }

  /** The Find box (drive id, serial or volume name). */
  get find(): Locator {
    return this.page.getByRole('searchbox', { name: 'Find' });
  }

  /** "Outlined: the 2 drives of volume …" once a volume is found. */
  get volumeHighlight(): Locator {
    return this.page.locator('[data-highlighted-volume]');
  }

  get colourBy(): Locator {
    return this.page.getByLabel('Colour by');
  }

  get colourLegend(): Locator {
    return this.page.getByRole('list', { name: 'Colour legend' });
  }

  /** The side panel of a selected drive. */
  drivePanel(driveId: string): Locator {
    return this.page.getByRole('complementary', { name: `Drive ${driveId}` });
  }
}
