import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, screenshot } from './support/browser.js';
import { signUpInBrowser } from './support/storefront.js';
import { startStorefront, STOREFRONT_START_TIMEOUT, type Storefront } from './support/storefront-system.js';

let storefront: Storefront;
let folder: string;

beforeAll(async () => {
  storefront = await startStorefront();
  folder = await mkdtemp(path.join(tmpdir(), 'photos-flow-'));
}, STOREFRONT_START_TIMEOUT);

afterAll(async () => {
  await storefront?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

/** A photo file of this size and colour, as a seller's camera would leave on disk. */
async function photoFile(name: string, width: number, height: number, colour: { r: number; g: number; b: number }) {
  const file = path.join(folder, name);
  await writeFile(
    file,
    await sharp({ create: { width, height, channels: 3, background: colour } })
      .jpeg()
      .toBuffer(),
  );
  return file;
}

/** The size the browser decoded: [0, 0] until the image has loaded. */
function naturalSize(image: Locator): Promise<number[]> {
  return image.evaluate((element) => {
    const { naturalWidth, naturalHeight } = element as unknown as { naturalWidth: number; naturalHeight: number };
    return [naturalWidth, naturalHeight];
  });
}

/**
 * The stuff page's gallery as "alt width" lines; when it has none, what the page says instead,
 * so a failure shows what the seller saw.
 */
function galleryOf(page: Page): Promise<string[]> {
  return page.evaluate(`(() => {
    const images = [...document.querySelectorAll('.photo-gallery img')];
    if (images.length > 0) return images.map((image) => image.alt + ' ' + image.getAttribute('width'));
    return ['no gallery at ' + location.pathname + ': ' + document.body.innerText.replace(/\\s+/g, ' ').slice(0, 400)];
  })()`);
}

describe('selling with photos', () => {
  it('uploads two photos from the sell form, reorders them with the keyboard, shows them in the gallery, and edits them by drop and removal', async () => {
    const landscape = await photoFile('desk.jpg', 1200, 800, { r: 180, g: 90, b: 40 });
    const portrait = await photoFile('lamp.jpg', 600, 900, { r: 40, g: 90, b: 180 });
    const page = await storefront.newPage();
    await signUpInBrowser(page, storefront.origin, `photo-seller-${Date.now()}@example.com`);
    await page.goto(`${storefront.origin}/sell`);
    await page.getByLabel('Title').fill('Desk and lamp');
    await page.getByLabel('Price').fill('25');
    await page.getByLabel('Choose photos').setInputFiles([landscape, portrait]);
    await expect.poll(() => page.getByText('Uploaded').count(), { timeout: 20_000 }).toBe(2);

    // The keyboard alone makes the portrait the cover.
    await page.getByRole('button', { name: 'Move Photo 2 earlier' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('img', { name: 'Photo 1 (cover)' }).waitFor();
    await screenshot(page, 'sell-form-photos');

    await page.getByRole('button', { name: 'Put it on sale' }).click();
    await page.waitForURL(/\/stuff\/[^/]+$/);
    const cover = page.getByRole('img', { name: 'Desk and lamp, photo 1 of 2' });
    const second = page.getByRole('img', { name: 'Desk and lamp, photo 2 of 2' });
    // Width and height are in the HTML: the space is kept before a byte of the image arrives.
    expect([await cover.getAttribute('width'), await cover.getAttribute('height')]).toEqual(['600', '900']);
    expect([await second.getAttribute('width'), await second.getAttribute('height')]).toEqual(['400', '267']);
    expect(await second.getAttribute('loading')).toBe('lazy');
    await expect.poll(() => naturalSize(cover)).toEqual([600, 900]);
    await second.scrollIntoViewIfNeeded();
    await expect.poll(() => naturalSize(second)).toEqual([400, 267]);
    await screenshot(page, 'stuff-photos-desktop');

    const phone = await storefront.newPage(PHONE);
    await phone.goto(page.url());
    await phone.getByRole('img', { name: 'Desk and lamp, photo 1 of 2' }).waitFor();
    await screenshot(phone, 'stuff-photos-phone');

    // Editing: a third photo dropped on the box, the cover removed with the keyboard.
    const stuffUrl = page.url();
    await page.getByRole('link', { name: 'Edit this stuff' }).click();
    await page.getByText('Uploaded').first().waitFor();
    const dropped = (await readFile(await photoFile('chair.jpg', 500, 500, { r: 30, g: 160, b: 60 }))).toString(
      'base64',
    );
    // A drop as the browser makes it, with a file in its DataTransfer (the tests compile without DOM types).
    await page.evaluate(`(() => {
      const bytes = Uint8Array.from(atob('${dropped}'), (char) => char.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], 'chair.jpg', { type: 'image/jpeg' }));
      const drop = new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true });
      document.querySelector('.photo-drop').dispatchEvent(drop);
    })()`);
    await expect.poll(() => page.getByText('Uploaded').count(), { timeout: 20_000 }).toBe(3);
    await page.getByRole('button', { name: 'Remove Photo 1 (cover)' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(stuffUrl);
    await expect
      .poll(() => galleryOf(page), { timeout: 20_000 })
      .toEqual(['Desk and lamp, photo 1 of 2 1200', 'Desk and lamp, photo 2 of 2 400']);
  });
});
