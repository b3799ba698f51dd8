/** The `?after=` of a paged list's URL: a cursor handed back to the server, or the first page. */
export function pageCursor(after: string | string[] | undefined): string | null {
  return typeof after === 'string' && after ? after : null;
}
