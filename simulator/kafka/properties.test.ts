/**
 * Property tests over random scenarios, seeds and fault schedules. Every failure message carries
 * the simulation seed, and fast-check prints its own seed and the shrunk counterexample, so a
 * failure can be replayed exactly and pinned as a regression case.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { AssignorName, CommitPolicy, KafkaScenario, KafkaEngineCommand } from './scenario/types.ts';
import { createKafkaSim, createKafkaTimeline } from './kafka-sim.ts';
import { rnAt } from './log.ts';
import { readLog } from './replication.ts';
import type { KafkaState } from './state.ts';
import type { EntryOf, KafkaTraceEntry } from './trace-types.ts';

interface Case {
  seed: number;
  scenario: KafkaScenario;
  faults: Array<{ atMs: number; command: KafkaEngineCommand }>;
}

const assignors: AssignorName[] = ['range', 'roundrobin', 'sticky', 'cooperative-sticky'];
const commits: CommitPolicy[] = [{ type: 'after-process' }, { type: 'auto', intervalMs: 500 }, { type: 'before-process' }];

/** Broker outages that never overlap: at most one broker is down at any time. */
const outages = fc
  .array(
    fc.record({
      broker: fc.integer({ min: 1, max: 3 }),
      gapMs: fc.integer({ min: 10, max: 800 }),
      downMs: fc.integer({ min: 5, max: 1500 }),
    }),
    { maxLength: 3 },
  )
  .map((xs) => {
    let t = 0;
    const out: Case['faults'] = [];
    for (const x of xs) {
      t += x.gapMs;
      out.push({ atMs: t, command: { type: 'crash-broker', broker: x.broker } });
      t += x.downMs;
      out.push({ atMs: t, command: { type: 'restart-broker', broker: x.broker } });
    }
    return out;
  });

const consumerFaults = fc.array(
  fc.record({
    c: fc.integer({ min: 1, max: 3 }),
    atMs: fc.integer({ min: 0, max: 4000 }),
    kind: fc.constantFrom('crash', 'slow', 'cut'),
  }),
  { maxLength: 3 },
);

function caseArb(opts: { ackAll: boolean }): fc.Arbitrary<Case> {
  return fc
    .record({
      seed: fc.integer({ min: 0, max: 0x7fffffff }),
      partitions: fc.integer({ min: 1, max: 4 }),
      acks: opts.ackAll ? fc.constant('all' as const) : fc.constantFrom(0 as const, 1 as const, 'all' as const),
      idempotent: fc.boolean(),
      count: fc.integer({ min: 10, max: 80 }),
      ratePerSec: fc.integer({ min: 50, max: 2000 }),
      keys: fc.integer({ min: 0, max: 8 }),
      groups: fc.array(
        fc.record({
          consumers: fc.integer({ min: 1, max: 3 }),
          assignor: fc.constantFrom(...assignors),
          commit: fc.constantFrom(...commits),
          processingMs: fc.integer({ min: 0, max: 4 }),
        }),
        { minLength: 1, maxLength: 2 },
      ),
      outages,
      consumerFaults,
      brokerCuts: fc.array(
        fc.record({
          a: fc.integer({ min: 1, max: 3 }),
          b: fc.integer({ min: 1, max: 3 }),
          atMs: fc.integer({ min: 0, max: 3000 }),
          forMs: fc.integer({ min: 10, max: 2500 }),
        }),
        { maxLength: 2 },
      ),
    })
    .map((r) => {
      const groups = r.groups.map((g, i) => ({
        id: `g${i}`,
        topics: ['orders'],
        consumers: g.consumers,
        consumerIds: Array.from({ length: g.consumers }, (_, j) => `g${i}c${j + 1}`),
        assignor: g.assignor,
        commit: g.commit,
        processingMs: g.processingMs,
        autoOffsetReset: 'earliest' as const,
        sessionTimeoutMs: 3000,
        heartbeatIntervalMs: 500,
      }));
      const faults = [...r.outages];
      for (const f of r.consumerFaults) {
        const c = `g0c${Math.min(f.c, groups[0]!.consumers)}`;
        if (f.kind === 'crash')
          faults.push(
            { atMs: f.atMs, command: { type: 'crash-consumer', consumer: c } },
            { atMs: f.atMs + 700, command: { type: 'restart-consumer', consumer: c } },
          );
        if (f.kind === 'slow') faults.push({ atMs: f.atMs, command: { type: 'slow-consumer', consumer: c, processingMs: 20 } });
        if (f.kind === 'cut')
          faults.push(
            { atMs: f.atMs, command: { type: 'cut-link', from: c, to: 'broker-2' } },
            { atMs: f.atMs + 400, command: { type: 'heal-link', from: c, to: 'broker-2' } },
          );
      }
      for (const x of r.brokerCuts) {
        if (x.a === x.b) continue;
        faults.push(
          { atMs: x.atMs, command: { type: 'cut-link', from: `broker-${x.a}`, to: `broker-${x.b}` } },
          { atMs: x.atMs + x.forMs, command: { type: 'heal-link', from: `broker-${x.a}`, to: `broker-${x.b}` } },
        );
      }
      faults.sort((a, b) => a.atMs - b.atMs);
      const scenario: KafkaScenario = {
        version: 1,
        name: 'property',
        brokers: [{ id: 1 }, { id: 2 }, { id: 3 }],
        topics: [{ name: 'orders', partitions: r.partitions, replicationFactor: 3, minInsyncReplicas: 2 }],
        producers: [
          {
            id: 'p1',
            topic: 'orders',
            ratePerSec: r.ratePerSec,
            count: r.count,
            keys: r.keys === 0 ? { type: 'none' } : { type: 'uniform', keys: r.keys },
            acks: r.acks,
            idempotent: r.idempotent,
            stickyBatchSize: 7,
          },
        ],
        groups,
        trace: { mode: 'full' },
        tasksMax: 2_000_000,
      };
      return { seed: r.seed, scenario, faults };
    });
}

/** More runs on demand when hunting bugs: KAFKA_PROPERTY_RUNS=500 npx vitest run … */
const RUNS = Number(process.env['KAFKA_PROPERTY_RUNS'] ?? 0) || 0;
const runs = (n: number) => Math.max(n, RUNS);

const tuning = {
  replicaLagTimeMaxMs: 1000,
  requestTimeoutMs: 2000,
  initialRebalanceDelayMs: 300,
  deliveryTimeoutMs: 60_000,
  // Short sessions (3 s) keep runs short; the brokers are configured to allow them.
  groupMinSessionTimeoutMs: 1000,
};

/** The command script of a case: faults at their times, then everything healed and run to idle. */
function script(c: Case): KafkaEngineCommand[] {
  const out: KafkaEngineCommand[] = [];
  for (const f of c.faults) out.push({ type: 'advance', untilMs: f.atMs }, f.command);
  // Runs to 6 s, or on from the last fault when a broker flapping late put one past that.
  out.push({ type: 'advance', untilMs: Math.max(6000, ...c.faults.map((f) => f.atMs)) });
  out.push({ type: 'run-until-idle' });
  return out;
}

function run(c: Case): KafkaState {
  const sim = createKafkaSim({ seed: c.seed, scenario: c.scenario, tuning });
  const s = sim.init();
  for (const cmd of script(c)) {
    const r = sim.apply(s, cmd);
    // Faults may be refused (restarting a consumer that never crashed); time must always move.
    if (!r.ok && (cmd.type === 'advance' || cmd.type === 'run-until-idle'))
      throw new Error(`sim seed ${c.seed}: ${r.error.message}`);
  }
  return s;
}

function of<T extends KafkaTraceEntry['type']>(s: KafkaState, t: T): EntryOf<T>[] {
  return (s.trace.entries as KafkaTraceEntry[]).filter((e): e is EntryOf<T> => e.type === t);
}

function checkInvariants(c: Case, s: KafkaState): void {
  const msg = `sim seed ${c.seed}`;
  const k = s.k;
  // Offsets are contiguous: appends never skip an offset, and every replica stores a gap-free log.
  const lastAppend = new Map<number, number>();
  for (const e of of(s, 'record-appended')) {
    const prev = lastAppend.get(e.partition);
    if (prev !== undefined) expect(e.offset, msg).toBeLessThanOrEqual(prev + 1);
    lastAppend.set(e.partition, e.offset);
  }
  for (const p of k.parts) for (const l of p.logs) expect(l.rns.length - l.head, msg).toBe(l.leo - l.start);
  // Per-partition order: in each final log a producer's records appear in the order produced.
  for (const p of k.parts) {
    const log = readLog(p);
    let last = -1;
    const seen = new Set<number>();
    for (let o = log.start; o < log.leo; o++) {
      const rn = rnAt(log, o);
      if (seen.has(rn)) continue;
      seen.add(rn);
      expect(rn, msg).toBeGreaterThan(last);
      last = rn;
    }
  }
  // Each consumer sees a partition's offsets in increasing order between assignments.
  const lastSeen = new Map<string, number>();
  for (const e of s.trace.entries as KafkaTraceEntry[]) {
    if (e.type === 'partitions-assigned' || e.type === 'consumer-restarted' || e.type === 'partitions-revoked') {
      for (const key of [...lastSeen.keys()]) if (key.startsWith(`${e.consumer}|`)) lastSeen.delete(key);
    }
    if (e.type === 'record-processed') {
      const key = `${e.consumer}|${e.partition}`;
      const prev = lastSeen.get(key);
      if (prev !== undefined) expect(e.offset, msg).toBeGreaterThan(prev);
      lastSeen.set(key, e.offset);
    }
  }
  // After a rebalance completes (and no cooperative follow-up is pending) each partition has one owner.
  const total = k.topics[0]!.partitions;
  for (const e of of(s, 'rebalance-completed')) {
    if (e.followUp) continue;
    const owned = Object.values(e.assignment).flat().sort();
    expect(owned, msg).toEqual(Array.from({ length: total }, (_, i) => `orders-${i}`).sort());
  }
  // Every rebalance completes within the rebalance timeout (max.poll.interval.ms) plus a session,
  // and once the faults are healed no group is left rebalancing.
  const roundMaxMs = s.k.tuning.maxPollIntervalMs + 3000;
  for (const g of k.groups) {
    if (g.members.length > 0) expect(g.phase, `${msg}: ${g.id} still rebalancing`).toBe('stable');
    const done = of(s, 'rebalance-completed')
      .filter((e) => e.group === g.id)
      .map((e) => e.atMs);
    for (const e of of(s, 'rebalance-started')) {
      if (e.group !== g.id) continue;
      const end = done.find((t) => t >= e.atMs);
      if (end !== undefined) expect(end - e.atMs, `${msg}: ${g.id} round at ${e.atMs}`).toBeLessThanOrEqual(roundMaxMs);
    }
  }
  // Lag is never negative.
  for (const g of s.k.groups)
    for (let pid = 0; pid < k.parts.length; pid++) {
      const committed = g.committed[pid];
      if (committed != null) expect(Math.max(0, readLog(k.parts[pid]!).hw - committed), msg).toBeGreaterThanOrEqual(0);
    }
  // At-least-once groups process every record of the final log at least once.
  for (const g of k.groups) {
    if (g.commit.type === 'before-process') continue;
    const processed = new Set(
      of(s, 'record-processed')
        .filter((e) => e.group === g.id)
        .map((e) => `${e.partition}|${e.offset}`),
    );
    for (const p of k.parts) {
      const log = readLog(p);
      for (let o = log.start; o < log.hw; o++)
        expect(processed.has(`${p.partition}|${o}`), `${msg}: ${g.id} never processed orders-${p.partition}@${o}`).toBe(true);
    }
  }
}

// Generous timeouts: these assert behaviour, and a loaded 2-core machine must not fail them.
describe('properties over random scenarios and fault schedules', { timeout: 120_000 }, () => {
  it('hold the model invariants', () => {
    fc.assert(
      fc.property(caseArb({ ackAll: false }), (c) => checkInvariants(c, run(c))),
      { numRuns: runs(40) },
    );
  });

  it('with acks=all, RF=3, min.insync.replicas=2 and at most one broker down, no acknowledged record is lost', () => {
    fc.assert(
      fc.property(caseArb({ ackAll: true }), (c) => {
        const s = run(c);
        expect(s.k.counters.lost, `sim seed ${c.seed}`).toBe(0);
        expect(of(s, 'record-lost'), `sim seed ${c.seed}`).toHaveLength(0);
        // Every acknowledged record is in the final log.
        const inLog = new Set<number>();
        for (const p of s.k.parts) {
          const log = readLog(p);
          for (let o = log.start; o < log.leo; o++) inLog.add(rnAt(log, o));
        }
        for (let rn = 0; rn < s.k.rec.st.length; rn++)
          if (s.k.rec.st[rn]! & 1) expect(inLog.has(rn), `sim seed ${c.seed}: rec-${rn} acked but gone`).toBe(true);
      }),
      { numRuns: runs(40) },
    );
  });

  it('the same run twice gives the same trace, byte for byte', () => {
    fc.assert(
      fc.property(caseArb({ ackAll: false }), (c) => {
        expect(JSON.stringify(run(c).trace), `sim seed ${c.seed}`).toBe(JSON.stringify(run(c).trace));
      }),
      { numRuns: runs(10) },
    );
  });

  it('seek then replay on a timeline gives the same state as a straight run', () => {
    fc.assert(
      fc.property(
        caseArb({ ackAll: false }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 4 }),
        (c, seeks, every) => {
          const cmds = script(c);
          const t = createKafkaTimeline({ seed: c.seed, scenario: c.scenario, tuning }, every);
          for (const cmd of cmds) t.push(cmd);
          for (const raw of seeks) {
            const k = raw % (cmds.length + 1);
            const straight = createKafkaSim({ seed: c.seed, scenario: c.scenario, tuning });
            const s = straight.init();
            for (const cmd of cmds.slice(0, k)) straight.apply(s, cmd);
            expect(JSON.stringify(t.seek(k)), `sim seed ${c.seed}, seek ${k}`).toBe(JSON.stringify(s));
          }
        },
      ),
      { numRuns: runs(8) },
    );
  });
});
