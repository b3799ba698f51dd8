// `NODE_OPTIONS="--import ./bench/cpu-profile-preload.mjs"` with CPU_PROFILE_DIR set: the
// process records a V8 CPU profile and writes it there when it exits (what --cpu-prof does,
// which NODE_OPTIONS does not allow). Sampling every 500 µs.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import process from 'node:process';

const dir = process.env.CPU_PROFILE_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 500 });
  session.post('Profiler.start');
  process.on('exit', () => {
    // A session on the process' own thread answers synchronously: the file is written before exit.
    session.post('Profiler.stop', (error, result) => {
      const name = (process.argv[1] ?? 'node').split('/').slice(-3).join('_');
      if (!error) writeFileSync(`${dir}/${process.pid}-${name}.cpuprofile`, JSON.stringify(result.profile));
    });
  });
}
