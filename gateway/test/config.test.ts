import { describe, expect, it } from 'vitest';
import { gatewayConfigSchema } from '../src/config.js';

const KEYS = { JWT_KEY: 'k'.repeat(48) };

describe("the gateway's allowed origins", () => {
  it("are PUBLIC_URL's origin when ALLOWED_ORIGINS is unset or empty (compose passes it empty)", () => {
    for (const ALLOWED_ORIGINS of [undefined, '', ' ']) {
      const config = gatewayConfigSchema.parse({ ...KEYS, PUBLIC_URL: 'https://shop.example/', ALLOWED_ORIGINS });
      expect(config.ALLOWED_ORIGINS).toEqual(['https://shop.example']);
    }
  });

  it('are the listed origins when ALLOWED_ORIGINS names some', () => {
    const config = gatewayConfigSchema.parse({ ...KEYS, ALLOWED_ORIGINS: 'https://a.example, http://b.example:8080' });
    expect(config.ALLOWED_ORIGINS).toEqual(['https://a.example', 'http://b.example:8080']);
  });

  it('refuse an entry that is not an http(s) origin', () => {
    expect(() => gatewayConfigSchema.parse({ ...KEYS, ALLOWED_ORIGINS: 'ftp://x.example' })).toThrow(
      /not an http\(s\) origin/,
    );
  });
});
