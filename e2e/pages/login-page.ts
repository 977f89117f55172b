import type { Locator, Page } from '@playwright/test';

/** /login: the sign-in form, and the user menu it leads to. */
export class LoginPage {
  readonly username: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly error: Locator;
  /** The shell's user menu button: "name role ▾" once signed in. */
  readonly userMenu: Locator;

  constructor(private readonly page: Page) {
    this.username = page.getByLabel('Username');
    this.password = page.getByLabel('Password', { exact: true });
    this.submit = page.getByRole('button', { name: 'Sign in', exact: true });
    this.error = page.locator('#login-error');
    this.userMenu = page.locator('.user-menu-button');
  }

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(new URL('/login', baseUrl).toString());
  }

  async signIn(username: string, password: string): Promise<void> {
    await this.username.fill(username);
    await this.password.fill(password);
    await this.submit.click();
  }

  async signOut(): Promise<void> {
    await this.userMenu.click();
    await this.page.getByRole('button', { name: 'Sign out', exact: true }).click();
  }
}
