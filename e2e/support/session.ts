import type { Page } from '@playwright/test';
import { type Credentials, CSRF_HEADERS } from './api.js';

/**
 * Signs the browser in through the API (the page's request context shares its cookie jar), for
 * specs about other pages than the login page: seeding through the API, never through clicks.
 */
export async function signInBrowser(page: Page, baseUrl: string, credentials: Credentials): Promise<void> {
  const response = await page.request.post(new URL('/api/v1/auth/login', baseUrl).toString(), {
    data: credentials,
    headers: CSRF_HEADERS,
  });
  if (response.status() !== 200)
    throw new Error(`browser sign-in as ${credentials.username}: ${response.status()}`);
}
