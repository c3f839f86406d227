/**
 * The headless runner over the real Kafka engine: each docs example is run and the claim its
 * description makes is checked against the summary and the trace, so an example cannot promise
 * what the simulator does not do. Plus the runner's own options and bounds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { partitionForKey } from '../partitioner/index.ts';
import { loadScenario } from './loader.ts';
import { runScenario, type RunResult } from './runner.ts';
import { minimalScenario } from './test-fixtures.ts';
import type { KafkaScenario } from './types.ts';

function example(name: string): KafkaScenario {
  const r = loadScenario(readFileSync(join(import.meta.dirname, '..', '..', '..', 'docs', 'examples', name), 'utf8'));
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const group = (run: RunResult, id: string) => run.summary.groups.find((g) => g.group === id)!;

describe('docs examples, run headless', () => {
  it('fan-out: every group receives every record, independently', () => {
    const run = runScenario(example('fan-out-three-groups.json'), { trace: 'none' });
    const { records, partitions } = run.summary;
    expect(run.summary.stoppedBy).toBe('until');
    expect(records.produced).toBe(300);
    expect(records.acknowledged).toBe(300);
    expect(partitions.reduce((n, p) => n + p.logEndOffset, 0)).toBe(300);
    for (const id of ['billing', 'shipping', 'analytics']) {
      expect(group(run, id).delivered, id).toBe(300);
      expect(group(run, id).duplicated, id).toBe(0);
    }
    // Every group has committed up to the end of every partition: after processing each batch
    // (billing, shipping) or by the auto-commit timer, which runs for idle consumers too (analytics).
    for (const id of ['billing', 'shipping', 'analytics']) {
      expect(group(run, id).lag, id).toBe(0);
      for (const p of group(run, id).partitions)
        expect(p.committed).toBe(partitions.find((q) => q.partition === p.partition)!.logEndOffset);
    }
    expect(records.delivered).toBe(900);
  });

  it("hot key: the hot key's partition holds most records and nearly all the lag", () => {
    const run = runScenario(example('hot-key-lag.json'), { trace: 'none' });
    const hot = partitionForKey('user-42', 4);
    const g = group(run, 'analytics');
    const hotLag = g.partitions.find((p) => p.partition === hot)!.lag!;
    const otherLag = g.partitions.filter((p) => p.partition !== hot).reduce((n, p) => n + (p.lag ?? 0), 0);
    expect(hotLag).toBeGreaterThan(500);
    expect(otherLag).toBeLessThan(hotLag / 10);
    const ends = run.summary.partitions.map((p) => p.logEndOffset);
    expect(Math.max(...ends)).toBe(ends[hot]);
    expect(ends[hot]! / run.summary.records.produced).toBeGreaterThan(0.7);
  });

  it('broker crash: acks=1 loses acknowledged records, acks=all loses none', () => {
    const run = runScenario(example('broker-crash-acks.json'), { trace: 'full' });
    const { records } = run.summary;
    const lost = run.trace.filter((e) => e.type === 'record-lost');
    expect(records.acknowledged).toBe(4000);
    expect(records.lost).toBeGreaterThan(0);
    expect(lost.length).toBe(records.lost);
    expect(new Set(lost.map((e) => (e.type === 'record-lost' ? e.topic : '')))).toEqual(new Set(['payments-acks1']));
    // The ledger reads what survived: everything, minus what acks=1 lost.
    expect(group(run, 'ledger').delivered).toBe(records.produced - records.lost);
  });

  it('consumer crash: at-least-once with duplicates, and cooperative-sticky moves only the lost partitions', () => {
    const run = runScenario(example('consumer-crash-cooperative-sticky.json'), { trace: 'full' });
    const g = group(run, 'fulfilment');
    expect(g.duplicated).toBeGreaterThan(0);
    expect(g.delivered - g.duplicated).toBe(run.summary.records.produced);
    expect(g.lag).toBe(0);
    const revokedFromSurvivors = run.trace.filter(
      (e) =>
        e.type === 'partitions-revoked' &&
        e.atMs > 5000 &&
        e.atMs < 25_000 &&
        e.consumer !== 'fulfilment-c2' &&
        e.partitions.length > 0,
    );
    expect(revokedFromSurvivors).toEqual([]);
    const rebalances = run.trace.filter((e) => e.type === 'rebalance-completed' && e.atMs > 5000 && e.atMs < 25_000);
    expect(rebalances.length).toBeGreaterThan(0);
  });

  it('commit order: after-process duplicates, before-process skips, neither both', () => {
    const run = runScenario(example('commit-order-crash.json'), { trace: 'none' });
    const produced = run.summary.records.produced;
    const careful = group(run, 'careful');
    const hasty = group(run, 'hasty');
    expect(careful.duplicated).toBeGreaterThan(0);
    expect(careful.skipped).toBe(0);
    expect(careful.delivered - careful.duplicated).toBe(produced);
    expect(hasty.skipped).toBeGreaterThan(0);
    expect(hasty.skipped).toBeLessThanOrEqual(10);
    expect(hasty.duplicated).toBe(0);
    expect(hasty.delivered + hasty.skipped).toBe(produced);
  });
});

describe('runScenario', () => {
  it('is deterministic, and the trace mode changes what is kept, not what happens', () => {
    const spec = example('fan-out-three-groups.json');
    const a = runScenario(spec, { trace: 'full' });
    const b = runScenario(spec, { trace: 'full' });
    const c = runScenario(spec, { trace: 'none' });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(c.trace).toEqual([]);
    expect(c.summary).toEqual(a.summary);
    expect(a.trace.length).toBe(Object.values(a.summary.traceCounts).reduce((n, k) => n + k, 0));
  });

  it('takes the seed and the end time from the options first, then the scenario', () => {
    const spec = { ...minimalScenario(), seed: 5, durationMs: 4000 };
    expect(runScenario(spec).summary).toMatchObject({ seed: 5, untilMs: 4000, atMs: 4000, stoppedBy: 'until' });
    expect(runScenario(spec, { seed: 9, untilMs: 1500 }).summary).toMatchObject({ seed: 9, untilMs: 1500, atMs: 1500 });
    const { seed: _s, durationMs: _d, ...bare } = spec;
    expect(runScenario(bare).summary).toMatchObject({ seed: 1, untilMs: null, stoppedBy: 'idle' });
  });

  it('stops at the task bound and says why', () => {
    const endless: KafkaScenario = {
      ...minimalScenario(),
      producers: [{ id: 'tap', topic: 'orders', ratePerSec: 1000, keys: { type: 'none' } }],
      tasksMax: 2000,
    };
    const run = runScenario(endless, { trace: 'none' });
    expect(run.summary.stoppedBy).toBe('tasks-max');
    expect(run.summary.tasksRun).toBe(2000);
    expect(run.summary.notes.join(' ')).toMatch(/2000/);
    expect(run.summary.rejectedCommands).toEqual([]);
  });

  it('reports scheduled commands the engine refused', () => {
    const spec: KafkaScenario = {
      ...minimalScenario(),
      durationMs: 3000,
      schedule: [
        { atMs: 1000, command: { type: 'crash-broker', broker: 1 } },
        { atMs: 2000, command: { type: 'crash-broker', broker: 1 } },
      ],
    };
    const run = runScenario(spec, { trace: 'none' });
    expect(run.summary.rejectedCommands).toEqual([]);
    expect(run.summary.notes).toEqual(['1 command was rejected; run with the full trace to see it.']);
    const full = runScenario(spec, { trace: 'full' });
    expect(full.summary.rejectedCommands).toEqual([
      { atMs: 2000, command: 'crash-broker', error: expect.stringContaining('already down') },
    ]);
    expect(full.summary.notes).toEqual([]);
  });
});
