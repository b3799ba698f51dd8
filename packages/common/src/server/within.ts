/**
 * Waits for `work` at most `ms`; true if it finished in time, and its error if it failed in
 * time. Shutdown and start-up must not hang on a dead peer.
 */
export async function within(ms: number, work: Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const finished = work.then(() => true);
  // A failure after we stopped waiting is nobody's to handle; it must not crash the process.
  finished.catch(() => undefined);
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([finished, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
