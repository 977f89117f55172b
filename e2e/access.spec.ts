import { GIB } from '@drivebay/api-types';
import { expect, test } from '@playwright/test';
import { LoginPage } from './pages/login-page.js';
import { ComposeDialog, UsersPage } from './pages/users-page.js';
import { VolumesPage } from './pages/volumes-page.js';
import { CSRF_HEADERS, DrivebayApi } from './support/api.js';
import { serverForThisFile } from './support/server.js';

const server = serverForThisFile();
let api: DrivebayApi;

test.beforeAll(async () => {
  api = await DrivebayApi.signIn(server.url, server.admin);
});

test('a stranger is sent to sign in, and a wrong password is refused', async ({ page }) => {
  const login = new LoginPage(page);
  await page.goto(new URL('/volumes', server.url).toString());
  await expect(page).toHaveURL(/\/login/);
  await login.signIn('admin', 'not the password at all');
  await expect(login.error).toBeVisible();
  await expect(login.userMenu).toHaveCount(0);
});

test('a viewer sees no compose controls, and the API refuses them with 403', async ({ page }) => {
  const viewer = { username: 'vera', password: 'viewer password 1' };
  await api.createUser(viewer.username, 'viewer', viewer.password);
  await api.compose({ name: 'e2e-existing', capacityBytes: 10 * GIB, parameters: { type: 'slice' } });

  const login = new LoginPage(page);
  await login.open(server.url);
  await login.signIn(viewer.username, viewer.password);
  await expect(login.userMenu).toContainText('vera');
  await expect(login.userMenu).toContainText('viewer');

  const volumes = new VolumesPage(page);
  await volumes.open(server.url);
  await expect(volumes.row('e2e-existing')).toBeVisible();
  await expect(new ComposeDialog(page).button).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Users', exact: true })).toHaveCount(0);
  await volumes.openVolume('e2e-existing');
  await expect(page.getByRole('heading', { name: 'Volume e2e-existing' })).toBeVisible();
  await expect(page.getByRole('button', { name: /delete/i })).toHaveCount(0);

  // The browser's own session, straight at the API: the server enforces what the UI hides.
  const response = await page.request.post(new URL('/api/v1/volumes', server.url).toString(), {
    data: { name: 'e2e-by-viewer', capacityBytes: GIB, parameters: { type: 'slice' } },
    headers: CSRF_HEADERS,
  });
  expect(response.status()).toBe(403);
  expect((await response.json()).error.code).toBe('PERMISSION_DENIED');
  await expect(volumes.row('e2e-by-viewer')).toHaveCount(0);
});

test('an admin adds an operator in the console, who signs in and composes a volume', async ({ page }) => {
  const login = new LoginPage(page);
  await login.open(server.url);
  await login.signIn(server.admin.username, server.admin.password);
  await expect(login.userMenu).toContainText('admin');

  const users = new UsersPage(page);
  await page.getByRole('link', { name: 'Users', exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await users.add('otto', 'operator', 'operator password 1');
  await expect(users.added).toContainText('otto');
  await expect(users.row('otto')).toBeVisible();
  await login.signOut();
  await expect(page).toHaveURL(/\/login/);

  await login.signIn('otto', 'operator password 1');
  await expect(login.userMenu).toContainText('operator');
  await new VolumesPage(page).open(server.url);
  await new ComposeDialog(page).compose('e2e-by-operator', '20 GiB', 'slice');
  await expect(page).toHaveURL(/\/volumes\/e2e-by-operator$/);
  await expect(page.getByRole('heading', { name: 'Volume e2e-by-operator' })).toBeVisible();
  await expect(await api.volume('e2e-by-operator')).toMatchObject({ capacityBytes: 20 * GIB });

  // The audit trail names who did it.
  const audit = await api.request('/api/v1/audit?actor=otto');
  expect(await audit.text()).toContain('e2e-by-operator');
});
