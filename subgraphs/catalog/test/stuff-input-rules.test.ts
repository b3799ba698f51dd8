import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from '../../../test/system/index.js';
import { createStuffAs, listStuff, readStuff, updateStuffAs } from './support/stuffs.js';
import { signUp, type TestUser } from './support/users.js';

const TITLE = { field: 'title', message: 'Title must be between 1 and 200 characters' };
const DESCRIPTION = { field: 'description', message: 'Description must be at most 5000 characters' };
const PRICE = { field: 'priceCents', message: 'Price must be a whole number of cents between 1 and 100000000' };
const CURRENCY = { field: 'currency', message: 'Currency must be a three-letter ISO-4217 code' };

let system: TestSystem;
let seller: TestUser;

beforeAll(async () => {
  system = await startTestSystem();
  seller = await signUp(system, 'rules@example.com');
});
afterAll(() => system?.close());

const valid = { title: 'Desk lamp', description: 'Warm light', priceCents: 800, currency: 'usd' };

function invalidInput(path: string, fields: Array<{ field: string; message: string }>) {
  return {
    data: null,
    errors: [{ message: 'Invalid input', path: [path], extensions: { code: 'BAD_USER_INPUT', fields } }],
  };
}

describe('the input rules of createStuff', () => {
  const broken: Array<[string, Record<string, unknown>, { field: string; message: string }]> = [
    ['an empty title', { title: '' }, TITLE],
    ['a title of only spaces', { title: '   \t ' }, TITLE],
    ['a title of 201 characters', { title: 'x'.repeat(201) }, TITLE],
    ['a description of 5001 characters', { description: 'x'.repeat(5001) }, DESCRIPTION],
    ['a price of 0', { priceCents: 0 }, PRICE],
    ['a negative price', { priceCents: -5 }, PRICE],
    ['a price above 100000000', { priceCents: 100_000_001 }, PRICE],
    ['a two-letter currency', { currency: 'us' }, CURRENCY],
    ['a four-letter currency', { currency: 'usdd' }, CURRENCY],
    ['three letters that are no ISO-4217 code', { currency: 'abc' }, CURRENCY],
    ['an empty currency', { currency: '' }, CURRENCY],
  ];
  for (const [name, change, error] of broken) {
    it(`refuses ${name} with BAD_USER_INPUT naming field ${error.field}`, async () => {
      const { body } = await createStuffAs(system, seller, { ...valid, ...change });
      expect(body).toEqual(invalidInput('createStuff', [error]));
    });
  }

  it('lists every broken rule at once, each under its field', async () => {
    const { body } = await createStuffAs(system, seller, {
      title: ' ',
      description: 'x'.repeat(5001),
      priceCents: 0,
      currency: 'dollars',
    });
    expect(body).toEqual(invalidInput('createStuff', [TITLE, DESCRIPTION, PRICE, CURRENCY]));
  });

  it('accepts the limits themselves: 200-character title, 5000-character description, 1 and 100000000 cents', async () => {
    const longest = await listStuff(system, seller, {
      title: 't'.repeat(200),
      description: 'd'.repeat(5000),
      priceCents: 100_000_000,
    });
    expect(longest.title).toHaveLength(200);
    expect(longest.description).toHaveLength(5000);
    expect((await listStuff(system, seller, { title: 'a', priceCents: 1 })).priceCents).toBe(1);
  });

  it('counts characters, not UTF-16 units: 200 emoji make a valid title', async () => {
    const stuff = await listStuff(system, seller, { title: '📚'.repeat(200) });
    expect([...stuff.title]).toHaveLength(200);
  });

  it('treats an explicit null description or currency as the default', async () => {
    const stuff = await listStuff(system, seller, { description: null, currency: null });
    expect(stuff).toMatchObject({ description: '', currency: 'usd' });
  });

  it('creates nothing when the input is refused', async () => {
    await createStuffAs(system, seller, { title: 'Refused stuff', priceCents: 0 });
    const { body } = await system.graphql<any>(
      `query ($id: ID!) { user(id: $id) { stuffs(first: 100) { nodes { title } } } }`,
      {
        id: seller.id,
      },
    );
    expect(body.data.user.stuffs.nodes.map((stuff: { title: string }) => stuff.title)).not.toContain('Refused stuff');
  });
});

describe('the input rules of updateStuff', () => {
  it('applies the same rules to the fields given and lists every broken one at once', async () => {
    const stuff = await listStuff(system, seller);
    const { body } = await updateStuffAs(system, seller, stuff.id, {
      title: '',
      description: 'x'.repeat(5001),
      priceCents: 100_000_001,
    });
    expect(body).toEqual(invalidInput('updateStuff', [TITLE, DESCRIPTION, PRICE]));
    expect(await readStuff(system, stuff.id)).toEqual(stuff);
  });

  it('checks only the fields given', async () => {
    const stuff = await listStuff(system, seller);
    const { body } = await updateStuffAs(system, seller, stuff.id, { priceCents: 0 });
    expect(body).toEqual(invalidInput('updateStuff', [PRICE]));
  });

  it('trims a new title', async () => {
    const stuff = await listStuff(system, seller);
    const { body } = await updateStuffAs(system, seller, stuff.id, { title: '  Renamed  ' });
    expect(body.data?.updateStuff.title).toBe('Renamed');
  });
});
