/**
 * The time and the peak memory of a piece of work in a benchmark: RSS and heap sampled every
 * 10 ms while it runs, after a garbage collection when node runs with --expose-gc.
 */
import { performance } from 'node:perf_hooks';

const MB = 1024 * 1024;

/** Runs `work` and reports its time and the highest RSS and heap seen while it ran. */
export async function measured<T>(work: () => Promise<T>) {
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage();
  let rss = before.rss;
  let heap = before.heapUsed;
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    rss = Math.max(rss, now.rss);
    heap = Math.max(heap, now.heapUsed);
  }, 10);
  const started = performance.now();
  try {
    const value = await work();
    const seconds = (performance.now() - started) / 1000;
    const after = process.memoryUsage();
    rss = Math.max(rss, after.rss);
    heap = Math.max(heap, after.heapUsed);
    return {
      value,
      figures: {
        seconds: Number(seconds.toFixed(2)),
        peakRssMb: Math.round(rss / MB),
        peakHeapMb: Math.round(heap / MB),
        rssBeforeMb: Math.round(before.rss / MB),
        heapBeforeMb: Math.round(before.heapUsed / MB),
      },
    };
  } finally {
    clearInterval(sampler);
  }
}
