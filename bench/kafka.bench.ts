/**
 * Kafka model benchmarks (not tests): W1 throughput against a minimal baseline, memory per
 * retained record, and timeline seek latency. Run with `npm run bench -- kafka`.
 *
 * W1: 3 brokers, one topic of 12 partitions with RF 3, acks=all, 1,000,000 records over 10,000
 * keys, three consumer groups of 4 consumers, trace in summary mode (last 1000 entries kept).
 * Deliveries = records produced + records processed by each group (4,000,000 when nothing is
 * redelivered).
 *
 * W1-tx: the same, but the producer writes in transactions of 100 records (transactional.id, a
 * COMMIT marker per partition touched) and the groups read read_committed.
 */
import { heapPop, heapPush, type Scheduled } from '../simulator/core/heap.ts';
import { nextInt, seedRng } from '../simulator/core/rng.ts';
import { partitionForKey } from '../simulator/kafka/partitioner/index.ts';
import { createKafkaSim, createKafkaTimeline } from '../simulator/kafka/kafka-sim.ts';
import type { KafkaScenario, KafkaEngineCommand } from '../simulator/kafka/scenario/types.ts';
import { heapUsedAfterGc, percentiles, type Report } from './report.ts';

const RECORDS = 1_000_000;
const KEYS = 10_000;

function w1Scenario(transactional = false): KafkaScenario {
  const tx = transactional ? { transactionalId: 'w1-tx', transactionRecords: 100 } : {};
  const isolation = transactional ? { isolationLevel: 'read_committed' as const } : {};
  return {
    version: 1,
    name: 'W1',
    brokers: [{ id: 1 }, { id: 2 }, { id: 3 }],
    topics: [{ name: 'orders', partitions: 12, replicationFactor: 3, minInsyncReplicas: 2 }],
    producers: [
      {
        id: 'p1',
        topic: 'orders',
        ratePerSec: 200_000,
        count: RECORDS,
        keys: { type: 'uniform', keys: KEYS },
        acks: 'all',
        ...tx,
      },
    ],
    groups: ['billing', 'shipping', 'analytics'].map((id) => ({
      id,
      topics: ['orders'],
      consumers: 4,
      autoOffsetReset: 'earliest' as const,
      commit: { type: 'auto' as const, intervalMs: 5000 },
      ...isolation,
    })),
    trace: { mode: 'summary', keepLast: 1000 },
    tasksMax: 100_000_000,
  };
}

/** The irreducible work: append each record to its partition's array, one heap push+pop per delivery. */
function baseline(deliveries: number): number {
  const t0 = performance.now();
  const rng = seedRng(1);
  const parts: number[][] = Array.from({ length: 12 }, () => []);
  const keyPart = Array.from({ length: KEYS }, (_, i) => partitionForKey(`key-${i}`, 12));
  const heap: Scheduled[] = [];
  let seq = 0;
  for (let i = 0; i < RECORDS; i++) parts[keyPart[nextInt(rng, KEYS)]!]!.push(i);
  for (let d = 0; d < deliveries; d++) {
    heapPush(heap, { atMs: d >> 4, seq: seq++ });
    if (heap.length > 64) heapPop(heap);
  }
  while (heapPop(heap));
  return performance.now() - t0;
}

function runW1(transactional = false): { ms: number; deliveries: number; bytesPerRecord: number; peakBytesPerRecord: number } {
  const before = heapUsedAfterGc();
  const sim = createKafkaSim({ seed: 1, scenario: w1Scenario(transactional) });
  const s = sim.init();
  let peak = 0;
  const t0 = performance.now();
  // Advance in slices so the peak heap can be sampled; the slices do not change the run.
  for (let t = 100; ; t += 100) {
    const r = sim.apply(s, { type: 'advance', untilMs: t });
    if (!r.ok) throw new Error(r.error.message);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    if (s.k.counters.delivered >= 3 * RECORDS) break;
    if (t > 6_000_000) throw new Error('W1 did not finish');
  }
  const ms = performance.now() - t0;
  const c = s.k.counters;
  const after = heapUsedAfterGc();
  const deliveries = c.produced + c.delivered;
  // Transaction markers are acknowledged records too (the coordinator's), so W1-tx acknowledges more.
  if (transactional ? c.acknowledged < RECORDS : c.acknowledged !== RECORDS) throw new Error(`W1 acknowledged ${c.acknowledged}`);
  void s;
  return { ms, deliveries, bytesPerRecord: (after - before) / RECORDS, peakBytesPerRecord: (peak - before) / RECORDS };
}

function seekBench(report: Report): void {
  const scenario: KafkaScenario = {
    version: 1,
    name: 'seek',
    brokers: [{ id: 1 }, { id: 2 }, { id: 3 }],
    topics: [{ name: 'orders', partitions: 6, replicationFactor: 3, minInsyncReplicas: 2 }],
    producers: [{ id: 'p1', topic: 'orders', ratePerSec: 50, keys: { type: 'uniform', keys: 100 } }],
    groups: [
      { id: 'billing', topics: ['orders'], consumers: 3, autoOffsetReset: 'earliest', processingMs: 5 },
      { id: 'audit', topics: ['orders'], consumers: 2, autoOffsetReset: 'earliest', assignor: 'cooperative-sticky' },
    ],
    trace: { mode: 'summary', keepLast: 1000 },
  };
  // A learner's long session: mostly single steps, some produced records, now and then a fault.
  const rng = seedRng(99);
  const commands: KafkaEngineCommand[] = [];
  const down = new Set<number>();
  for (let i = 0; i < 100_000; i++) {
    const x = nextInt(rng, 1000);
    if (x < 900) commands.push({ type: 'step' });
    else if (x < 990) commands.push({ type: 'produce', topic: 'orders', key: `key-${nextInt(rng, 100)}`, value: { n: i } });
    else if (x < 995) {
      const b = 1 + nextInt(rng, 3);
      commands.push(down.has(b) ? { type: 'restart-broker', broker: b } : { type: 'crash-broker', broker: b });
      if (down.has(b)) down.delete(b);
      else down.add(b);
    } else
      commands.push(
        { type: 'crash-consumer', consumer: `billing-c${1 + nextInt(rng, 3)}` },
        { type: 'restart-consumer', consumer: `billing-c${1 + nextInt(rng, 3)}` },
      );
  }
  commands.length = 100_000;
  const t = createKafkaTimeline({ seed: 1, scenario }, 200);
  const tb = performance.now();
  for (const c of commands) t.push(c);
  report('seek.build_ms', Math.round(performance.now() - tb), 'ms');
  report('seek.checkpoints', t.checkpointCount(), 'count');
  const times: number[] = [];
  for (let i = 0; i < 300; i++) {
    const k = nextInt(rng, commands.length + 1);
    const t0 = performance.now();
    t.seek(k);
    times.push(performance.now() - t0);
  }
  const { median, p95 } = percentiles(times);
  report('seek.median_ms', median, 'ms');
  report('seek.p95_ms', p95, 'ms');
}

export default async function run(report: Report): Promise<void> {
  const w1 = runW1();
  const base = baseline(w1.deliveries);
  report('w1.seconds', w1.ms / 1000, 's');
  report('w1.deliveries', w1.deliveries, 'deliveries');
  report('w1.deliveries_per_s', Math.round(w1.deliveries / (w1.ms / 1000)), 'deliveries/s');
  report('w1.baseline_ms', Math.round(base), 'ms');
  report('w1.ratio_to_baseline', w1.ms / base, 'x');
  report('w1.bytes_per_record', Math.round(w1.bytesPerRecord), 'bytes');
  report('w1.peak_bytes_per_record', Math.round(w1.peakBytesPerRecord), 'bytes');
  const tx = runW1(true);
  report('w1_tx.seconds', tx.ms / 1000, 's');
  report('w1_tx.deliveries', tx.deliveries, 'deliveries');
  report('w1_tx.deliveries_per_s', Math.round(tx.deliveries / (tx.ms / 1000)), 'deliveries/s');
  report('w1_tx.bytes_per_record', Math.round(tx.bytesPerRecord), 'bytes');
  seekBench(report);
}
