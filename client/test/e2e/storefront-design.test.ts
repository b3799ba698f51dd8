import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCouponViaApi, createStuffViaApi, signUpViaApi, uploadPhotoViaApi, verifyViaApi } from './support/api.js';
import { screenshot } from './support/browser.js';
import {
  availabilityText,
  buyButton,
  errorBeside,
  eventually,
  sellInBrowser,
  signUpInBrowser,
} from './support/storefront.js';
import { startStorefront, STOREFRONT_START_TIMEOUT, type Storefront } from './support/storefront-system.js';

let storefront: Storefront;
/** Orders here are paid with a 100% coupon, which only an admin makes. */
const ADMIN_EMAIL = 'design-admin@example.com';
let couponMade: Promise<string> | null = null;

/** The admin's 100% coupon (five uses), made once. */
function fullCoupon(): Promise<string> {
  couponMade ??= (async () => {
    await signUpViaApi(storefront.system, ADMIN_EMAIL);
    const adminToken = await verifyViaApi(storefront.system, storefront.inbox, ADMIN_EMAIL);
    return createCouponViaApi(storefront.system, adminToken, 100);
  })();
  return couponMade;
}

beforeAll(async () => {
  storefront = await startStorefront({ ADMIN_EMAILS: ADMIN_EMAIL });
}, STOREFRONT_START_TIMEOUT);

afterAll(async () => {
  await storefront?.close();
});

const DESKTOP = { width: 1280, height: 800 };
/** A current phone (iPhone 12 to 15): 390 CSS pixels wide. */
const PHONE = { width: 390, height: 844 };
const VIEWPORTS = { desktop: DESKTOP, phone: PHONE } as const;

/** A photo a seller might take: a coloured scene with a shape in it, as a JPEG. */
function photo(width: number, height: number, background: string, shape: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="100%" height="100%" fill="${background}"/>
    <circle cx="${width / 2}" cy="${height / 2}" r="${Math.min(width, height) / 3}" fill="${shape}"/>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg().toBuffer();
}

let sellerToken: string;
let lampId: string;

/** One seller's listings: two photos on the lamp, one on the notes, none on the ticket. */
async function listStuff(): Promise<void> {
  sellerToken = await signUpViaApi(storefront.system, `design-seller-${Date.now()}@example.com`);
  const lampPhotos = [
    await uploadPhotoViaApi(storefront.system, sellerToken, await photo(1200, 900, '#f3e9d2', '#c97b2a')),
    await uploadPhotoViaApi(storefront.system, sellerToken, await photo(800, 1000, '#dbe7f3', '#2a5dc9')),
  ];
  const notesPhoto = await uploadPhotoViaApi(
    storefront.system,
    sellerToken,
    await photo(900, 1200, '#e8f3db', '#3f8f2a'),
  );
  await createStuffViaApi(storefront.system, sellerToken, {
    title: 'Concert ticket, Friday',
    description: 'Standing, row doesn’t matter.',
    priceCents: 3000,
    category: 'TICKETS',
  });
  await createStuffViaApi(storefront.system, sellerToken, {
    title: 'Organic chemistry notes',
    description: 'All lectures, weeks 1 to 12, typed and colour coded.',
    priceCents: 1500,
    category: 'NOTES',
    photoIds: [notesPhoto],
  });
  lampId = await createStuffViaApi(storefront.system, sellerToken, {
    title: 'Desk lamp with a warm bulb',
    description: 'Bright, adjustable arm. Collect from the north dorms.',
    priceCents: 1250,
    category: 'FURNITURE',
    photoIds: lampPhotos,
  });
}

/**
 * How many rows the header's items sit on: an item whose vertical middle lies outside the first
 * item's top and bottom is on another row.
 */
async function headerRows(page: Page): Promise<number> {
  return page.locator('.header-row').evaluate((row) => {
    const boxes = [...row.children].map((child) => child.getBoundingClientRect());
    const first = boxes[0]!;
    return (
      1 +
      boxes.filter((box) => {
        const middle = box.top + box.height / 2;
        return middle < first.top || middle > first.bottom;
      }).length
    );
  });
}

describe('the storefront looks like a shop', () => {
  beforeAll(listStuff, 60_000);

  it('shows the catalogue as a grid of photo cards, several across on a desktop, and filters by category', async () => {
    const page = await storefront.newPage(DESKTOP);
    await page.goto(`${storefront.origin}/`);
    const lampCard = page.locator('.stuff-card', { hasText: 'Desk lamp with a warm bulb' });
    const cover = lampCard.locator('img');
    // The cover is the first photo's small copy, its size in the HTML so nothing jumps as it loads.
    expect(await cover.getAttribute('src')).toMatch(/thumbnail/);
    expect([await cover.getAttribute('width'), await cover.getAttribute('height')]).toEqual(['1200', '900']);
    await expect
      .poll(() => cover.evaluate((image) => (image as unknown as { naturalWidth: number }).naturalWidth))
      .toBe(400);
    // A stuff without a photo gets a placeholder of the same size.
    const ticketCard = page.locator('.stuff-card', { hasText: 'Concert ticket, Friday' });
    await ticketCard.getByText('No photo yet').waitFor();
    const frame = async (card: typeof lampCard) => {
      const box = await card.locator('.stuff-card-cover').boundingBox();
      return [Math.round(box!.width), Math.round(box!.height / 2)];
    };
    expect(await frame(ticketCard)).toEqual(await frame(lampCard));
    expect(await lampCard.innerText()).toMatch(/\$12\.50[\s\S]*Available[\s\S]*Furniture/i);

    // Three cards side by side: the grid uses the width of the page.
    const tops = await page
      .locator('.stuff-card')
      .evaluateAll((cards) => cards.map((card) => card.getBoundingClientRect().top));
    expect(tops.filter((top) => top === tops[0]).length).toBeGreaterThanOrEqual(3);
    await screenshot(page, 'design-catalogue-desktop');

    await page.getByRole('link', { name: 'Notes', exact: true }).click();
    await page.waitForURL(/category=NOTES/);
    await expect.poll(() => page.locator('.stuff-card').count()).toBe(1);
    expect(await page.locator('.stuff-card').innerText()).toContain('Organic chemistry notes');

    // A click on the photo opens the stuff, as on any shop.
    await page.goto(`${storefront.origin}/`);
    // The title's link lies over the whole card (Playwright's click would refuse a covered image).
    await cover.waitFor(); // the results stream in after the page's heading and search
    const box = (await cover.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForURL(new RegExp(`/stuff/${lampId}$`));
  });

  it('fits the header on one row at phone width and shows the cards one or two across', async () => {
    const page = await storefront.newPage(PHONE);
    await page.goto(`${storefront.origin}/`);
    expect(await headerRows(page)).toBe(1);
    const width = await page.locator('html').evaluate((html) => html.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'design-catalogue-phone');
  });

  it('keeps the signed-in header on one row on a phone, every link still reachable', async () => {
    const page = await storefront.newPage(PHONE);
    const email = `phone-header-${Date.now()}@example.com`;
    await page.goto(`${storefront.origin}/sign-up`);
    await page.getByLabel('Display name').fill('Grace Hopper');
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password').fill('correct horse 1');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(await headerRows(page)).toBe(1);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My orders' }).click();
    await page.waitForURL(/\/orders$/);
    expect(await headerRows(page)).toBe(1);
  });

  it('answers the favicon and the app icon, and links them from every page', async () => {
    for (const path of ['/favicon.ico', '/icon.svg', '/apple-icon.png']) {
      const answer = await fetch(`${storefront.origin}${path}`);
      expect(answer.status, path).toBe(200);
      expect(answer.headers.get('content-type'), path).toMatch(/^image\//);
    }
    const html = await (await fetch(`${storefront.origin}/`)).text();
    const links = html.match(/<link rel="(icon|apple-touch-icon)"[^>]*>/g) ?? [];
    expect(links.join('\n')).toMatch(/href="\/icon\.svg/);
    expect(links.join('\n')).toMatch(/href="\/apple-icon\.png/);
  });

  it('gives the stuff page link-preview tags with its cover photo, and the catalogue its own', async () => {
    const html = await (await fetch(`${storefront.origin}/stuff/${lampId}`)).text();
    const image = html.match(/<meta property="og:image" content="([^"]+)"/)?.[1]?.replaceAll('&amp;', '&');
    expect(image).toMatch(/^https?:\/\//);
    expect(html).toContain('<meta property="og:title" content="Desk lamp with a warm bulb, $12.50"/>');
    expect(html).toContain('<meta property="og:image:width" content="1200"/>');
    expect((await fetch(image!)).status, image).toBe(200);
    expect(image).toMatch(/size=full/);

    const catalogue = await (await fetch(`${storefront.origin}/`)).text();
    expect(catalogue).toMatch(/<meta property="og:title" content="Stuffmart[^"]*"/);
    expect(catalogue).toMatch(/<meta property="og:image" content="https?:\/\/[^"]+"/);
  });

  it('shows times in the visitor’s own zone, relative with the exact time in a tooltip, without a hydration mismatch', async () => {
    const page = await storefront.newPage(DESKTOP, { timezoneId: 'Asia/Tokyo' });
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${storefront.origin}/stuff/${lampId}`);
    const listed = page.locator('.stuff-detail time');
    await expect.poll(() => listed.getAttribute('title')).toMatch(/GMT\+9$/);
    expect(await listed.innerText()).toMatch(/^(just now|\d+ minutes? ago)$/);

    // From the next page on the server already renders in that zone: the browser told it in a cookie.
    await page.reload();
    const cookie = (await page.context().cookies(storefront.origin)).find((one) => one.name === 'tz');
    expect(cookie?.value).toBe('Asia/Tokyo');
    const html = await (
      await fetch(`${storefront.origin}/stuff/${lampId}`, { headers: { cookie: 'tz=Asia/Tokyo' } })
    ).text();
    expect(html).toMatch(/<time dateTime="[^"]+" title="[^"]+GMT\+9">/);
    expect(problems.filter((problem) => /hydrat/i.test(problem))).toEqual([]);
  });

  it('shows when a hold ends and when an order was paid in the visitor’s own zone', async () => {
    const page = await storefront.newPage(DESKTOP, { timezoneId: 'Asia/Tokyo' });
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    await signUpInBrowser(page, storefront.origin, `tokyo-buyer-${Date.now()}@example.com`);
    const stuffId = await createStuffViaApi(storefront.system, sellerToken, {
      title: 'Rice cooker, three cups',
      description: 'Works well, cleaned.',
      priceCents: 2000,
    });
    await page.goto(`${storefront.origin}/stuff/${stuffId}`);
    await eventually(async () => !(await buyButton(page).isDisabled()), 'BUY enabled');
    await buyButton(page).click();
    await page.waitForURL(/\/orders\/[^/]+$/);
    const orderPath = new URL(page.url()).pathname;

    // Back on the stuff page (rendered on the server in Tokyo time, as the tz cookie says by now).
    await page.goto(`${storefront.origin}/stuff/${stuffId}`);
    await eventually(async () => /holding/.test(await availabilityText(page)), 'the hold, said');
    expect(await availabilityText(page)).toMatch(
      /You are holding this stuff until \d{1,2} \w{3} \d{4}, \d\d:\d\d GMT\+9\. Pay for your order/,
    );

    await page.goto(`${storefront.origin}${orderPath}`);
    await page.getByLabel('Coupon code (optional)').fill(await fullCoupon());
    await page.getByRole('button', { name: 'Pay now' }).click();
    await page.getByRole('heading', { name: 'Payment' }).waitFor();
    const paidAt = page.locator('.details time');
    expect(await paidAt.getAttribute('title')).toMatch(/GMT\+9$/);
    expect(await paidAt.innerText()).toMatch(/^(just now|\d+ minutes? ago)$/);
    expect(problems.filter((problem) => /hydrat/i.test(problem))).toEqual([]);
  });

  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    it(`shows every wrong field of the sell form at once at ${name} width, before sending anything`, async () => {
      const page = await storefront.newPage(viewport);
      await signUpInBrowser(page, storefront.origin, `sell-form-${name}-${Date.now()}@example.com`);
      await page.goto(`${storefront.origin}/sell`);
      await page.getByLabel('Title').fill('   ');
      await page.getByLabel('Price').fill('twelve');
      await page.getByRole('button', { name: 'Put it on sale' }).click();
      await page.locator('form').getByRole('alert').waitFor();
      expect(await errorBeside(page, 'Title')).toBe('Give it a title.');
      expect(await errorBeside(page, 'Price')).toBe('Enter a price such as 12.50.');
      // The first field to fix has the focus.
      expect(await page.getByLabel('Title').evaluate((input) => input === input.ownerDocument.activeElement)).toBe(
        true,
      );
      expect(new URL(page.url()).pathname).toBe('/sell');
      // Nothing sticks out sideways: the page is as wide as the screen.
      expect(await page.locator('html').evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await screenshot(page, `design-sell-form-${name}`);
    });
  }

  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    it(`shows the sell form filled in, two photos uploaded in order, at ${name} width`, async () => {
      const page = await storefront.newPage(viewport);
      await signUpInBrowser(page, storefront.origin, `sell-photos-${name}-${Date.now()}@example.com`);
      await page.goto(`${storefront.origin}/sell`);
      await page.getByLabel('Title').fill('Road bike, 54 cm frame');
      await page.getByLabel('Description').fill('Serviced in September. Lights and lock included.');
      await page.getByLabel('Price').fill('180');
      await page.getByLabel('Category').selectOption('SPORTS');
      await page.getByLabel('Choose photos').setInputFiles([
        { name: 'bike.jpg', mimeType: 'image/jpeg', buffer: await photo(1200, 900, '#e6eef5', '#1f4e79') },
        { name: 'detail.jpg', mimeType: 'image/jpeg', buffer: await photo(900, 1200, '#f5ece6', '#8a3b12') },
      ]);
      await expect.poll(() => page.getByText('Uploaded').count(), { timeout: 20_000 }).toBe(2);
      await page.getByRole('img', { name: 'Photo 1 (cover)' }).waitFor();
      expect(await page.locator('html').evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await screenshot(page, `design-sell-form-photos-${name}`);
    });
  }

  it('shows a reserved stuff’s edit page disabled, with the reason, instead of refusing after Save', async () => {
    const page = await storefront.newPage(DESKTOP);
    await signUpInBrowser(page, storefront.origin, `locked-seller-${Date.now()}@example.com`);
    const path = await sellInBrowser(page, storefront.origin, 'Bike helmet', '20');
    const buyer = await signUpViaApi(storefront.system, `locked-buyer-${Date.now()}@example.com`);
    const { body } = await storefront.system.graphql<{ buyStuff: { id: string } }>(
      'mutation ($id: ID!) { buyStuff(stuffId: $id) { id } }',
      { id: path.split('/').at(-1) },
      { token: buyer },
    );
    expect(body.errors).toBeUndefined();

    await page.goto(`${storefront.origin}${path}/edit`);
    await page
      .getByRole('note')
      .getByText('A buyer is checking this stuff out right now, so it cannot be edited.')
      .waitFor();
    expect(await page.getByLabel('Title').isDisabled()).toBe(true);
    expect(await page.getByLabel('Price').isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Save changes' }).isDisabled()).toBe(true);
    await screenshot(page, 'design-edit-reserved-desktop');
  });

  it('shows a sold stuff’s edit page disabled, with the reason, and Save cannot be pressed', async () => {
    const page = await storefront.newPage(DESKTOP);
    await signUpInBrowser(page, storefront.origin, `sold-seller-${Date.now()}@example.com`);
    const path = await sellInBrowser(page, storefront.origin, 'Graphing calculator', '35');
    const stuffId = path.split('/').at(-1)!;
    const coupon = await fullCoupon();
    const buyer = await signUpViaApi(storefront.system, `sold-buyer-${Date.now()}@example.com`);
    const bought = await storefront.system.graphql<{ buyStuff: { id: string } }>(
      'mutation ($id: ID!) { buyStuff(stuffId: $id) { id } }',
      { id: stuffId },
      { token: buyer },
    );
    expect(bought.body.errors).toBeUndefined();
    const paid = await storefront.system.graphql<{ payOrder: { status: string } }>(
      'mutation ($orderId: ID!, $couponCode: String) { payOrder(orderId: $orderId, couponCode: $couponCode) { status } }',
      { orderId: bought.body.data!.buyStuff.id, couponCode: coupon },
      { token: buyer },
    );
    expect(paid.body.data?.payOrder.status).toBe('SUCCEEDED');
    // The catalog hears of the sale from the orders stream.
    await eventually(async () => {
      const { body } = await storefront.system.graphql<{ stuff: { availability: string } }>(
        'query ($id: ID!) { stuff(id: $id) { availability } }',
        { id: stuffId },
      );
      return body.data?.stuff.availability === 'SOLD';
    }, 'the stuff SOLD in the catalog');

    await page.goto(`${storefront.origin}${path}/edit`);
    await page.getByRole('note').getByText('This stuff has been sold, so it can no longer be edited.').waitFor();
    expect(await page.getByLabel('Title').isDisabled()).toBe(true);
    expect(await page.getByLabel('Description').isDisabled()).toBe(true);
    expect(await page.getByLabel('Price').isDisabled()).toBe(true);
    expect(await page.getByLabel('Category').isDisabled()).toBe(true);
    expect(await page.getByLabel('Choose photos').isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Save changes' }).isDisabled()).toBe(true);
    // Even a click forced onto the disabled Save sends nothing: no refusal banner, once or twice.
    await page.getByRole('button', { name: 'Save changes' }).click({ force: true });
    expect(await page.getByRole('main').getByRole('alert').count()).toBe(0);
    expect(new URL(page.url()).pathname).toBe(`${path}/edit`);
    await screenshot(page, 'design-edit-sold-desktop');
  });

  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    it(`shows a stuff page with its gallery at ${name} width`, async () => {
      const page = await storefront.newPage(viewport);
      await page.goto(`${storefront.origin}/stuff/${lampId}`);
      await page.getByRole('img', { name: 'Desk lamp with a warm bulb, photo 1 of 2' }).waitFor();
      await page.getByRole('img', { name: 'Desk lamp with a warm bulb, photo 2 of 2' }).waitFor();
      expect(await page.locator('html').evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await screenshot(page, `design-stuff-${name}`);
    });
  }
});
