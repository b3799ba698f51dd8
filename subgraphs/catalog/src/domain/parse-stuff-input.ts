import { BadUserInputError } from '@stuffmart/common';
import { z } from 'zod';
import { CATEGORIES } from '../data-access/catalog-database.js';
import type { StuffChanges } from '../data-access/stuffs.js';

const MAX_PRICE_CENTS = 100_000_000;
const ISO_4217 = new Set(Intl.supportedValuesOf('currency'));

/** Counted as a reader would: an emoji is one character, not two UTF-16 units. */
const characters = (text: string) => [...text].length;

const title = z
  .string()
  .trim()
  .refine((value) => characters(value) >= 1 && characters(value) <= 200, {
    error: 'Title must be between 1 and 200 characters',
  });
const description = z
  .string()
  .refine((value) => characters(value) <= 5000, { error: 'Description must be at most 5000 characters' });
const priceCents = z.number().refine((value) => Number.isInteger(value) && value >= 1 && value <= MAX_PRICE_CENTS, {
  error: `Price must be a whole number of cents between 1 and ${MAX_PRICE_CENTS}`,
});
const category = z.enum(CATEGORIES, { error: 'Category must be one of the listed categories' });
/** Shared with the search filter, which takes a currency exactly as createStuff does. */
export const currency = z
  .string()
  .trim()
  .toUpperCase()
  .refine((value) => ISO_4217.has(value), { error: 'Currency must be a three-letter ISO-4217 code' })
  .transform((value) => value.toLowerCase());

const createStuffSchema = z.object({
  title,
  description: description.default(''),
  priceCents,
  currency: currency.default('usd'),
  category: category.default('OTHER'),
});
const updateStuffSchema = z.object({
  title: title.optional(),
  description: description.optional(),
  priceCents: priceCents.optional(),
  category: category.optional(),
});

export type NewStuffFields = z.infer<typeof createStuffSchema>;

/** What a client may send: GraphQL lets it give null for any optional field. */
type Nullable<T> = { [K in keyof T]?: T[K] | null };
export type CreateStuffRequest = Nullable<NewStuffFields>;
export type UpdateStuffRequest = Nullable<Required<StuffChanges>>;

/** A null here means the same as leaving the field out: the default, or no change. */
function withoutNulls(input: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null && value !== undefined));
}

/** Lists every broken rule at once, each under the input field it belongs to. */
function parse<S extends z.ZodType>(schema: S, input: object): z.infer<S> {
  const result = schema.safeParse(withoutNulls(input));
  if (result.success) return result.data;
  throw new BadUserInputError(
    result.error.issues.map((issue) => ({ field: String(issue.path[0] ?? 'input'), message: issue.message })),
  );
}

export function parseCreateStuffInput(input: CreateStuffRequest): NewStuffFields {
  return parse(createStuffSchema, input);
}

export function parseUpdateStuffInput(input: UpdateStuffRequest): StuffChanges {
  return parse(updateStuffSchema, input);
}
