import { BadUserInputError } from '@stuffmart/common';
import { z } from 'zod';
import { CATEGORIES, type Availability, type Category } from '../data-access/catalog-database.js';
import { currency } from './parse-stuff-input.js';

/** What a buyer narrows the catalogue to; every condition given must hold. */
export interface StuffSearch {
  query?: string;
  availability?: Availability[];
  minPriceCents?: number;
  maxPriceCents?: number;
  currency?: string;
  category?: Category;
}

const MAX_PRICE_CENTS = 100_000_000;
const AVAILABILITIES = ['AVAILABLE', 'RESERVED', 'SOLD'] as const;

/** Counted as a reader would: an emoji is one character, not two UTF-16 units. */
const characters = (text: string) => [...text].length;

const price = (bound: string) =>
  z.number().refine((value) => Number.isInteger(value) && value >= 0 && value <= MAX_PRICE_CENTS, {
    error: `${bound} price must be a whole number of cents between 0 and ${MAX_PRICE_CENTS}`,
  });

const filterSchema = z
  .object({
    query: z
      .string()
      .trim()
      .refine((value) => characters(value) >= 1 && characters(value) <= 100, {
        error: 'Query must be between 1 and 100 characters',
      })
      .optional(),
    // Sorted and without repeats, so that one filter has one form (and its cursors one fingerprint).
    availability: z
      .array(z.enum(AVAILABILITIES, { error: 'Availability must be AVAILABLE, RESERVED or SOLD' }))
      .transform((values) => AVAILABILITIES.filter((value) => values.includes(value)))
      .optional(),
    minPriceCents: price('Minimum').optional(),
    maxPriceCents: price('Maximum').optional(),
    currency: currency.optional(),
    category: z.enum(CATEGORIES, { error: 'Category must be one of the listed categories' }).optional(),
  })
  .refine(
    ({ minPriceCents, maxPriceCents }) =>
      minPriceCents === undefined || maxPriceCents === undefined || minPriceCents <= maxPriceCents,
    { error: 'Minimum price must not be above the maximum price', path: ['minPriceCents'] },
  );

export type StuffFilterRequest = { [K in keyof StuffSearch]?: StuffSearch[K] | null };

/**
 * The filter as the listing uses it, or every broken rule at once under `filter.<field>` (the
 * path GraphQL itself gives a bad value inside the filter). A null, or an empty availability
 * list, is no condition: an empty filter is the plain newest-first catalogue.
 */
export function parseStuffFilter(filter: StuffFilterRequest | null | undefined): {
  search: StuffSearch;
  errors: Array<{ field: string; message: string }>;
} {
  const given = Object.fromEntries(
    Object.entries(filter ?? {}).filter(
      ([, value]) => value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0),
    ),
  );
  const result = filterSchema.safeParse(given);
  if (result.success) return { search: withoutUndefined(result.data), errors: [] };
  return {
    search: {},
    errors: result.error.issues.map((issue) => ({
      field: `filter.${String(issue.path[0] ?? 'query')}`,
      message: issue.message,
    })),
  };
}

function withoutUndefined(search: StuffSearch): StuffSearch {
  return Object.fromEntries(Object.entries(search).filter(([, value]) => value !== undefined));
}

export function isFiltered(search: StuffSearch): boolean {
  return Object.keys(search).length > 0;
}

export function throwIfAny(errors: Array<{ field: string; message: string }>): void {
  if (errors.length > 0) throw new BadUserInputError(errors);
}
