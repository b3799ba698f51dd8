import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStuffViaApi, signUpViaApi } from './support/api.js';
import { screenshot } from './support/browser.js';
import { signUpInBrowser } from './support/storefront.js';
import { startStorefront, STOREFRONT_START_TIMEOUT, type Storefront } from './support/storefront-system.js';

const PASSWORD = 'correct horse 1';
let storefront: Storefront;

beforeAll(async () => {
  storefront = await startStorefront();
}, STOREFRONT_START_TIMEOUT);

afterAll(async () => {
  await storefront?.close();
});

/** A student signed up in the browser, and their token for setting things up through the API. */
async function student(name: string): Promise<{ page: Page; token: string }> {
  const email = `${name}-${Date.now()}@example.com`;
  const page = await storefront.newPage();
  await signUpInBrowser(page, storefront.origin, email, { password: PASSWORD });
  const { body } = await storefront.system.graphql<{ signIn: { accessToken: string } }>(
    'mutation ($input: SignInInput!) { signIn(input: $input) { accessToken } }',
    { input: { email, password: PASSWORD } },
  );
  if (!body.data) throw new Error(`signIn failed: ${JSON.stringify(body.errors)}`);
  return { page, token: body.data.signIn.accessToken };
}

const headingsOf = (page: Page) => page.getByRole('main').getByRole('heading', { level: 2 }).allInnerTexts();

describe('lists longer than a page', () => {
  it('shows my stuff 20 at a time, with a link to the older ones and back to the newest', async () => {
    const { page, token } = await student('prolific');
    for (let i = 1; i <= 23; i++) {
      await createStuffViaApi(storefront.system, token, { title: `Item ${i}`, description: '', priceCents: 100 });
    }
    await page.goto(`${storefront.origin}/my-stuff`);
    await page.getByRole('heading', { level: 2, name: 'Item 23' }).waitFor();
    const first = await headingsOf(page);
    expect(first).toHaveLength(20);
    expect(first[0]).toBe('Item 23');
    expect(await page.getByRole('link', { name: 'Newest stuff' }).count()).toBe(0);

    await page
      .getByRole('navigation', { name: 'Pages of my stuff' })
      .getByRole('link', { name: 'Older stuff' })
      .click();
    await page.waitForURL(/\/my-stuff\?after=/);
    await page.getByRole('heading', { level: 2, name: 'Item 1', exact: true }).waitFor();
    expect(await headingsOf(page)).toEqual(['Item 3', 'Item 2', 'Item 1']);
    expect(await page.getByRole('link', { name: 'Older stuff' }).count()).toBe(0);
    await screenshot(page, 'my-stuff-older');
    await page.getByRole('link', { name: 'Newest stuff' }).click();
    await page.waitForURL(/\/my-stuff$/);
    await page.getByRole('heading', { level: 2, name: 'Item 23' }).waitFor();
    expect((await headingsOf(page))[0]).toBe('Item 23');
  });

  it('shows my orders 20 at a time, with a link to the older ones', async () => {
    const sellerToken = await signUpViaApi(storefront.system, `seller-${Date.now()}@example.com`);
    const { page, token } = await student('regular');
    for (let i = 1; i <= 21; i++) {
      const stuffId = await createStuffViaApi(storefront.system, sellerToken, {
        title: `Ticket ${i}`,
        description: '',
        priceCents: 500,
      });
      const { body } = await storefront.system.graphql<any>(
        'mutation ($id: ID!) { buyStuff(stuffId: $id) { id } }',
        { id: stuffId },
        { token },
      );
      if (!body.data) throw new Error(`buyStuff failed: ${JSON.stringify(body.errors)}`);
      // Cancelled at once: a buyer holds only a few orders awaiting payment at a time.
      await storefront.system.graphql(
        'mutation ($id: ID!) { cancelOrder(id: $id) { id } }',
        {
          id: body.data.buyStuff.id,
        },
        { token },
      );
    }
    await page.goto(`${storefront.origin}/orders`);
    await page.getByRole('heading', { level: 2, name: 'Ticket 21' }).waitFor();
    const first = await headingsOf(page);
    expect(first).toHaveLength(20);
    expect(first[0]).toBe('Ticket 21');
    await page
      .getByRole('navigation', { name: 'Pages of my orders' })
      .getByRole('link', { name: 'Older orders' })
      .click();
    await page.waitForURL(/\/orders\?after=/);
    await page.getByRole('heading', { level: 2, name: 'Ticket 1', exact: true }).waitFor();
    expect(await headingsOf(page)).toEqual(['Ticket 1']);
    await page.getByRole('link', { name: 'Newest orders' }).waitFor();
  });
});
