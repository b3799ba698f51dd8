import { headers } from 'next/headers';

/**
 * The origin the visitor used (behind a proxy: the one it forwards), for absolute URLs in
 * link previews. Only a well-formed host is taken; anything else falls back to localhost.
 */
export async function requestOrigin(): Promise<URL> {
  const sent = await headers();
  const host = sent.get('x-forwarded-host')?.split(',')[0]?.trim() || sent.get('host') || '';
  const proto = sent.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https' ? 'https' : 'http';
  if (!/^[a-z0-9.-]+(?::\d{1,5})?$/i.test(host) && !/^\[[0-9a-f:]+\](?::\d{1,5})?$/i.test(host)) {
    return new URL('http://localhost:3000');
  }
  return new URL(`${proto}://${host}`);
}
