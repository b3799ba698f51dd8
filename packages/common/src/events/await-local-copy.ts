import { setTimeout as sleep } from 'node:timers/promises';
import { NotFoundError, ServiceUnavailableError } from '../errors/custom-error.js';
import type { NewsCheck } from './news-check.js';

export interface AwaitLocalCopyOptions<T> {
  /** Reads the local copy. */
  find: () => Promise<T | undefined>;
  news: NewsCheck;
  /** The copy's owner, whose events bring it. */
  publisher: string;
  /** For the NOT_FOUND message: "<thing> not found". */
  thing: string;
  timeoutMs: number;
}

/**
 * A local copy of another service's subject, which may be asked for a moment before its news
 * arrives (or while the news cannot travel). It is NOT_FOUND only once the owner's news up to
 * the asking is known to have been applied here without it; when that cannot be known in
 * time, SERVICE_UNAVAILABLE (retry later), never NOT_FOUND for something that exists.
 */
export async function awaitLocalCopy<T>(options: AwaitLocalCopyOptions<T>): Promise<T> {
  const { find, news, publisher, thing, timeoutMs } = options;
  const first = await find();
  if (first !== undefined) return first;
  const since = await news.now();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await news.allArrived(publisher, since)) {
      // Applied since our last look, or not at all: only now is absence an answer.
      const late = await find();
      if (late !== undefined) return late;
      throw new NotFoundError(thing);
    }
    if (Date.now() >= deadline) throw new ServiceUnavailableError();
    await sleep(50);
    const copy = await find();
    if (copy !== undefined) return copy;
  }
}
