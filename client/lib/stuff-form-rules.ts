import { parsePrice } from './money';

/** The catalog's own limits (contract: title 1..200 trimmed, description 0..5000, price 1..100000000). */
const MAX_TITLE = 200;
const MAX_DESCRIPTION = 5000;
const MAX_PRICE_MINOR_UNITS = 100_000_000;

/** Counts characters as the catalog does: by code point, so an emoji is one. */
const characters = (text: string) => [...text].length;

export interface StuffFormValues {
  title: string;
  description: string;
  price: string;
  currency: string;
}

/**
 * Every field's problem at once, before anything is sent, so a seller fixes them in one go
 * rather than one per round trip. The catalog checks again; this only spares the wait.
 */
export function stuffFormProblems(values: StuffFormValues): Record<string, string> {
  const problems: Record<string, string> = {};
  const title = values.title.trim();
  if (title.length === 0) problems.title = 'Give it a title.';
  else if (characters(title) > MAX_TITLE) problems.title = `Keep the title to ${MAX_TITLE} characters.`;
  if (characters(values.description) > MAX_DESCRIPTION) {
    problems.description = `Keep the description to ${MAX_DESCRIPTION} characters.`;
  }
  const price = parsePrice(values.price, values.currency);
  if (values.price.trim() === '') problems.price = 'Enter a price such as 12.50.';
  else if (price === null) problems.price = 'Enter a price such as 12.50.';
  else if (price < 1) problems.price = 'The price must be more than zero.';
  else if (price > MAX_PRICE_MINOR_UNITS) problems.price = 'That price is higher than Stuffmart takes.';
  return problems;
}
