import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Preloaded into `register start` by the soak (`node --import …/gc-probe.js`), never by the register
 * itself. On SIGUSR2 it runs a full garbage collection and writes the memory left afterwards as one
 * JSON line on stderr. The soak judges memory growth on these lows: RSS sampled at random moments
 * follows the heap's saw-tooth (it climbed ≈ 80 MiB and fell back within a 2-minute run), so its
 * slope over a short window says more about when the last major GC ran than about a leak.
 */
setFlagsFromString('--expose-gc');
// `gc` is defined only in contexts created after the flag is set.
const collectGarbage = runInNewContext('gc') as () => void;

let probes = 0;
process.on('SIGUSR2', () => {
  collectGarbage();
  probes += 1;
  const { rss, heapUsed } = process.memoryUsage();
  process.stderr.write(`${JSON.stringify({ gcProbe: probes, rssBytes: rss, heapUsedBytes: heapUsed })}\n`);
});
