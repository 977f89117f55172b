import type { DomainEventType } from '@drivebay/api-types';
import type { Locator, Page } from '@playwright/test';

/** The live-connection indicator in the shell header. */
function connectionOf(page: Page): Locator {
  return page.getByRole('status').and(page.locator('[data-connection]'));
}

/** /volumes: the table of volumes and the health summary above it. */
export class VolumesPage {
  readonly connection: Locator;
  readonly table: Locator;
  /** Every volume row (the table renders only the rows in view; a handful all fit). */
  readonly rows: Locator;
  /** "2 volumes: 0 failed, 0 degraded, 0 rebuilding, 2 healthy". */
  readonly summary: Locator;

  constructor(private readonly page: Page) {
    this.connection = connectionOf(page);
    this.table = page.getByRole('table', { name: 'Volumes' });
    this.rows = this.table.locator('tbody').getByRole('row');
    this.summary = page.locator('.volumes-page [data-volume-count]');
  }

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(new URL('/volumes', baseUrl).toString());
  }

  /** A volume's row, found by the name a user reads in it. */
  row(name: string): Locator {
    return this.rows.filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  /** The health word (with its icon) in a volume's row. */
  health(name: string): Locator {
    return this.row(name).locator('.volume-health');
  }

  /** Opens a volume's detail page the way a user does: by its name in the table. */
  async openVolume(name: string): Promise<void> {
    await this.row(name).getByRole('link', { name, exact: true }).click();
  }
}

/** /volumes/:id: one volume's header, layout diagram and events. */
export class VolumeDetailPage {
  readonly connection: Locator;
  /** The page root; carries the volume's id and health. */
  readonly root: Locator;
  readonly heading: Locator;
  /** The health pill next to the heading. */
  readonly healthBadge: Locator;
  /** "1 copy rebuilding: until it completes, …": what the health means for the data. */
  readonly healthSentence: Locator;
  readonly layout: Locator;
  readonly events: Locator;
  readonly backToList: Locator;

  constructor(
    private readonly page: Page,
    readonly volume: { id: string; name: string },
  ) {
    this.connection = connectionOf(page);
    this.root = page.locator(`.volume-page[data-volume-id=${JSON.stringify(volume.id)}]`);
    this.heading = this.root.getByRole('heading', { level: 1, name: `Volume ${volume.name}`, exact: true });
    this.healthBadge = this.root.locator('.volume-title .volume-health');
    this.healthSentence = this.root.locator('.volume-health-sentence');
    this.layout = this.root.getByRole('region', { name: 'Layout' });
    this.events = this.root.getByRole('list', { name: `Events for volume ${volume.id}` });
    this.backToList = this.root.getByRole('link', { name: '← Volumes', exact: true });
  }

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(new URL(`/volumes/${encodeURIComponent(this.volume.id)}`, baseUrl).toString());
  }

  /** One copy's box in the layout diagram ("Set 0 copy 1: drive drv-…, active"). */
  member(set: number, copy: number): Locator {
    return this.layout.getByRole('listitem', { name: new RegExp(`^Set ${set} copy ${copy}:`) });
  }

  /** The rebuild progress bar of one copy. */
  rebuild(set: number, copy: number): Locator {
    return this.member(set, copy).getByRole('progressbar', { name: `Rebuild of set ${set} copy ${copy}` });
  }

  /** The volume's events of one type, newest first. */
  event(type: DomainEventType): Locator {
    return this.events.getByRole('listitem').and(this.page.locator(`[data-event-type="${type}"]`));
  }
}
