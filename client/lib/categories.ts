import type { Category } from './graphql/generated/graphql';

/** The contract's categories, in the order the storefront offers them, with their names. */
export const CATEGORIES: ReadonlyArray<{ value: Category; label: string }> = [
  { value: 'NOTES', label: 'Notes' },
  { value: 'TEXTBOOKS', label: 'Textbooks' },
  { value: 'TICKETS', label: 'Tickets' },
  { value: 'ELECTRONICS', label: 'Electronics' },
  { value: 'FURNITURE', label: 'Furniture' },
  { value: 'CLOTHING', label: 'Clothing' },
  { value: 'SPORTS', label: 'Sports' },
  { value: 'OTHER', label: 'Other' },
];

export function isCategory(value: unknown): value is Category {
  return CATEGORIES.some((category) => category.value === value);
}

export function categoryLabel(category: Category): string {
  return CATEGORIES.find((entry) => entry.value === category)?.label ?? 'Other';
}
