// Prints, at exit, the CPU time of each thread of this process to stderr (Linux only):
//
//   node -r ./scripts/thread-cpu.cjs dist/transparency.js build … 2>&1 >/dev/null | grep '^cpu'
//
// `main` is the main thread, `other threads` V8's compiler and collector threads and libuv's, `exited`
// what threads that ended before the exit used (the row-reading helper). Wall time wanders by 20–30 % on a shared
// machine from one minute to the next; CPU time per thread, taken over runs in alternating order,
// tells which thread a change made faster. Resolution: 10 ms (clock ticks).
'use strict';
const { readdirSync, readFileSync } = require('node:fs');

/** User + system time of a /proc stat file, in ms. */
function cpuOf(file) {
  const text = readFileSync(file, 'utf8');
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

process.on('exit', () => {
  try {
    const total = cpuOf('/proc/self/stat');
    let main = 0;
    let other = 0;
    for (const task of readdirSync('/proc/self/task')) {
      const time = cpuOf(`/proc/self/task/${task}/stat`);
      if (Number(task) === process.pid) main = time;
      else other += time;
    }
    process.stderr.write(`cpu ms: total ${total}, main ${main}, other threads ${other}, exited ${total - main - other}\n`);
  } catch {
    // not Linux: nothing to say
  }
});
