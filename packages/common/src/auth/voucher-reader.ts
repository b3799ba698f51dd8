import { SIGNED_OUT, verifyInternalIdentity, type VouchedRequest } from './internal-identity.js';

interface Remembered {
  vouched: VouchedRequest;
  /** When the voucher itself expires: after that it is read (and refused) afresh. */
  expiresAt: number;
}

/**
 * Reads the gateway's vouchers, remembering each verified one until it expires. The gateway
 * hands the same voucher to every call of one client for half a minute (its VoucherCache), and
 * verifying it (HMAC, JSON, claims) was a subgraph's largest fixed cost per request after
 * Apollo's own. Only vouchers that verified are remembered, keyed by their exact text: a forged
 * or altered one never matches an entry, and is refused by the full check every time.
 */
export class VoucherReader {
  private readonly entries = new Map<string, Remembered>();

  constructor(
    private readonly internalKey: string,
    private readonly maxEntries = 10_000,
  ) {}

  read(header: string | undefined): VouchedRequest {
    if (!header) return SIGNED_OUT;
    const remembered = this.entries.get(header);
    if (remembered && remembered.expiresAt > Date.now()) return remembered.vouched;
    const verified = verifyInternalIdentity(this.internalKey, header);
    if (!verified) return SIGNED_OUT;
    const { vouched, expiresAt } = verified;
    if (expiresAt === undefined) return vouched;
    this.entries.delete(header);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(header, { vouched, expiresAt });
    return vouched;
  }
}
