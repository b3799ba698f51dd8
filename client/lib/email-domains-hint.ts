/** Says which addresses sign-up takes; the refusal itself ("Use your university e-mail") is the server's. */
export function emailDomainsHint(domains: readonly string[]): string | undefined {
  if (domains.length === 0) return undefined;
  const listed = domains.map((domain) => `@${domain}`);
  const last = listed.pop()!;
  return `Use your university e-mail: an address ending in ${listed.length > 0 ? `${listed.join(', ')} or ${last}` : last}.`;
}
