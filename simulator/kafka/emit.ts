/**
 * Trace output for the whole model, and how entries name things. One entry per happening when the
 * trace keeps entries, only a count per type when it does not, so a summary-trace run allocates
 * nothing per record. Partitions are `topic-partition`, records `rec-<n>` with their key, value
 * (generated values are built on demand) and the business flow they belong to (correlation id).
 */
import { traceCount, traceEmitOwned, traceWants } from '../core/trace.ts';
import type { KafkaState } from './state.ts';
import type { KafkaTraceEntry } from './trace-types.ts';

/** Emits a trace entry when the trace keeps entries; otherwise only counts it (no allocation). */
export function emit(s: KafkaState, build: () => Omit<KafkaTraceEntry, 'id'>, type: KafkaTraceEntry['type']): void {
  if (traceWants(s.trace)) traceEmitOwned(s.trace, build() as Omit<KafkaTraceEntry, 'id'>);
  else traceCount(s.trace, type);
}

/** Counts `n` entries of `type` at once, for the summary trace's hot paths. */
export function countEntries(s: KafkaState, type: KafkaTraceEntry['type'], n: number): void {
  if (n <= 0) return;
  const c = s.trace.counts;
  c[type] = (c[type] ?? 0) + n;
  s.trace.nextId += n;
}

/** `topic-partition`, as Kafka's tools print a partition. */
export function partName(s: KafkaState, pid: number): string {
  const p = s.k.parts[pid]!;
  return `${s.k.topics[p.topic]!.name}-${p.partition}`;
}

/** Trace fields naming a partition. */
export function partRef(s: KafkaState, pid: number): { topic: string; partition: number } {
  const p = s.k.parts[pid]!;
  return { topic: s.k.topics[p.topic]!.name, partition: p.partition };
}

/** The id of a record as the trace shows it. */
export function recordId(rn: number): string {
  return `rec-${rn}`;
}

/** A record's key as a string, or null. */
export function keyOf(s: KafkaState, rn: number): string | null {
  const k = s.k.rec.key[rn]!;
  return k < 0 ? null : s.k.keys[k]!;
}

/** A record's value, materialised (generated values are built on demand). */
export function valueOf(s: KafkaState, rn: number): unknown {
  const v = s.k.rec.val[rn]!;
  if (v >= 0) return s.k.values[v];
  const p = s.k.producers[s.k.rec.prod[rn]!]!;
  return { type: p.eventType, ...p.payload, seq: -v - 1 };
}

/**
 * The business flow a record belongs to: an `orderId`, `correlationId` or `id` field of its value
 * when it has one, else its key.
 */
export function correlationOf(s: KafkaState, rn: number): string | undefined {
  const v = s.k.rec.val[rn]!;
  if (v >= 0) {
    const value = s.k.values[v];
    if (value !== null && typeof value === 'object') {
      const o = value as Record<string, unknown>;
      for (const f of ['orderId', 'correlationId', 'id']) {
        const x = o[f];
        if (typeof x === 'string' || typeof x === 'number') return String(x);
      }
    }
  }
  return keyOf(s, rn) ?? undefined;
}

/**
 * The trace fields shared by entries about one record, built as one literal with a fixed shape
 * (no spreads: this runs once per record per entry on hot paths).
 */
export function recordRef(s: KafkaState, pid: number, rn: number) {
  const p = s.k.parts[pid]!;
  const id = recordId(rn);
  return {
    topic: s.k.topics[p.topic]!.name,
    partition: p.partition,
    recordId: id,
    key: keyOf(s, rn),
    causationId: id,
    correlationId: correlationOf(s, rn),
  };
}
