/**
 * Where to go after signing in. Only a path on this site: `?next=https://evil.example`
 * or `//evil.example` must not turn the sign-in page into an open redirect.
 */
export function safeReturnPath(value: string | string[] | undefined | null, fallback = '/'): string {
  const path = Array.isArray(value) ? value[0] : value;
  if (!path || !path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return fallback;
  return path;
}
