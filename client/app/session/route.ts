/**
 * Does nothing itself: requests pass the proxy, which renews an expired access token and
 * sets fresh cookies. The browser calls this before reopening its live-updates socket.
 */
export function HEAD(): Response {
  return new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } });
}
