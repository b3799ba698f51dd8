const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids come from clients; a malformed one is simply unknown, never a database error. */
export function isUuid(id: string): boolean {
  return UUID.test(id);
}
