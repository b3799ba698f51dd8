import type { Page } from 'playwright-core';

/** Polls until `check` holds: the page updates by itself (live updates), so the test waits, bounded. */
export async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for: ${what}`);
}

/** Signs up through the form, as a student would; the gateway's cookies land on the storefront's origin. */
export async function signUpInBrowser(
  page: Page,
  origin: string,
  email: string,
  password = 'correct horse 1',
): Promise<void> {
  await page.goto(`${origin}/sign-up`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

/** Lists stuff through the sell form and returns its page's path. */
export async function sellInBrowser(page: Page, origin: string, title: string, price: string): Promise<string> {
  await page.goto(`${origin}/sell`);
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Description').fill(`${title}, in good shape.`);
  await page.getByLabel('Price').fill(price);
  await page.getByRole('button', { name: 'Put it on sale' }).click();
  await page.waitForURL(/\/stuff\/[^/]+$/);
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  return new URL(page.url()).pathname;
}

/** The availability region's text (badge and message), which live updates rewrite. */
export function availabilityText(page: Page): Promise<string> {
  return page.getByRole('status').first().innerText();
}

export function buyButton(page: Page) {
  return page.getByRole('button', { name: /^(buy|reserving…)$/i });
}
