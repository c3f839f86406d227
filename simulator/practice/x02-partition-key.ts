/**
 * X02 — choose a partition key so each order's events stay in order. Orders go through
 * OrderPlaced → PaymentCharged → OrderShipped, written to `order-events` (6 partitions) with the
 * learner's key and read by a group of consumers that the grader disturbs: one consumer slows
 * down, one crashes (its partitions move after the session timeout), a new one joins. Kafka
 * orders records only within a partition, so an order whose events land on different partitions
 * can be processed out of order. The check reads the model's `record-processed` entries: for every
 * order, the first processing of each of its events must follow the order they were written in.
 */
import { z } from 'zod';
import { valueOf } from '../kafka/emit.ts';
import { kafkaModel, type KafkaCommand } from '../kafka/model.ts';
import type { KafkaEngineCommand, KafkaScenario, ScheduledCommand } from '../kafka/scenario/types.ts';
import type { KafkaState } from '../kafka/state.ts';
import type { EntryOf, KafkaTraceEntry } from '../kafka/trace-types.ts';
import { drive, type Drive } from './drive.ts';
import { verdict, type GradedCheck, type Verdict } from './types.ts';

export const x02GraderVersion = 1;
/** The fields every order event carries: what a key can be made of. */
export const orderEventFields = ['orderId', 'customerId', 'eventId', 'eventType'] as const;

export const X02DesignSchema = z.strictObject({
  exercise: z.literal('X02'),
  /** The event field whose value becomes the record key; null sends records without a key. */
  key: z.enum(orderEventFields).nullable(),
});
export type X02Design = z.infer<typeof X02DesignSchema>;

const eventTypes = ['OrderPlaced', 'PaymentCharged', 'OrderShipped'] as const;
const orders = 16;
const customers = 5;
const startMs = 4_000;

interface OrderEvent {
  orderId: string;
  customerId: string;
  eventId: string;
  eventType: string;
  seq: number;
}

function keyOf(d: X02Design, e: OrderEvent): string | null {
  return d.key === null ? null : e[d.key];
}

/** The scenario for one seed: the writes and the disturbances, scheduled in virtual time. */
export function x02Scenario(d: X02Design, seed = 1): KafkaScenario {
  const schedule: ScheduledCommand[] = [];
  let n = 0;
  for (let o = 0; o < orders; o++) {
    for (let i = 0; i < eventTypes.length; i++) {
      const e: OrderEvent = {
        orderId: `order-${o + 1}`,
        customerId: `customer-${((o * 7 + seed) % customers) + 1}`,
        eventId: `evt-${++n}`,
        eventType: eventTypes[i]!,
        seq: i,
      };
      const command: KafkaEngineCommand = {
        type: 'produce',
        producer: 'order-service',
        topic: 'order-events',
        key: keyOf(d, e),
        value: { type: e.eventType, ...e },
      };
      schedule.push({ atMs: startMs + o * 120 + i * (40 + ((seed * 13 + o) % 4) * 15), command });
    }
  }
  const slow = `fulfilment-c${(seed % 3) + 1}`;
  const crash = `fulfilment-c${((seed + 1) % 3) + 1}`;
  schedule.push({ atMs: startMs + 200, command: { type: 'slow-consumer', consumer: slow, processingMs: 180 } });
  schedule.push({ atMs: startMs + 600 + (seed % 4) * 100, command: { type: 'crash-consumer', consumer: crash } });
  schedule.push({ atMs: startMs + 1_100, command: { type: 'add-consumer', group: 'fulfilment', consumer: 'fulfilment-c4' } });
  schedule.sort((a, b) => a.atMs - b.atMs);
  return {
    version: 1,
    name: `X02: order events keyed by ${d.key ?? 'nothing'}`,
    brokers: [{ id: 1 }],
    topics: [{ name: 'order-events', partitions: 6, replicationFactor: 1 }],
    // Keyless records stick to one partition per batch; a batch here holds about four events.
    producers: [{ id: 'order-service', topic: 'order-events', ratePerSec: 0, keys: { type: 'none' }, stickyBatchSize: 4 }],
    groups: [
      {
        id: 'fulfilment',
        topics: ['order-events'],
        consumers: 3,
        processingMs: 15,
        commit: { type: 'after-process' },
        autoOffsetReset: 'earliest',
        sessionTimeoutMs: 6_000,
        heartbeatIntervalMs: 1_000,
      },
    ],
    schedule,
    durationMs: 30_000,
    trace: { mode: 'full' },
  };
}

type K = Drive<KafkaState, KafkaTraceEntry, KafkaCommand>;
export const x02Seeds = [1, 2, 3, 4];

interface Seen {
  e: EntryOf<'record-processed'>;
  v: OrderEvent;
}

function findOvertake(k: K): { first: Seen; late: Seen } | undefined {
  const done = new Set<string>();
  const newest = new Map<string, Seen>();
  for (const e of k.entriesSince(0)) {
    if (e.type !== 'record-processed' || done.has(e.recordId)) continue;
    done.add(e.recordId);
    const v = valueOf(k.state, Number(e.recordId.slice('rec-'.length))) as OrderEvent;
    const prev = newest.get(v.orderId);
    if (prev && prev.v.seq > v.seq) return { first: prev, late: { e, v } };
    if (!prev || prev.v.seq < v.seq) newest.set(v.orderId, { e, v });
  }
  return undefined;
}

/** Why this key keeps an order together or spreads it, in a sentence. */
export function keyNote(d: X02Design): string {
  switch (d.key) {
    case 'orderId':
      return "Keyed by orderId, all of an order's events share one partition, which one consumer reads in offset order.";
    case 'customerId':
      return "Keyed by customerId, all of a customer's orders share one partition: in order, though one very busy customer would make a hot partition.";
    case 'eventId':
      return "Keyed by eventId, every event has its own key, so an order's three events spread over partitions read by different consumers.";
    case 'eventType':
      return 'Keyed by eventType, every OrderPlaced shares one partition and every PaymentCharged another, so each order spans three partitions.';
    case null:
      return "Without a key, the producer fills a batch for one partition and then moves on, so an order's events split wherever a batch ends.";
  }
}

const at = (s: Seen) =>
  `${s.v.eventType} (${s.v.eventId}, partition ${s.e.partition} offset ${s.e.offset}, processed by ${s.e.consumer} at ${(s.e.atMs / 1000).toFixed(2)} s)`;

export function gradeX02(d: X02Design): Verdict {
  const checks: GradedCheck[] = [];
  let overtakes = 0;
  let first: { k: K; seed: number; pair: { first: Seen; late: Seen } } | undefined;
  let processed = 0;
  for (const seed of x02Seeds) {
    const k = drive<KafkaState, KafkaTraceEntry, KafkaCommand>(kafkaModel, x02Scenario(d, seed), seed);
    k.stepTo(20_000);
    processed += new Set(k.entriesSince(0).flatMap((e) => (e.type === 'record-processed' ? [e.recordId] : []))).size;
    const pair = findOvertake(k);
    if (pair) {
      overtakes++;
      first ??= { k, seed, pair };
    }
  }
  const name = "Each order's events are processed in order";
  if (first) {
    const { first: a, late: b } = first.pair;
    checks.push({
      name,
      held: false,
      detail: `In ${overtakes} of ${x02Seeds.length} runs an order's events were processed out of order. First: for ${b.v.orderId}, ${at(a)} overtook ${at(b)} (seed ${first.seed}). ${keyNote(d)}`,
      run: first.k.snapshot(first.k.cursorAt(b.e.id)),
      seed: first.seed,
    });
  } else {
    checks.push({
      name,
      held: true,
      detail: `${processed} events over ${x02Seeds.length} runs, with a slow consumer, a crash and a new consumer: no order's events were processed out of order. ${keyNote(d)}`,
    });
  }
  const total = orders * eventTypes.length * x02Seeds.length;
  const allName = 'Every event is processed';
  checks.push(
    processed === total
      ? { name: allName, held: true, detail: `All ${total} events were processed at least once.` }
      : { name: allName, held: false, detail: `${total - processed} of ${total} events were never processed.` },
  );
  return verdict('X02', x02GraderVersion, checks);
}
