/**
 * X-Forwarded-For as the storefront passes a request on: whatever the request came with, then
 * the address of the peer that connected to us. Earlier entries are the client's to write; only
 * the last one is ours, and it is the only one the gateway reads (TRUST_PROXY).
 *
 * @param {string | string[] | undefined} prior the header as it came in
 * @param {string | undefined} peer the socket's remote address
 * @returns {string | undefined}
 */
export function appendForwardedFor(prior, peer) {
  const entries = [prior ?? []]
    .flat()
    .flatMap((value) => value.split(','))
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (peer) entries.push(peer.startsWith('::ffff:') && peer.includes('.') ? peer.slice('::ffff:'.length) : peer);
  return entries.length > 0 ? entries.join(', ') : undefined;
}
