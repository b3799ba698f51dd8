import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from '../../../test/system/index.js';
import { publishedEventsOf } from './support/catalog-stream.js';
import { listStuff, readStuff, updateStuffAs } from './support/stuffs.js';
import { signUp, type TestUser } from './support/users.js';

let system: TestSystem;
let seller: TestUser;
let stranger: TestUser;

beforeAll(async () => {
  system = await startTestSystem();
  seller = await signUp(system, 'editor@example.com');
  stranger = await signUp(system, 'stranger@example.com');
});
afterAll(() => system?.close());

describe('editing stuff', () => {
  it('changes only the fields given and adds one to the version on every change', async () => {
    const stuff = await listStuff(system, seller, { title: 'Old title', description: 'Old', priceCents: 1000 });
    const first = (await updateStuffAs(system, seller, stuff.id, { title: 'New title' })).body.data!.updateStuff;
    expect(first).toEqual({ ...stuff, title: 'New title', version: 1, updatedAt: first.updatedAt });
    expect(new Date(first.updatedAt).getTime()).toBeGreaterThan(new Date(stuff.updatedAt).getTime());

    const second = (await updateStuffAs(system, seller, stuff.id, { priceCents: 900, description: null })).body.data!
      .updateStuff;
    expect(second).toMatchObject({ title: 'New title', description: 'Old', priceCents: 900, version: 2 });
    expect(second.createdAt).toBe(stuff.createdAt);
    expect(await readStuff(system, stuff.id)).toEqual(second);
  });

  it('keeps the version when an edit changes nothing', async () => {
    const stuff = await listStuff(system, seller, { title: 'Same', priceCents: 700 });
    for (const input of [{}, { title: 'Same', priceCents: 700 }]) {
      const { body } = await updateStuffAs(system, seller, stuff.id, input);
      expect(body.data?.updateStuff).toEqual(stuff);
    }
  });

  it('publishes stuff.updated carrying each new version and the stuff as it now is', async () => {
    const stuff = await listStuff(system, seller, { title: 'Guitar', priceCents: 20000 });
    await updateStuffAs(system, seller, stuff.id, { priceCents: 18000 });
    await updateStuffAs(system, seller, stuff.id, { title: 'Acoustic guitar' });
    const events = await publishedEventsOf(system, stuff.id, 3);
    expect(events.map((event) => [event.type, event.subjectVersion])).toEqual([
      ['stuff.created', 0],
      ['stuff.updated', 1],
      ['stuff.updated', 2],
    ]);
    expect(events[2]!.data).toEqual({
      stuffId: stuff.id,
      sellerId: seller.id,
      title: 'Acoustic guitar',
      priceCents: 18000,
      currency: 'usd',
    });
  });

  it('gives simultaneous edits distinct, consecutive versions', async () => {
    const stuff = await listStuff(system, seller);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => updateStuffAs(system, seller, stuff.id, { priceCents: 2000 + i })),
    );
    const versions = results.map(({ body }) => body.data!.updateStuff.version).sort((a, b) => a - b);
    expect(versions).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect((await readStuff(system, stuff.id))!.version).toBe(10);
  });

  it('refuses someone who is not the seller with FORBIDDEN and changes nothing, even for invalid input', async () => {
    const stuff = await listStuff(system, seller);
    for (const input of [{ title: 'Mine now' }, { title: '', priceCents: 0 }]) {
      const { body } = await updateStuffAs(system, stranger, stuff.id, input);
      expect(body).toEqual({
        data: null,
        errors: [{ message: 'Forbidden', path: ['updateStuff'], extensions: { code: 'FORBIDDEN' } }],
      });
    }
    expect(await readStuff(system, stuff.id)).toEqual(stuff);
  });

  it('refuses a signed-out caller with UNAUTHENTICATED "Not authorized", whatever the id', async () => {
    const stuff = await listStuff(system, seller);
    for (const id of [stuff.id, '00000000-0000-4000-8000-000000000000']) {
      const { body } = await updateStuffAs(system, null, id, { title: 'Anonymous edit' });
      expect(body).toEqual({
        data: null,
        errors: [{ message: 'Not authorized', path: ['updateStuff'], extensions: { code: 'UNAUTHENTICATED' } }],
      });
    }
    expect(await readStuff(system, stuff.id)).toEqual(stuff);
  });

  it('answers an unknown id, or a malformed one, with NOT_FOUND "Stuff not found"', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const { body } = await updateStuffAs(system, seller, id, { title: 'Ghost' });
      expect(body).toEqual({
        data: null,
        errors: [{ message: 'Stuff not found', path: ['updateStuff'], extensions: { code: 'NOT_FOUND' } }],
      });
    }
  });
});
