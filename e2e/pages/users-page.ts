import type { Role } from '@drivebay/api-types';
import type { Locator, Page } from '@playwright/test';

/** /admin/users: the users table and the form that adds one. */
export class UsersPage {
  readonly table: Locator;
  readonly form: Locator;
  readonly added: Locator;

  constructor(private readonly page: Page) {
    this.table = page.getByRole('table');
    this.form = page.getByRole('form', { name: 'Add a user' });
    this.added = this.form.getByRole('status');
  }

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(new URL('/admin/users', baseUrl).toString());
  }

  row(username: string): Locator {
    return this.table.getByRole('row').filter({ hasText: username });
  }

  async add(username: string, role: Role, password: string): Promise<void> {
    await this.form.getByLabel('Username').fill(username);
    await this.form.getByLabel('Role').selectOption(role);
    await this.form.getByLabel('Password', { exact: true }).fill(password);
    await this.form.getByRole('button', { name: 'Add user' }).click();
  }
}

/** The "Compose volume" dialog on /volumes. */
export class ComposeDialog {
  readonly button: Locator;
  readonly dialog: Locator;

  constructor(page: Page) {
    this.button = page.getByRole('button', { name: 'Compose volume', exact: true });
    this.dialog = page.getByRole('dialog', { name: 'Compose volume' });
  }

  async compose(name: string, size: string, type: 'hdd' | 'ssd' | 'slice'): Promise<void> {
    await this.button.click();
    await this.dialog.getByLabel('Name').fill(name);
    await this.dialog.getByLabel('Size').fill(size);
    await this.dialog.getByLabel('Type').selectOption(type);
    await this.dialog.getByRole('button', { name: 'Compose', exact: true }).click();
  }
}
