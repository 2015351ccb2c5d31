/**
 * Preloaded into a server (`node --import ./dist/bench/run/profiler.js …`) when the bench
 * profiles it: the first SIGUSR2 starts V8's CPU profiler, the next one stops it and writes
 * the profile (the same format as `node --cpu-prof`) to BENCH_PROFILE. So the profile covers
 * the load and nothing of the start-up.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

const file = process.env.BENCH_PROFILE;

if (file) {
  const session = new Session();
  session.connect();
  let running = false;
  process.on('SIGUSR2', () => {
    if (!running) {
      running = true;
      session.post('Profiler.enable', () => session.post('Profiler.start'));
      return;
    }
    session.post('Profiler.stop', (error, result) => {
      running = false;
      if (!error) writeFileSync(file, JSON.stringify(result.profile));
    });
  });
}
