import { expect, test } from '@playwright/test';
import { ComposeDialog } from './pages/users-page.js';
import { serverForThisFile } from './support/server.js';
import { signInBrowser } from './support/session.js';

const server = serverForThisFile();

test('composing says what it will really allocate before Compose is pressed, and why', async ({ page }) => {
  await signInBrowser(page, server.url, server.admin);
  await page.goto(new URL('/volumes', server.url).toString());
  const compose = new ComposeDialog(page);
  await compose.button.click();
  await compose.dialog.getByLabel('Name').fill('e2e-surprise');
  await compose.dialog.getByLabel('Size').fill('500 GB');
  await compose.dialog.getByLabel('Type').selectOption('hdd');
  await compose.dialog.getByRole('checkbox', { name: /mirror/i }).check();
  // No Preview click: the dry run runs as the form settles.
  const note = compose.dialog.locator('.allocation-note');
  await expect(note).toHaveAttribute('data-surprise', 'true');
  await expect(note).toContainText(/You asked for 500(\.0)? GB; composing allocates 2 whole HDDs/);
  await expect(note).toContainText('whole drives are never split');
  // A right-sized request is said plainly.
  await compose.dialog.getByLabel('Type').selectOption('slice');
  await compose.dialog.getByRole('checkbox', { name: /mirror/i }).uncheck();
  await expect(note).not.toHaveAttribute('data-surprise', 'true');
  await expect(note).toContainText('Composing allocates 1 slice');
});
