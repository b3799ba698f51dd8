import { afterEach, describe, expect, it, vi } from 'vitest';
import { INTERNAL_IDENTITY_TTL_SECONDS, signInternalIdentity } from './internal-identity.js';
import { VoucherReader } from './voucher-reader.js';

const KEY = 'a voucher key of the gateway and its subgraphs';
const user = { userId: 'u-1', email: 'ann@example.test', role: 'USER' as const, sessionId: 's-1' };

afterEach(() => {
  vi.useRealTimers();
});

describe('reading the gateway’s vouchers', () => {
  it('reads a genuine voucher, again and again, as the identity it vouches for', () => {
    const reader = new VoucherReader(KEY);
    const voucher = signInternalIdentity(KEY, { user, clientIp: '10.0.0.7' });
    for (let i = 0; i < 3; i++) expect(reader.read(voucher)).toEqual({ user, clientIp: '10.0.0.7' });
  });

  it('refuses a voucher signed with another key, and one altered after a genuine one was read', () => {
    const reader = new VoucherReader(KEY);
    const genuine = signInternalIdentity(KEY, { user, clientIp: null });
    expect(reader.read(genuine).user).toEqual(user);
    expect(reader.read(signInternalIdentity('another key', { user, clientIp: null })).user).toBeNull();
    const [head, , signature] = genuine.split('.');
    const admin = Buffer.from(JSON.stringify({ sub: 'u-1', email: user.email, role: 'ADMIN', sid: 's-1' })).toString(
      'base64url',
    );
    expect(reader.read(`${head}.${admin}.${signature}`).user).toBeNull();
    expect(reader.read(undefined).user).toBeNull();
  });

  it('refuses a remembered voucher once it has expired', () => {
    vi.useFakeTimers({ now: new Date('2026-11-30T10:00:00Z') });
    const reader = new VoucherReader(KEY);
    const voucher = signInternalIdentity(KEY, { user, clientIp: null });
    expect(reader.read(voucher).user).toEqual(user);
    vi.setSystemTime(new Date(Date.now() + (INTERNAL_IDENTITY_TTL_SECONDS + 1) * 1000));
    expect(reader.read(voucher).user).toBeNull();
  });

  it('keeps at most maxEntries vouchers, forgetting the oldest, and still reads the forgotten ones', () => {
    const reader = new VoucherReader(KEY, 2);
    const vouchers = ['a', 'b', 'c'].map((id) =>
      signInternalIdentity(KEY, { user: { ...user, userId: id }, clientIp: null }),
    );
    for (const voucher of vouchers) reader.read(voucher);
    expect(vouchers.map((voucher) => reader.read(voucher).user?.userId)).toEqual(['a', 'b', 'c']);
  });
});

describe('a signed-out caller’s voucher', () => {
  it('is read as its address alone, signed out', () => {
    const reader = new VoucherReader(KEY);
    const voucher = signInternalIdentity(KEY, { user: null, clientIp: '10.0.0.9' });
    expect(reader.read(voucher)).toEqual({ user: null, clientIp: '10.0.0.9' });
    expect(reader.read(voucher)).toEqual({ user: null, clientIp: '10.0.0.9' });
  });
});
