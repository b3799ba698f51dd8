import {
  INTERNAL_IDENTITY_TTL_SECONDS,
  signInternalIdentity,
  verifyAccessToken,
  type Identity,
} from '@stuffmart/common/runtime';

export interface Vouched {
  user: Identity | null;
  /** The signed header every subgraph call of this request carries. */
  voucher: string;
}

interface Entry extends Vouched {
  expiresAt: number;
}

/**
 * Verifying a JWT and signing the voucher were the gateway's largest per-request costs, and a
 * client sends the same token many times. The result for one exact token and address is kept
 * until half the voucher's life has passed or the token expires, whichever comes first.
 */
export class VoucherCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly jwtKey: string,
    private readonly internalKey: string,
    private readonly maxEntries = 10_000,
  ) {}

  /**
   * A fresh voucher for an identity proven earlier (a graphql-ws connection's, at connect): the
   * same one while it has at least half its life left, else a new one for the same user.
   */
  renew(vouched: Vouched, clientIp: string | null): Vouched {
    const key = `renew ${clientIp ?? ''} ${vouched.voucher}`;
    const now = Date.now();
    const cached = this.entries.get(key);
    if (cached && cached.expiresAt > now) return cached;
    const entry: Entry = {
      user: vouched.user,
      voucher: signInternalIdentity(this.internalKey, { user: vouched.user, clientIp }),
      expiresAt: now + (INTERNAL_IDENTITY_TTL_SECONDS * 1000) / 2,
    };
    return this.remember(key, entry);
  }

  vouch(token: string | undefined, clientIp: string | null): Vouched {
    const key = `${clientIp ?? ''} ${token ?? ''}`;
    const now = Date.now();
    const cached = this.entries.get(key);
    if (cached && cached.expiresAt > now) return cached;

    const verified = token ? verifyAccessToken(this.jwtKey, token) : null;
    const user = verified?.identity ?? null;
    const entry: Entry = {
      user,
      voucher: signInternalIdentity(this.internalKey, { user, clientIp }),
      expiresAt: Math.min(now + (INTERNAL_IDENTITY_TTL_SECONDS * 1000) / 2, verified?.expiresAt.getTime() ?? Infinity),
    };
    return this.remember(key, entry);
  }

  private remember(key: string, entry: Entry): Entry {
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, entry);
    return entry;
  }
}
