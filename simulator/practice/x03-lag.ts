/**
 * X03 — size partitions and consumers so lag stays under a bound. Orders arrive at a fixed rate;
 * each takes a fixed time to process, so one consumer has a fixed capacity. The learner picks the
 * partition count, the consumer count and the key. The grader runs the Kafka model for a minute
 * of virtual time, samples the group's lag (Kafka's
 * definition: high watermark minus committed offset) every second, and checks it never passes the
 * bound. Keyed by store, one big store is a hot key: its partition gets more than one consumer can
 * process, and no consumer count helps, because a partition is read by one consumer of a group.
 */
import { z } from 'zod';
import { summary } from '../kafka/lag.ts';
import { kafkaModel, type KafkaCommand } from '../kafka/model.ts';
import { partitionForKey } from '../kafka/partitioner/index.ts';
import type { KafkaScenario } from '../kafka/scenario/types.ts';
import type { KafkaState } from '../kafka/state.ts';
import type { KafkaTraceEntry } from '../kafka/trace-types.ts';
import { drive } from './drive.ts';
import { verdict, type GradedCheck, type Verdict } from './types.ts';

export const x03GraderVersion = 1;
export const x03RatePerSec = 60;
export const x03ProcessingMs = 40;
export const x03LagBound = 120;
/** The share of orders from the biggest store, per mille. */
export const hotStorePerMille = 600;
const warmUpMs = 6_000;
const runMs = 30_000;

export const X03DesignSchema = z.strictObject({
  exercise: z.literal('X03'),
  partitions: z.int().min(1).max(24),
  consumers: z.int().min(1).max(24),
  /** What the records are keyed by. */
  key: z.enum(['orderId', 'storeId']),
});
export type X03Design = z.infer<typeof X03DesignSchema>;

export function x03Scenario(d: X03Design): KafkaScenario {
  return {
    version: 1,
    name: `X03: ${d.partitions} partitions, ${d.consumers} consumers, keyed by ${d.key}`,
    brokers: [{ id: 1 }],
    topics: [{ name: 'orders', partitions: d.partitions, replicationFactor: 1 }],
    producers: [
      {
        id: 'checkout',
        topic: 'orders',
        ratePerSec: x03RatePerSec,
        startAtMs: 4_000,
        eventType: 'OrderPlaced',
        keys:
          d.key === 'orderId'
            ? { type: 'uniform', keys: 2_000, prefix: 'order-' }
            : { type: 'hot', hotKey: 'store-1', hotPerMille: hotStorePerMille, keys: 30, prefix: 'store-' },
      },
    ],
    groups: [
      {
        id: 'billing',
        topics: ['orders'],
        consumers: d.consumers,
        processingMs: x03ProcessingMs,
        commit: { type: 'after-process' },
        autoOffsetReset: 'earliest',
        sessionTimeoutMs: 6_000,
        heartbeatIntervalMs: 1_000,
      },
    ],
    durationMs: runMs,
    trace: { mode: 'summary', keepLast: 200 },
  };
}

export const x03Seeds = [1, 2];

export function gradeX03(d: X03Design): Verdict {
  const name = `Lag stays under ${x03LagBound} records for the whole run`;
  let worst = 0;
  for (const seed of x03Seeds) {
    const k = drive<KafkaState, KafkaTraceEntry, KafkaCommand>(kafkaModel, x03Scenario(d), seed);
    for (let t = 1_000; t <= runMs; t += 1_000) {
      k.apply({ type: 'advance', untilMs: t });
      if (t < warmUpMs) continue;
      const g = summary(k.state).groups.find((x) => x.group === 'billing');
      const lag = g?.lag ?? 0;
      worst = Math.max(worst, lag);
      if (lag > x03LagBound) {
        const parts = g!.partitions.filter((p) => (p.lag ?? 0) > 0).sort((a, b) => (b.lag ?? 0) - (a.lag ?? 0));
        const top = parts[0];
        return verdict('X03', x03GraderVersion, [
          {
            name,
            held: false,
            detail: `Lag reached ${lag} records at ${t / 1000} s (seed ${seed}); orders-${top?.partition ?? 0} alone was ${top?.lag ?? 0} behind. ${why(d)}`,
            run: k.snapshot(),
            seed,
          },
        ]);
      }
    }
  }
  const ok: GradedCheck = {
    name,
    held: true,
    detail: `The worst lag over ${x03Seeds.length} runs was ${worst} records. ${why(d)}`,
  };
  return verdict('X03', x03GraderVersion, [ok]);
}

/** The arithmetic behind the verdict: capacity against the load of the busiest partition. */
export function why(d: X03Design): string {
  const perConsumer = 1_000 / x03ProcessingMs;
  const active = Math.min(d.partitions, d.consumers);
  const idle = d.consumers - active;
  const capacity = active * perConsumer;
  const parts = [
    `${active} busy consumer${active === 1 ? '' : 's'} process up to ${capacity} orders/s against ${x03RatePerSec} arriving`,
  ];
  if (idle > 0) parts.push(`${idle} consumer${idle === 1 ? ' sits' : 's sit'} idle with no partition to read`);
  if (d.key === 'storeId') {
    const hot = partitionForKey('store-1', d.partitions);
    const hotRate = Math.round((x03RatePerSec * hotStorePerMille) / 1000);
    parts.push(
      `store-1 sends ${hotRate} orders/s, all to orders-${hot}, which one consumer reads at ${perConsumer}/s whatever the consumer count`,
    );
  }
  return `${parts.join('; ')}.`;
}
