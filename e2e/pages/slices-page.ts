import type { Locator, Page } from '@playwright/test';

/** /slices: the SSD heat map, the table of sliced SSDs and one SSD's slice bar. */
export class SlicesPage {
  readonly summary: Locator;
  readonly table: Locator;
  readonly heatMap: Locator;

  constructor(private readonly page: Page) {
    this.summary = page.locator('[data-sliced]');
    this.table = page.getByRole('table', { name: 'Sliced SSDs' });
    this.heatMap = page.getByRole('img', { name: /Heat map of \d+ SSDs/ });
  }

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(new URL('/slices', baseUrl).toString());
  }

  sliceBar(driveId: string): Locator {
    return this.page.getByRole('region', { name: `Slices of ${driveId}` });
  }
}
