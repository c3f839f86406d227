/**
 * Property tests over handlers and transactions, with random seeds and random consumer crashes.
 * Every failure message carries the simulation seed; fast-check prints its own seed and the shrunk
 * case, so a failure can be replayed and pinned.
 *
 * - the same seed and commands give the same trace; seeking a timeline equals replaying;
 * - after-process commits: every record's effect happens at least once (no loss);
 *   before-process commits: at most once (no duplicate) — counted by the handler's own counters;
 * - read-process-write in transactions: across crashes of the consumer (and so of its producer)
 *   mid-transaction, a read_committed reader sees every input exactly once;
 * - a zombie producer is fenced: nothing it writes after the new instance started is visible to
 *   a read_committed reader.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kafkaAppRead as R } from './app-reads.ts';
import { createKafkaSim, createKafkaTimeline } from './kafka-sim.ts';
import type { CommitPolicy, KafkaEngineCommand, KafkaScenario } from './scenario/types.ts';

const runs = (n: number) => Number(process.env.PROPERTY_RUNS ?? n);

interface Crash {
  atMs: number;
  downMs: number;
}

/** Up to three crashes of the one consumer, never overlapping, while records flow. */
const crashes = fc
  .array(fc.record({ gapMs: fc.integer({ min: 1, max: 400 }), downMs: fc.integer({ min: 1, max: 300 }) }), { maxLength: 3 })
  .map((xs) => {
    let t = 3000;
    return xs.map((x): Crash => {
      t += x.gapMs;
      const c = { atMs: t, downMs: x.downMs };
      t += x.downMs;
      return c;
    });
  });

function scenario(commit: CommitPolicy, records: number): KafkaScenario {
  return {
    version: 1,
    name: 'apps',
    brokers: [{ id: 1 }, { id: 2 }],
    topics: [
      { name: 'in', partitions: 2, replicationFactor: 2 },
      { name: 'out', partitions: 2, replicationFactor: 2 },
    ],
    producers: [{ id: 'src', topic: 'in', ratePerSec: 100, count: records, keys: { type: 'uniform', keys: 1000 } }],
    groups: [
      {
        id: 'app',
        topics: ['in'],
        consumers: 1,
        consumerIds: ['app-c1'],
        processingMs: 3,
        maxPollRecords: 5,
        autoOffsetReset: 'earliest',
        commit,
        handler: {
          steps: [
            { type: 'side-effect', name: 'send-sms' },
            { type: 'produce', topic: 'out' },
            { type: 'fail', when: { type: 'first-attempts', attempts: 1 } },
          ],
          onError: { type: 'blocking', maxAttempts: 3, backoffMs: 5 },
        },
      },
      {
        id: 'reader',
        topics: ['out'],
        consumers: 1,
        autoOffsetReset: 'earliest',
        isolationLevel: 'read_committed',
        handler: { steps: [{ type: 'store', op: 'increment' }] },
      },
    ],
    trace: { mode: 'full' },
  };
}

/** What one crash takes down: the consumer (and so its producer), a broker, or both. */
type Fault = 'consumer' | 'consumer+broker-1' | 'consumer+broker-2' | 'broker-1' | 'broker-2';
const faults: Fault[] = ['consumer', 'consumer+broker-1', 'consumer+broker-2', 'broker-1', 'broker-2'];

function script(cs: Crash[], what: Fault[] = []): KafkaEngineCommand[] {
  const out: KafkaEngineCommand[] = [];
  cs.forEach((c, i) => {
    const f = what[i] ?? 'consumer';
    const down: KafkaEngineCommand[] = [];
    const up: KafkaEngineCommand[] = [];
    if (f.startsWith('consumer')) {
      down.push({ type: 'crash-consumer', consumer: 'app-c1' });
      up.push({ type: 'restart-consumer', consumer: 'app-c1' });
    }
    const b = f.endsWith('broker-1') ? 1 : f.endsWith('broker-2') ? 2 : 0;
    if (b !== 0) {
      down.push({ type: 'crash-broker', broker: b });
      up.push({ type: 'restart-broker', broker: b });
    }
    out.push({ type: 'advance', untilMs: c.atMs }, ...down);
    out.push({ type: 'advance', untilMs: c.atMs + c.downMs }, ...up);
  });
  out.push({ type: 'run-until-idle' });
  return out;
}

function run(seed: number, commit: CommitPolicy, records: number, cs: Crash[], what: Fault[] = []) {
  const sim = createKafkaSim({ seed, scenario: scenario(commit, records) });
  const s = sim.init();
  for (const c of script(cs, what)) {
    const r = sim.apply(s, c);
    if (!r.ok) throw new Error(`seed ${seed}: ${r.error.message}`);
  }
  return s;
}

/** Distinct keys among the records the source wrote to `in` (a key written twice counts twice in the store). */
function inputKeyCounts(s: ReturnType<typeof run>): Map<string, number> {
  const m = new Map<string, number>();
  for (const e of s.trace.entries) if (e.type === 'record-appended' && e.topic === 'in') m.set(e.key!, (m.get(e.key!) ?? 0) + 1);
  return m;
}

const policies: CommitPolicy[] = [
  { type: 'after-process' },
  { type: 'before-process' },
  { type: 'transaction' },
  { type: 'after-record' },
];

describe('handler and transaction properties', () => {
  it('the same seed gives the same trace, and seeking a timeline equals replaying', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0x7fffffff }),
        fc.constantFrom(...policies),
        crashes,
        fc.nat(),
        (seed, commit, cs, k) => {
          const a = run(seed, commit, 12, cs);
          const b = run(seed, commit, 12, cs);
          expect(JSON.stringify(a.trace.entries), `seed ${seed}`).toBe(JSON.stringify(b.trace.entries));
          const cmds = script(cs);
          const t = createKafkaTimeline({ seed, scenario: scenario(commit, 12) }, 2);
          for (const c of cmds) t.push(c);
          const at = k % (cmds.length + 1);
          const straight = createKafkaSim({ seed, scenario: scenario(commit, 12) });
          const s = straight.init();
          for (const c of cmds.slice(0, at)) straight.apply(s, c);
          expect(JSON.stringify(t.seek(at)), `seed ${seed}, seek ${at}`).toBe(JSON.stringify(s));
        },
      ),
      { numRuns: runs(10) },
    );
  });

  it('after-process: every effect at least once; before-process: at most once (under random crashes)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0x7fffffff }), crashes, (seed, cs) => {
        const after = run(seed, { type: 'after-process' }, 20, cs);
        expect(R.losses(after, 'app'), `seed ${seed}`).toBe(0);
        const before = run(seed, { type: 'before-process' }, 20, cs);
        expect(R.duplicates(before, 'app'), `seed ${seed}`).toBe(0);
        // The SMS counts say the same: one call per attempt (the first attempt of each record fails after its SMS).
        expect(R.calls(before, 'app', 'send-sms')).toBeLessThanOrEqual(2 * 20);
      }),
      { numRuns: runs(15) },
    );
  });

  it('read-process-write in transactions: a read_committed reader sees every input exactly once across consumer and broker crashes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0x7fffffff }),
        crashes,
        fc.array(fc.constantFrom(...faults), { minLength: 3, maxLength: 3 }),
        (seed, cs, what) => {
          const s = run(seed, { type: 'transaction' }, 20, cs, what);
          const where = `seed ${seed}, crashes ${JSON.stringify(cs)}, faults ${JSON.stringify(what)}`;
          for (const [key, n] of inputKeyCounts(s))
            expect(R.storeValue(s, 'reader', key), `${where}, key ${key}`).toBe(String(n));
          expect([...inputKeyCounts(s).values()].reduce((a, b) => a + b, 0)).toBe(20);
        },
      ),
      // fast-check's own seed is fixed so the suite is deterministic. 200 cases: each of the three
      // faults fixed in simulator/kafka/txn-coordinator.ts (a commit going ahead after its
      // process died, a dead process's retry landing after the next instance's ABORT, a new
      // transaction's record landing before the previous one's marker) fails some of them.
      { numRuns: runs(200), seed: 31337 },
    );
  });

  // Cases the property found, one per fault fixed in txn-coordinator.ts, kept because the fixed
  // fast-check seed does not always draw them:
  // - the consumer crashed while its commitTransaction waited for the flush of a record's output;
  //   the crash dropped that record and the commit went ahead with the offsets past it (lost);
  // - a dead process's in-flight batch was retried after the restarted instance's initTransactions,
  //   with the new epoch, and landed after the ABORT marker (seen twice);
  // - with the leader down, a new transaction's record landed before the previous transaction's
  //   COMMIT marker, which then closed it as committed; its own ABORT found nothing open (seen twice).
  const found: Array<[string, number, Crash, Fault]> = [
    ['the case first reported (the fix for the next one changed its timing)', 1, { atMs: 3394, downMs: 3 }, 'consumer'],
    ['a commit waiting for its flush when the consumer dies', 1639875591, { atMs: 3246, downMs: 1 }, 'consumer'],
    ['a dead instance retrying after its successor aborted', 891610163, { atMs: 3256, downMs: 1 }, 'consumer+broker-2'],
    ['a record of the next transaction before the last marker', 1284511267, { atMs: 3075, downMs: 84 }, 'broker-1'],
  ];
  it.each(found)('found case: %s (seed %i) — no input lost or repeated for a read_committed reader', (_, seed, crash, fault) => {
    const s = run(seed, { type: 'transaction' }, 20, [crash], [fault]);
    for (const [key, n] of inputKeyCounts(s)) expect(R.storeValue(s, 'reader', key), key).toBe(String(n));
  });

  it('a zombie producer is fenced: nothing it writes after the new instance starts is read_committed-visible', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0x7fffffff }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 0, max: 4 }),
        (seed, before, after) => {
          const sc: KafkaScenario = {
            version: 1,
            name: 'zombie',
            brokers: [{ id: 1 }],
            topics: [{ name: 'out', partitions: 2, replicationFactor: 1 }],
            producers: ['old', 'new'].map((id) => ({
              id,
              topic: 'out',
              ratePerSec: 0,
              keys: { type: 'none' as const },
              transactionalId: 'tx',
            })),
            groups: [
              {
                id: 'reader',
                topics: ['out'],
                consumers: 1,
                autoOffsetReset: 'earliest',
                isolationLevel: 'read_committed',
                handler: { steps: [{ type: 'store', op: 'increment' }] },
              },
            ],
          };
          const sim = createKafkaSim({ seed, scenario: sc });
          const s = sim.init();
          sim.apply(s, { type: 'init-transactions', producer: 'old' });
          sim.apply(s, { type: 'begin-transaction', producer: 'old' });
          for (let i = 0; i < before; i++) sim.apply(s, { type: 'produce', producer: 'old', topic: 'out', key: `old-${i}` });
          sim.apply(s, { type: 'advance', untilMs: 50 });
          sim.apply(s, { type: 'init-transactions', producer: 'new' });
          for (let i = 0; i < after; i++) sim.apply(s, { type: 'produce', producer: 'old', topic: 'out', key: `late-${i}` });
          const commit = sim.apply(s, { type: 'commit-transaction', producer: 'old' });
          sim.apply(s, { type: 'run-until-idle' });
          expect(commit.ok, `seed ${seed}`).toBe(false);
          for (let i = 0; i < before; i++) expect(R.storeValue(s, 'reader', `old-${i}`)).toBe('');
          for (let i = 0; i < after; i++) expect(R.storeValue(s, 'reader', `late-${i}`)).toBe('');
        },
      ),
      { numRuns: runs(15) },
    );
  });
});
