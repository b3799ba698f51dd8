import { describe, expect, it } from 'vitest';
import { stuffFormProblems } from '../../lib/stuff-form-rules';

const valid = { title: 'Desk lamp', description: '', price: '12.50', currency: 'usd' };

describe('the sell form’s own checks', () => {
  it('finds every wrong field at once, not only the first', () => {
    expect(stuffFormProblems({ ...valid, title: '   ', price: 'twelve' })).toEqual({
      title: 'Give it a title.',
      price: 'Enter a price such as 12.50.',
    });
  });

  it('holds to the catalog’s limits: 200 characters of title, 5000 of description, a price above zero', () => {
    expect(stuffFormProblems(valid)).toEqual({});
    expect(stuffFormProblems({ ...valid, title: '😀'.repeat(200) })).toEqual({});
    expect(
      Object.keys(stuffFormProblems({ ...valid, title: 'x'.repeat(201), description: 'y'.repeat(5001), price: '0' })),
    ).toEqual(['title', 'description', 'price']);
    expect(stuffFormProblems({ ...valid, price: '1000001' }).price).toBe('That price is higher than Stuffmart takes.');
    expect(stuffFormProblems({ ...valid, price: '1500', currency: 'jpy' })).toEqual({});
  });
});
