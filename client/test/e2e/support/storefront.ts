import type { TestInbox } from '@stuffmart/test-kit';
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

/** A display name for a test's e-mail: its local part, which tells the test's people apart. */
export function displayNameFor(email: string): string {
  return email.split('@')[0]!.slice(0, 50);
}

/** Signs up through the form, as a student would; the gateway's cookies land on the storefront's origin. */
export async function signUpInBrowser(
  page: Page,
  origin: string,
  email: string,
  {
    password = 'correct horse 1',
    displayName = displayNameFor(email),
  }: { password?: string; displayName?: string } = {},
): Promise<void> {
  await page.goto(`${origin}/sign-up`);
  await page.getByLabel('Display name').fill(displayName);
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

/**
 * The availability region's text (badge and message), which live updates rewrite: the first
 * status on the page itself (the verify-e-mail banner above it has a status of its own).
 */
export function availabilityText(page: Page): Promise<string> {
  return page.getByRole('main').getByRole('status').first().innerText();
}

export function buyButton(page: Page) {
  return page.getByRole('button', { name: /^(buy|reserving…)$/i });
}

/** The link to `path` (e.g. `/verify-email`) in a mail's text part, whole, as the person would click it. */
export function linkInMail(mail: { text: string }, path: string): string {
  const link = mail.text.match(/https?:\/\/\S+/g)?.find((url) => new URL(url).pathname === path);
  if (!link) throw new Error(`no ${path} link in the mail: ${mail.text}`);
  return link;
}

/** The error shown for an input: the element its aria-describedby names last (hints come first). */
export async function errorBeside(page: Page, label: string): Promise<string | null> {
  const input = page.getByLabel(label, { exact: true });
  if ((await input.getAttribute('aria-invalid')) !== 'true') return null;
  const ids = (await input.getAttribute('aria-describedby'))?.split(' ') ?? [];
  return page.locator(`[id="${ids.at(-1)}"]`).innerText();
}

/** Opens the link of the sign-up mail to `email` in the browser, as its owner would, and waits until it has worked. */
export async function verifyInBrowser(page: Page, inbox: TestInbox, email: string): Promise<void> {
  const mail = await inbox.waitForMail(email, (received) => received.text.includes('/verify-email?token='));
  await page.goto(linkInMail(mail, '/verify-email'));
  await page.getByText('Your e-mail is verified.').waitFor();
}
