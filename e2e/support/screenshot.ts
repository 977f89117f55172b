import type { Page } from '@playwright/test';

/**
 * The console scrolls inside its main area (the header stays put), so a full-page screenshot of
 * the window shows one screen: grow the window to the content for the picture, then restore it.
 */
export async function saveFullPage(page: Page, path: string): Promise<void> {
  const viewport = page.viewportSize() ?? { width: 1440, height: 900 };
  const height = await page.evaluate(() => {
    const main = document.querySelector('main');
    const overflow = main ? main.scrollHeight - main.clientHeight : 0;
    return document.documentElement.scrollHeight + Math.max(0, overflow);
  });
  await page.setViewportSize({
    width: viewport.width,
    height: Math.min(Math.max(height, viewport.height), 6000),
  });
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  await page.setViewportSize(viewport);
}
