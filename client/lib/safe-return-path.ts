/**
 * Stands for this site's own origin while a return path is resolved. Any http origin would
 * do: a relative reference resolves against every origin alike, and all that is asked is
 * whether it stayed on the one it started from. `.invalid` can never be a real host.
 */
const OWN_ORIGIN = 'http://this-site.invalid';

/**
 * Control characters and backslashes have no place in a path we hand out: browsers drop tab,
 * newline and carriage return anywhere in a URL (`/\t/evil` becomes `//evil`) and read `\` as
 * `/`, so each of them is a way to turn a path into another host.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f\\]/;

function decoded(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/**
 * Where to go after signing in: only a path on this site, or `fallback`. The value is parsed
 * with `URL` against this site's origin, as a browser would, so that no spelling of another
 * host (`//evil.example`, `/\evil.example`, `/%09/evil.example`, `https://evil`, `/.//evil`)
 * turns the sign-in page into an open redirect. What is handed back is the parsed, normalised
 * path, never the text that came in.
 */
export function safeReturnPath(value: string | string[] | undefined | null, fallback = '/'): string {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text || !text.startsWith('/') || UNSAFE_CHARACTERS.test(text)) return fallback;
  let url: URL;
  try {
    url = new URL(text, OWN_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== OWN_ORIGIN) return fallback;
  // The path once more as something downstream might decode it: `/%2F/evil` or `/%09/evil`
  // must not become `//evil` there, nor may dot segments have left `//` at its start.
  const path = decoded(url.pathname);
  if (path === null || UNSAFE_CHARACTERS.test(path) || path.startsWith('//')) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
