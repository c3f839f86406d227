/** Scheduler micro-benchmark: heap push+pop throughput, the floor under every model. */
import { heapPop, heapPush, type Scheduled } from '../simulator/core/heap.ts';
import type { Report } from './report.ts';

export default async function run(report: Report): Promise<void> {
  const n = 2_000_000;
  const heap: Scheduled[] = [];
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    heapPush(heap, { atMs: i + (i % 7), seq: i });
    if (heap.length > 64) heapPop(heap);
  }
  while (heapPop(heap));
  const ms = performance.now() - t0;
  report('core.heap_ops_per_s', Math.round((2 * n) / (ms / 1000)), 'ops/s');
}
