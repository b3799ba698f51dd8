import { readInternalIdentity, verifyInternalIdentity, type VouchedRequest } from './internal-identity.js';

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
    if (!header) return readInternalIdentity(this.internalKey, header);
    const now = Date.now();
    const remembered = this.entries.get(header);
    if (remembered && remembered.expiresAt > now) return remembered.vouched;
    const vouched = verifyInternalIdentity(this.internalKey, header);
    if (!vouched) return readInternalIdentity(this.internalKey, undefined);
    const expiresAt = expiryOf(header);
    if (expiresAt !== undefined && expiresAt > now) {
      this.entries.delete(header);
      if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(header, { vouched, expiresAt });
    }
    return vouched;
  }
}

/** The `exp` of a voucher that has just verified (so its payload is ours), in milliseconds. */
function expiryOf(voucher: string): number | undefined {
  try {
    const payload = JSON.parse(Buffer.from(voucher.split('.')[1] ?? '', 'base64url').toString()) as { exp?: unknown };
    return typeof payload.exp === 'number' ? payload.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}
