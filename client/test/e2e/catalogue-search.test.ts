import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStuffViaApi, signUpViaApi } from './support/api.js';
import { screenshot } from './support/browser.js';
import { signUpInBrowser } from './support/storefront.js';
import { startStorefront, STOREFRONT_START_TIMEOUT, type Storefront } from './support/storefront-system.js';

let storefront: Storefront;

beforeAll(async () => {
  storefront = await startStorefront();
}, STOREFRONT_START_TIMEOUT);

afterAll(async () => {
  await storefront?.close();
});

/** The results' titles, once they are in: a new search shows outlines of cards while it waits. */
async function headingsOf(page: Page): Promise<string[]> {
  await page.getByRole('main').locator('[aria-busy="true"]').waitFor({ state: 'detached' });
  return page.getByRole('main').getByRole('heading', { level: 2 }).allInnerTexts();
}

describe('searching the catalogue', () => {
  it('finds stuff by words and category, and the search is a link that shows the same to anyone', async () => {
    const seller = await signUpViaApi(storefront.system, `seller-${Date.now()}@example.com`);
    const listings = [
      { title: 'Organic chemistry notes', description: 'Lecture notes, weeks 1-12', category: 'NOTES' },
      { title: 'Organic chemistry textbook', description: 'Clayden, 2nd edition', category: 'TEXTBOOKS' },
      { title: 'Physics notes', description: 'Mechanics, with a chemistry appendix', category: 'NOTES' },
      { title: 'Desk lamp', description: 'Bright', category: 'FURNITURE' },
    ];
    for (const listing of listings) {
      await createStuffViaApi(storefront.system, seller, { ...listing, priceCents: 1200 });
    }

    const page = await storefront.newPage();
    await page.goto(`${storefront.origin}/`);
    await page.getByRole('searchbox', { name: 'Search' }).fill('chemistry');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/\?q=chemistry/);
    // Best match first: the word in the title outranks the word in the description.
    const found = await headingsOf(page);
    expect(found).toHaveLength(3);
    expect(found.at(-1)).toBe('Physics notes');
    expect(new Set(found.slice(0, 2))).toEqual(new Set(['Organic chemistry notes', 'Organic chemistry textbook']));

    await page.getByRole('navigation', { name: 'Categories' }).getByRole('link', { name: 'Notes' }).click();
    await page.waitForURL(/category=NOTES/);
    await page.getByRole('heading', { level: 2, name: 'Physics notes' }).waitFor();
    const notes = await headingsOf(page);
    expect(notes).toEqual(['Organic chemistry notes', 'Physics notes']);
    expect(await page.getByRole('searchbox', { name: 'Search' }).inputValue()).toBe('chemistry');
    await screenshot(page, 'catalogue-search-notes');

    // Shared as a link: a fresh browser (no cookies, no state) opening it sees the same.
    const shared = page.url();
    const friend = await storefront.newPage();
    await friend.goto(shared);
    expect(await headingsOf(friend)).toEqual(notes);
    expect(await friend.getByRole('link', { name: 'Notes', exact: true }).getAttribute('aria-current')).toBe('page');
    await screenshot(friend, 'catalogue-search-shared');

    // The server renders the results: the HTML itself holds them, before any script runs.
    const html = await (await fetch(shared)).text();
    expect(html).toContain('Organic chemistry notes');
    expect(html).not.toContain('Organic chemistry textbook');
  });

  it('pages through a search with Older and Newer, never leaving it', async () => {
    const seller = await signUpViaApi(storefront.system, `pager-${Date.now()}@example.com`);
    for (let i = 1; i <= 22; i++) {
      await createStuffViaApi(storefront.system, seller, {
        title: `Zeppelin model ${i}`,
        description: '',
        priceCents: 100 * i,
      });
    }
    await createStuffViaApi(storefront.system, seller, { title: 'Cheap pen', description: '', priceCents: 50 });
    const page = await storefront.newPage();
    await page.goto(`${storefront.origin}/?q=zeppelin&max=21`);
    const first = await headingsOf(page);
    expect(first).toHaveLength(20);
    expect(await page.getByRole('link', { name: 'Newer' }).count()).toBe(0);
    await page.getByRole('navigation', { name: 'Catalogue pages' }).getByRole('link', { name: 'Older' }).click();
    await page.waitForURL(/after=/);
    const second = await headingsOf(page);
    // 21 models cost at most $21; the 22nd and the pen are not in this search.
    expect(second).toHaveLength(1);
    expect(new Set([...first, ...second]).size).toBe(21);
    expect([...first, ...second].every((title) => title.startsWith('Zeppelin model'))).toBe(true);
    expect(await page.getByRole('link', { name: 'Older' }).count()).toBe(0);
    await screenshot(page, 'catalogue-search-older');
    await page.getByRole('link', { name: 'Newer' }).click();
    await page.waitForURL((url) => !url.searchParams.has('after') && url.searchParams.get('q') === 'zeppelin');
    expect(await headingsOf(page)).toEqual(first);
  });

  it('takes a category on the sell form, shows it on the stuff page, and changes it on the edit form', async () => {
    const page = await storefront.newPage();
    await signUpInBrowser(page, storefront.origin, `categorist-${Date.now()}@example.com`);
    await page.goto(`${storefront.origin}/sell`);
    await page.getByLabel('Title').fill('Marathon entry ticket');
    await page.getByLabel('Price').fill('30');
    await page.getByLabel('Category').selectOption('TICKETS');
    await page.getByRole('button', { name: 'Put it on sale' }).click();
    await page.waitForURL(/\/stuff\/[^/]+$/);
    const stuffPath = new URL(page.url()).pathname;
    await page.getByRole('link', { name: 'Tickets' }).waitFor();

    await page.goto(`${storefront.origin}${stuffPath}/edit`);
    expect(await page.getByLabel('Category').inputValue()).toBe('TICKETS');
    await page.getByLabel('Category').selectOption('SPORTS');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL((url) => url.pathname === stuffPath);
    await page.getByRole('link', { name: 'Sports' }).click();
    await page.waitForURL(/\/\?category=SPORTS/);
    expect(await headingsOf(page)).toContain('Marathon entry ticket');
    await screenshot(page, 'catalogue-category-sports');
  });
});
