import { describe, expect, it } from 'vitest';
import { createRenewalMemo, type Renewal } from '../../lib/session/renew-session';

const BROWSER = 'a'.repeat(43);
const OTHER_BROWSER = 'b'.repeat(43);

/** Stands for the gateway's refreshSession: each call spends the token and mints a new pair. */
function gateway() {
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    ask: (): Promise<Renewal> => {
      calls += 1;
      return Promise.resolve({
        kind: 'renewed',
        accessToken: `access-${calls}`,
        refreshToken: `refresh-${calls}`,
        setCookies: [`session=access-${calls}`, `refresh_token=refresh-${calls}`],
      });
    },
  };
}

describe('sharing one session renewal', () => {
  it('gives every request of one browser with one refresh token the same renewal, asking the gateway once', async () => {
    const memo = createRenewalMemo();
    const upstream = gateway();
    const renewals = await Promise.all(
      Array.from({ length: 5 }, () => memo.renew('old-refresh', BROWSER, upstream.ask)),
    );
    expect(upstream.calls).toBe(1);
    for (const renewal of renewals) expect(renewal).toMatchObject({ kind: 'renewed', refreshToken: 'refresh-1' });
    // Still the same a moment later, when the page's last request arrives.
    expect(await memo.renew('old-refresh', BROWSER, upstream.ask)).toMatchObject({ refreshToken: 'refresh-1' });
  });

  it('never hands the renewed session to another browser presenting the same old refresh token', async () => {
    const memo = createRenewalMemo();
    const upstream = gateway();
    const owner = await memo.renew('old-refresh', BROWSER, upstream.ask);
    const copy = await memo.renew('old-refresh', OTHER_BROWSER, upstream.ask);
    expect(owner).toMatchObject({ kind: 'renewed', refreshToken: 'refresh-1' });
    expect(copy).toEqual({ kind: 'claimed' });
    // Nor does the copy reach the gateway, where a second use would revoke the owner's sign-in.
    expect(upstream.calls).toBe(1);
  });

  it('refuses a copy even while the first renewal is still on its way', async () => {
    const memo = createRenewalMemo();
    const upstream = gateway();
    const [owner, copy] = await Promise.all([
      memo.renew('old-refresh', BROWSER, upstream.ask),
      memo.renew('old-refresh', OTHER_BROWSER, upstream.ask),
    ]);
    expect(owner.kind).toBe('renewed');
    expect(copy).toEqual({ kind: 'claimed' });
  });

  it('keeps different refresh tokens apart, even from one browser', async () => {
    const memo = createRenewalMemo();
    const upstream = gateway();
    const first = await memo.renew('refresh-a', BROWSER, upstream.ask);
    const second = await memo.renew('refresh-b', BROWSER, upstream.ask);
    expect(first).toMatchObject({ refreshToken: 'refresh-1' });
    expect(second).toMatchObject({ refreshToken: 'refresh-2' });
  });

  it('forgets an outage, so that the next request asks again', async () => {
    const memo = createRenewalMemo();
    const down = () => Promise.resolve<Renewal>({ kind: 'unavailable' });
    expect(await memo.renew('old-refresh', BROWSER, down)).toEqual({ kind: 'unavailable' });
    const upstream = gateway();
    expect(await memo.renew('old-refresh', BROWSER, upstream.ask)).toMatchObject({ kind: 'renewed' });
  });
});
