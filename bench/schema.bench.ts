/**
 * Schema registry benchmarks (issue 16): checking a candidate against 100 earlier versions
 * transitively (goal ≤ 5 ms) and reading records through schema resolution (goal ≥ 500 k records/s).
 *
 * The check goes through the stable surface, so each figure includes parsing all 101 schemas from
 * their JSON form, as the registry does on a registration; the registry's own register path is
 * measured too. Records are built before the clock starts; figures are medians after a warm-up.
 */
import { percentiles, type Report } from './report.ts';
import { checkRegistryCompatibility } from '../simulator/schema/surface.ts';
import { checkLevel } from '../simulator/schema/levels.ts';
import { parseAvroSchema } from '../simulator/schema/parse.ts';
import { createDatumReader } from '../simulator/schema/resolve-datum.ts';
import { applySchemaCommand, cloneSchemaRegistry, createSchemaRegistry } from '../simulator/schema/registry.ts';
import type { AvroSchema, SchemaNode } from '../simulator/schema/types.ts';
import { createKafkaSim } from '../simulator/kafka/kafka-sim.ts';
import type { KafkaScenario } from '../simulator/kafka/scenario/types.ts';

function timeMs(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

let lastBestMs = NaN;

/** Median of `repeats` timed runs after a warm-up; the fastest is kept in lastBestMs. */
function medianOf(repeats: number, fn: () => void): number {
  fn(); // warm-up
  const times = Array.from({ length: repeats }, () => timeMs(fn));
  lastBestMs = Math.min(...times);
  return percentiles(times).median;
}

/**
 * The fastest run too: on a shared, loaded machine a millisecond task is often preempted, so the
 * median can show the scheduler more than the code; the fastest run shows what the work costs.
 */
function reportBest(report: Report, name: string): void {
  report(name, lastBestMs, 'ms');
}

/** OrderPlaced after `extra` evolutions, each adding an optional field with a default. */
function orderPlaced(extra: number): AvroSchema {
  const fields: object[] = [
    { name: 'orderId', type: 'string' },
    { name: 'userId', type: 'string' },
    { name: 'total', type: 'double' },
  ];
  for (let i = 0; i < extra; i++) fields.push({ name: `note${i}`, type: ['null', 'string'], default: null });
  return { type: 'record', name: 'OrderPlaced', namespace: 'shop.orders', fields };
}

function node(s: AvroSchema): SchemaNode {
  const r = parseAvroSchema(s);
  if (!r.ok) throw new Error(r.reason);
  return r.schema;
}

function benchTransitive(report: Report): void {
  const history = Array.from({ length: 100 }, (_, i) => orderPlaced(i));
  const candidate = orderPlaced(100);
  // Through the stable surface: parses all 101 schemas from JSON on every call.
  for (const level of ['BACKWARD_TRANSITIVE', 'FULL_TRANSITIVE'] as const) {
    let ok = false;
    const ms = medianOf(21, () => {
      ok = checkRegistryCompatibility(level, history, candidate).compatible;
    });
    if (!ok) throw new Error(`${level} check should pass`);
    report(`schema.surface_${level.toLowerCase()}_100_ms`, ms, 'ms');
    reportBest(report, `schema.surface_${level.toLowerCase()}_100_best_ms`);
  }
  // The check alone, on schemas already parsed (the registry keeps parsed schemas cached).
  const earlier = history.map((h, i) => ({ node: node(h), label: `version ${i + 1}` }));
  const parsedCandidate = node(candidate);
  for (const level of ['BACKWARD_TRANSITIVE', 'FULL_TRANSITIVE'] as const) {
    const ms = medianOf(21, () => {
      if (!checkLevel(level, earlier, parsedCandidate).compatible) throw new Error(`${level} check should pass`);
    });
    report(`schema.check_parsed_${level.toLowerCase()}_100_ms`, ms, 'ms');
    reportBest(report, `schema.check_parsed_${level.toLowerCase()}_100_best_ms`);
  }
  // The registry's register path: cached parses of stored versions, parse and normalise the candidate, check, store.
  const base = createSchemaRegistry(
    { globalLevel: 'FULL_TRANSITIVE', subjects: [{ subject: 'orders-value', versions: history }] },
    1,
  );
  const copies = Array.from({ length: 22 }, () => cloneSchemaRegistry(base));
  const ms = medianOf(21, () => {
    const r = applySchemaCommand(copies.pop()!, { type: 'register-schema', subject: 'orders-value', schema: candidate });
    if (!r.ok) throw new Error(r.error.message);
  });
  report('schema.register_full_transitive_100_ms', ms, 'ms');
  reportBest(report, 'schema.register_full_transitive_100_best_ms');
}

function benchReads(report: Report): void {
  const v1 = node(orderPlaced(0));
  const v2 = node({
    type: 'record',
    name: 'OrderPlaced',
    namespace: 'shop.orders',
    fields: [
      { name: 'orderId', type: 'string' },
      { name: 'userId', type: 'string' },
      { name: 'total', type: 'double' },
      { name: 'currency', type: 'string', default: 'EUR' },
      { name: 'discountCode', type: ['null', 'string'], default: null },
    ],
  });
  const n = 1_000_000;
  const v1Records = Array.from({ length: n }, (_, i) => ({
    orderId: `o-${i}`,
    userId: `u-${i % 977}`,
    total: (i % 10_000) / 100,
  }));
  const v2Records = v1Records.map((r, i) => ({ ...r, currency: 'USD', discountCode: i % 3 === 0 ? null : 'WINTER' }));
  const cases: Array<[string, SchemaNode, SchemaNode, object[]]> = [
    ['v1_as_v2', v1, v2, v1Records],
    ['v2_as_v1', v2, v1, v2Records],
    ['v2_as_v2', v2, v2, v2Records],
  ];
  for (const [name, writer, reader, records] of cases) {
    const dr = createDatumReader(writer, reader);
    let failures = 0;
    const ms = medianOf(5, () => {
      failures = 0;
      for (let i = 0; i < records.length; i++) if (!dr.read(records[i]).ok) failures++;
    });
    if (failures !== 0) throw new Error(`${name}: ${failures} records unreadable`);
    report(`schema.read_${name}_records_per_s`, Math.round(n / (ms / 1000)), 'records/s');
  }
}

/**
 * The same reads inside a Kafka run: a producer writes OrderPlaced v1 records, one group reads them
 * with reader schema v2 (defaults fill the new fields), against the same run with a group that
 * does not deserialise. Records/s of the whole simulation (brokers, fetches and all), so the
 * difference is what deserialising adds to a run.
 */
function benchKafkaRun(report: Report): void {
  const n = 100_000;
  const v1 = orderPlaced(0);
  const v2 = {
    type: 'record',
    name: 'OrderPlaced',
    namespace: 'shop.orders',
    fields: [
      { name: 'orderId', type: 'string' },
      { name: 'userId', type: 'string' },
      { name: 'total', type: 'double' },
      { name: 'currency', type: 'string', default: 'EUR' },
      { name: 'discountCode', type: ['null', 'string'], default: null },
    ],
  };
  const scenario = (reader: boolean): KafkaScenario => ({
    version: 1,
    name: 'schema reads in a run',
    brokers: [{ id: 1 }],
    topics: [{ name: 'orders', partitions: 4, replicationFactor: 1 }],
    producers: [
      { id: 'checkout', topic: 'orders', ratePerSec: 100_000, count: n, keys: { type: 'uniform', keys: 1000 }, valueSchema: v1 },
    ],
    groups: [
      { id: 'billing', topics: ['orders'], consumers: 2, autoOffsetReset: 'earliest', ...(reader ? { readerSchema: v2 } : {}) },
    ],
    trace: { mode: 'summary', keepLast: 0 },
  });
  for (const reader of [false, true]) {
    let read = 0;
    const ms = medianOf(3, () => {
      const sim = createKafkaSim({ seed: 1, scenario: scenario(reader) });
      const s = sim.init();
      sim.apply(s, { type: 'advance', untilMs: 10_000 });
      read = s.k.groups[0]!.delivered;
    });
    if (read !== n) throw new Error(`the run read ${read} of ${n} records`);
    report(
      `schema.kafka_run_${reader ? 'with' : 'without'}_reader_schema_records_per_s`,
      Math.round(n / (ms / 1000)),
      'records/s',
    );
  }
}

export default async function run(report: Report): Promise<void> {
  const os = await import('node:os');
  console.log(`# load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cpus when this started`);
  benchTransitive(report);
  benchReads(report);
  benchKafkaRun(report);
}
