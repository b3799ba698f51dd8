import { createSecretKey, type KeyObject } from 'node:crypto';

const cache = new Map<string, KeyObject>();

/**
 * jsonwebtoken turns a string secret into a KeyObject on every call, which profiling showed
 * to be a fifth of the gateway's CPU; our few keys are converted once instead.
 */
export function secretKey(key: string): KeyObject {
  let object = cache.get(key);
  if (!object) {
    object = createSecretKey(Buffer.from(key, 'utf8'));
    cache.set(key, object);
  }
  return object;
}
