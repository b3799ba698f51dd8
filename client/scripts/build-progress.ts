/** What `npm start` shows while it waits: Next's own build lines, and a heartbeat when Next is quiet. */
export type BuildProgress = (line: string) => void;

export const HEARTBEAT_MS = 5_000;

/**
 * Passes a child's output on line by line (a chunk may end mid-line) and, whenever nothing
 * came for HEARTBEAT_MS, says how long the build has run: Next is silent for long stretches
 * (compiling, type checking), and a silent start looks stuck. `stop` ends the heartbeat.
 */
export function reportBuildProgress(onProgress: BuildProgress): { take(chunk: Buffer | string): void; stop(): void } {
  const started = Date.now();
  let lastLine = started;
  let pending = '';
  const heartbeat = setInterval(() => {
    if (Date.now() - lastLine < HEARTBEAT_MS) return;
    lastLine = Date.now();
    onProgress(`still building… ${Math.round((Date.now() - started) / 1000)} s`);
  }, 1_000);
  return {
    take(chunk) {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines.map((text) => text.trimEnd()).filter(Boolean)) {
        lastLine = Date.now();
        onProgress(line);
      }
    },
    stop() {
      clearInterval(heartbeat);
      if (pending.trim()) onProgress(pending.trimEnd());
      pending = '';
    },
  };
}
