/**
 * First the current state, then every change: what a subscriber of live state expects. The
 * source must already be listening when `current` is read, so nothing falls in between.
 */
export function prepend<T>(first: T, rest: AsyncIterableIterator<T>): AsyncIterableIterator<T> {
  let sentFirst = false;
  const iterator: AsyncIterableIterator<T> = {
    next: () => {
      if (!sentFirst) {
        sentFirst = true;
        return Promise.resolve({ value: first, done: false });
      }
      return rest.next();
    },
    return: () => rest.return?.() ?? Promise.resolve({ value: undefined, done: true }),
    throw: (error) => rest.throw?.(error) ?? Promise.reject(error),
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
