import type { Locator, Page } from '@playwright/test';

/** /events: the live timeline, its filters, pause and resume. */
export class EventsPage {
  readonly list: Locator;
  readonly pause: Locator;
  readonly resume: Locator;
  readonly paused: Locator;
  readonly filters: Locator;
  /** The live-connection indicator in the shell header. */
  readonly connection: Locator;

  constructor(private readonly page: Page) {
    this.list = page.getByRole('list', { name: 'Events' });
    this.pause = page.getByRole('button', { name: 'Pause', exact: true });
    this.resume = page.getByRole('button', { name: 'Resume', exact: true }).first();
    this.paused = page.getByRole('status').filter({ hasText: 'Paused' });
    this.filters = page.getByRole('form', { name: 'Event filters' });
    this.connection = page.getByRole('status').and(page.locator('[data-connection]'));
  }

  async open(baseUrl: string, query = ''): Promise<void> {
    await this.page.goto(new URL(`/events${query}`, baseUrl).toString());
  }

  /** Events of a type about an object id, as rows. */
  event(type: string, subjectId: string): Locator {
    return this.list.locator(`li[data-event-type="${type}"]`).filter({ hasText: subjectId });
  }

  severity(name: 'critical' | 'warning' | 'info'): Locator {
    return this.filters.getByRole('checkbox', { name, exact: true });
  }
}
