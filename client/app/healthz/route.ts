/** Liveness for the container's health check: the storefront answers, whatever the gateway does. */
export function GET(): Response {
  return new Response('ok\n', { headers: { 'content-type': 'text/plain', 'cache-control': 'no-store' } });
}
