import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStuffViaApi, signUpViaApi } from './support/api.js';
import { startStorefront, STOREFRONT_START_TIMEOUT, type Storefront } from './support/storefront-system.js';

let storefront: Storefront;
const stuffs = [
  { title: 'Organic chemistry flashcards', description: 'All 400 reactions, colour coded.', priceCents: 1999 },
  { title: 'Bike lock & helmet', description: 'Barely used.', priceCents: 3500, currency: 'eur' },
];
const ids: string[] = [];

beforeAll(async () => {
  storefront = await startStorefront({}, { browser: false });
  const token = await signUpViaApi(storefront.system, `html-seller-${Date.now()}@example.com`);
  for (const stuff of stuffs) ids.push(await createStuffViaApi(storefront.system, token, stuff));
}, STOREFRONT_START_TIMEOUT);

afterAll(async () => {
  await storefront?.close();
});

/** What a crawler gets: plain HTTP, no JavaScript run. */
async function html(path: string): Promise<string> {
  const response = await fetch(`${storefront.origin}${path}`, { headers: { 'user-agent': 'Googlebot/2.1' } });
  expect(response.status).toBe(200);
  return response.text();
}

describe('server-rendered HTML', () => {
  it('lists every title and price in the catalogue page itself', async () => {
    const page = await html('/');
    expect(page).toContain('Organic chemistry flashcards');
    expect(page).toContain('$19.99');
    expect(page).toContain('Bike lock &amp; helmet');
    expect(page).toContain('€35.00');
    expect(page).toMatch(/<meta name="description" content="[^"]+"/);
  });

  it('has the title, price and description in the stuff page, and in its title and description tags', async () => {
    const page = await html(`/stuff/${ids[0]}`);
    expect(page).toContain('<h1>Organic chemistry flashcards</h1>');
    expect(page).toContain('$19.99');
    expect(page).toContain('All 400 reactions, colour coded.');
    expect(page).toContain('<title>Organic chemistry flashcards, $19.99 · Stuffmart</title>');
    expect(page).toContain('<meta name="description" content="$19.99. All 400 reactions, colour coded."/>');
  });

  it('answers 404 for a stuff that does not exist', async () => {
    const response = await fetch(`${storefront.origin}/stuff/00000000-0000-4000-8000-000000000000`);
    expect(response.status).toBe(404);
  });
});
