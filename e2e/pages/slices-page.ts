import type { Locator, Page } from '@playwright/test';

/** A point inside the first heat map cell, from the canvas corner (3 px padding, cells of 4 px or more). */
const FIRST_CELL = { x: 5, y: 5 } as const;

/** /slices: the summary, the SSD heat map with its legend, the selected SSD's slice bar, the sliced SSDs. */
export class SlicesPage {
  /** "1 of 93 SSDs sliced · …"; data-sliced holds the count. */
  readonly summary: Locator;
  readonly legend: Locator;
  readonly heatMap: Locator;
  /** The line under the heat map: the SSD pointed at, else the selected one. */
  readonly heatMapHover: Locator;
  readonly table: Locator;
  /** "No SSD is sliced yet", with how to make a slice volume. */
  readonly emptyState: Locator;

  constructor(private readonly page: Page) {
    this.summary = page.locator('.slices-page [data-sliced]');
    this.legend = page.getByRole('list', { name: 'SSDs per heat map band' });
    this.heatMap = page.getByRole('application', { name: /^Heat map of [\d,]+ SSDs/ });
    this.heatMapHover = page.getByTestId('heat-map-hover');
    this.table = page.getByRole('table', { name: 'Sliced SSDs' });
    this.emptyState = page.locator('.state-empty').filter({ hasText: 'No SSD is sliced yet' });
  }

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(new URL('/slices', baseUrl).toString());
  }

  /** How many SSDs the legend counts in a band, e.g. "Held whole by a volume". */
  legendCount(label: string): Locator {
    return this.legend.getByRole('listitem').filter({ hasText: label }).locator('.legend-count');
  }

  /** Selects an SSD the keyboard way: its button in the table of sliced SSDs. */
  async selectFromTable(driveId: string): Promise<void> {
    await this.table.getByRole('button', { name: driveId, exact: true }).click();
  }

  async pointAtFirstCell(): Promise<void> {
    await this.heatMap.hover({ position: FIRST_CELL });
  }

  async clickFirstCell(): Promise<void> {
    await this.heatMap.click({ position: FIRST_CELL });
  }

  /** The selected SSD's panel: its slice bar, or why it has none. */
  sliceBar(driveId: string): Locator {
    return this.page.getByRole('region', { name: `Slices of ${driveId}` });
  }

  /** A slice on the bar, named as it is read out: "volume · 40 GiB". */
  slice(driveId: string, volumeName: string, sizeGiB: number): Locator {
    return this.sliceBar(driveId)
      .getByRole('list')
      .getByRole('link', { name: `${volumeName} · ${sizeGiB} GiB`, exact: true });
  }

  /** Opens the bar's list of slices and gaps and returns it. */
  async sliceList(driveId: string): Promise<Locator> {
    await this.sliceBar(driveId)
      .getByText(/^List the \d+ slices?/)
      .click();
    return this.page.getByRole('table', { name: `Slices and free gaps of ${driveId}` });
  }
}
