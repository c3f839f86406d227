/**
 * The loader checks bounds before it allocates from them.
 *
 * Issue #12: a 164-byte scenario with `"consumers": 1235560340` ran Node out of memory because a
 * cross-field check built the group's consumer ids before the bound was reported. These tests pin
 * that case and fuzz every limit of SCENARIO_LIMITS with values just under, at, just over and far
 * over it (numbers and list lengths alike): each case must be answered (valid or a clear error)
 * within a time budget that only a hang or a huge allocation would exceed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCENARIO_LIMITS as L } from './limits.ts';
import { loadScenario } from './loader.ts';
import { PROBLEMS_MAX } from './semantic-checks.ts';
import { fullScenario, minimalScenario } from './test-fixtures.ts';
import type { KafkaScenario } from './types.ts';

/** Generous: a bounded load takes milliseconds; an unbounded one took 14 s to minutes. */
const CASE_MS_MAX = 3000;
/** Heap growth a single load may cause; the failing case grew by gigabytes. */
const CASE_HEAP_MAX = 400 * 1024 * 1024;

function timed<T>(f: () => T): { value: T; ms: number; heap: number } {
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const value = f();
  return { value, ms: performance.now() - t0, heap: process.memoryUsage().heapUsed - heap0 };
}

describe('loader bounds (issue #12)', () => {
  it('refuses a 164-byte scenario with 1,235,560,340 consumers at once, naming the limit', () => {
    const text =
      '{"version":1,"name":"x","brokers":[{"id":1}],"topics":[{"name":"t","partitions":1,"replicationFactor":1}],"groups":[{"id":"g","topics":["t"],"consumers":1235560340}]}';
    expect(text.length).toBeLessThan(170);
    const { value: r, ms } = timed(() => loadScenario(text));
    expect(ms).toBeLessThan(CASE_MS_MAX);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toBe("groups[0].consumers: must be at most 1000 (the simulator's limit), got the number 1235560340");
  });

  it('refuses an add-group command in the schedule with a huge consumer count just as fast', () => {
    const s = minimalScenario() as unknown as { schedule: unknown[] };
    s.schedule = [{ atMs: 1, command: { type: 'add-group', group: { id: 'late', topics: ['orders'], consumers: 2 ** 31 } } }];
    const { value: r, ms } = timed(() => loadScenario(s));
    expect(ms).toBeLessThan(CASE_MS_MAX);
    expect(r.ok ? '' : r.error.message).toMatch(/^schedule\[0\]\.command\.group\.consumers: must be at most 1000/);
  });

  it('checks 100,000 link faults among 10,000 consumers (all within the limits) quickly', () => {
    const s = minimalScenario();
    s.topics[0]!.partitions = 10;
    s.groups = Array.from({ length: 10 }, (_, g) => ({ id: `g${g}`, topics: ['orders'], consumers: 1000 }));
    s.schedule = Array.from({ length: L.scheduleMax }, (_, i) => ({
      atMs: i,
      command: { type: 'cut-link' as const, from: `g${i % 10}-c${(i % 1000) + 1}`, to: i % 2 === 0 ? 'broker-1' : 'nowhere' },
    }));
    const { value: r, ms } = timed(() => loadScenario(s));
    expect(ms).toBeLessThan(CASE_MS_MAX * 3);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    // Every other entry names a missing node, but the list stops at PROBLEMS_MAX.
    expect(r.error.issues.length).toBe(PROBLEMS_MAX);
    expect(r.error.message).toMatch(/^schedule\[1\]\.command\.to: there is no node "nowhere"/);
  });
});

/** One way to push a scenario against a limit: set a number, or grow a list to `n` entries. */
type Knob = { limit: number; set: (s: KafkaScenario, n: number) => void; list?: boolean };

const numberKnobs: Record<string, Knob> = {
  'brokers[0].id': { limit: L.brokerIdMax, set: (s, n) => void (s.brokers[0]!.id = n) },
  'topics[0].partitions': { limit: L.partitionsMax, set: (s, n) => void (s.topics[0]!.partitions = n) },
  'topics[0].replicationFactor': { limit: L.brokersMax, set: (s, n) => void (s.topics[0]!.replicationFactor = n) },
  'topics[0].retentionRecords': { limit: L.countMax, set: (s, n) => void (s.topics[0]!.retentionRecords = n) },
  'producers[0].ratePerSec': { limit: L.ratePerSecMax, set: (s, n) => void (s.producers![0]!.ratePerSec = n) },
  'producers[0].count': { limit: L.countMax, set: (s, n) => void (s.producers![0]!.count = n) },
  'producers[0].retries': { limit: L.retriesMax, set: (s, n) => void (s.producers![0]!.retries = n) },
  'producers[0].stickyBatchSize': { limit: L.batchMax, set: (s, n) => void (s.producers![0]!.stickyBatchSize = n) },
  'producers[0].keys.keys (hot)': {
    limit: L.keysMax,
    set: (s, n) => void ((s.producers![0]!.keys as { keys: number }).keys = n),
  },
  'producers[1].keys.keys[0].weight': {
    limit: L.weightMax,
    set: (s, n) => void ((s.producers![1]!.keys as { keys: Array<{ weight: number }> }).keys[0]!.weight = n),
  },
  'groups[1].consumers': { limit: L.consumersMax, set: (s, n) => void (s.groups![1]!.consumers = n) },
  'groups[0].maxPollRecords': { limit: L.batchMax, set: (s, n) => void (s.groups![0]!.maxPollRecords = n) },
  durationMs: { limit: L.timeMsMax, set: (s, n) => void (s.durationMs = n) },
  tasksMax: { limit: L.tasksMax, set: (s, n) => void (s.tasksMax = n) },
  'trace.keepLast': { limit: L.keepLastMax, set: (s, n) => void (s.trace = { mode: 'summary', keepLast: n }) },
  'schedule[0].atMs': { limit: L.timeMsMax, set: (s, n) => void (s.schedule![0]!.atMs = n) },
};

const listKnobs: Record<string, Knob> = {
  brokers: { limit: L.brokersMax, set: (s, n) => void (s.brokers = Array.from({ length: n }, (_, i) => ({ id: i + 1 }))) },
  topics: {
    limit: L.topicsMax,
    set: (s, n) =>
      void s.topics.push(...Array.from({ length: n - 2 }, (_, i) => ({ name: `t${i}`, partitions: 1, replicationFactor: 1 }))),
  },
  'groups[0].consumerIds': {
    limit: L.consumersMax,
    set: (s, n) => {
      const g = s.groups![0]!;
      g.consumers = n;
      g.consumerIds = Array.from({ length: n }, (_, i) => `c${i}`);
      delete g.groupInstanceIds;
    },
  },
  'producers[1].keys.keys': {
    limit: L.weightedKeysMax,
    set: (s, n) =>
      void (s.producers![1]!.keys = {
        type: 'weighted',
        keys: Array.from({ length: n }, (_, i) => ({ key: `k${i}`, weight: L.weightMax })),
      }),
  },
  schedule: {
    limit: L.scheduleMax,
    set: (s, n) =>
      void (s.schedule = Array.from({ length: n }, (_, i) => ({
        atMs: i,
        command: { type: 'crash-consumer' as const, consumer: 'billing-a' },
      }))),
  },
  description: { limit: L.descriptionLengthMax, set: (s, n) => void (s.description = 'd'.repeat(n)) },
  name: { limit: L.nameLengthMax, set: (s, n) => void (s.name = 'n'.repeat(n)) },
};

describe('loader fuzz: sizes near and over every limit', () => {
  const near = (limit: number): fc.Arbitrary<number> =>
    fc.oneof(
      fc.constantFrom(limit - 1, limit, limit + 1, 2 * limit, 2 ** 31, 2 ** 32 + 1, Number.MAX_SAFE_INTEGER, 1e300, -1, 0.5),
      fc.integer({ min: Math.max(0, limit - 3), max: limit + 3 }),
    );

  it('answers every number knob within the budget', () => {
    const names = Object.keys(numberKnobs);
    fc.assert(
      fc.property(
        fc
          .uniqueArray(fc.constantFrom(...names), { minLength: 1, maxLength: 4 })
          .chain((picked) => fc.tuple(...picked.map((k) => near(numberKnobs[k]!.limit).map((n) => [k, n] as const)))),
        (pairs) => {
          const s = fullScenario();
          for (const [k, n] of pairs) numberKnobs[k]!.set(s, n);
          const { value: r, ms, heap } = timed(() => loadScenario(JSON.stringify(s)));
          expect(ms).toBeLessThan(CASE_MS_MAX);
          expect(heap).toBeLessThan(CASE_HEAP_MAX);
          // Over a limit is never accepted.
          if (pairs.some(([k, n]) => n > numberKnobs[k]!.limit)) expect(r.ok).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it.each(Object.keys(listKnobs))('answers %s at, and just and far over, its limit within the budget', (k) => {
    const knob = listKnobs[k]!;
    for (const n of [knob.limit, knob.limit + 1, Math.min(knob.limit * 3, 400_000)]) {
      const s = fullScenario();
      knob.set(s, n);
      const { value: r, ms, heap } = timed(() => loadScenario(JSON.stringify(s)));
      expect(ms, `${k} = ${n}`).toBeLessThan(CASE_MS_MAX * 3);
      expect(heap, `${k} = ${n}`).toBeLessThan(CASE_HEAP_MAX);
      if (n > knob.limit) expect(r.ok, `${k} = ${n}`).toBe(false);
    }
  });
});
