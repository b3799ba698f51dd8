import { NotFoundError, ServiceUnavailableError } from '../errors/custom-error.js';
import type { Subscribe } from '../wait/notifications.js';
import { waitFor } from '../wait/wait-for.js';
import type { NewsCheck } from './news-check.js';

export interface AwaitLocalCopyOptions<T> {
  /** Reads the local copy. */
  find: () => Promise<T | undefined>;
  /** Notices that the copy may have changed (its consumer applied news of it). */
  changes: Subscribe;
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
 * time, SERVICE_UNAVAILABLE (retry later), never NOT_FOUND for something that exists. The
 * wait looks again when the copy changes or the owner's relay notes its outbox clear.
 */
export async function awaitLocalCopy<T>(options: AwaitLocalCopyOptions<T>): Promise<T> {
  const { find, changes, news, publisher, thing, timeoutMs } = options;
  const first = await find();
  if (first !== undefined) return first;
  const since = await news.now();
  const found = await waitFor<{ copy: T | undefined }>({
    check: async () => {
      // Asked before the read: when everything up to `since` had arrived before it, the read
      // is the answer, absence included; one read a look either way.
      const arrived = await news.allArrived(publisher, since);
      const copy = await find();
      if (copy !== undefined) return { copy };
      return arrived ? { copy: undefined } : undefined;
    },
    on: [changes, news.progress(publisher)],
    timeoutMs,
  });
  if (!found) throw new ServiceUnavailableError();
  if (found.copy === undefined) throw new NotFoundError(thing);
  return found.copy;
}
