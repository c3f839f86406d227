/**
 * Rebalances that must end: every heartbeat during PreparingRebalance hears REBALANCE_IN_PROGRESS
 * (GroupCoordinator.handleHeartbeat), and a member whose JoinGroup is pending keeps its session
 * (MemberMetadata.hasSatisfiedHeartbeat) while the client's JoinGroup times out and is sent again
 * (AbstractCoordinator). Both were found by property runs over fault schedules.
 */
import { describe, expect, it } from 'vitest';
import type { ScenarioSpec, SimCommand } from '../scenario/types.ts';
import { world } from './test-kit.ts';
import type { KafkaState } from './state.ts';

/** Pairs each rebalance-started with the rebalance-completed that ends it: [startMs, endMs | null]. */
function rounds(s: KafkaState): Array<[number, number | null]> {
  const out: Array<[number, number | null]> = [];
  for (const e of s.trace.entries) {
    if (e.type === 'rebalance-started') out.push([e.atMs, null]);
    if (e.type === 'rebalance-completed' && out.length > 0 && out[out.length - 1]![1] === null) out[out.length - 1]![1] = e.atMs;
  }
  return out;
}

describe('REBALANCE_IN_PROGRESS answers every heartbeat of a rebalance (property regression, seed 661986227)', () => {
  const scenario: ScenarioSpec = {
    version: 1,
    name: 'five-minute rebalance',
    brokers: [{ id: 1 }, { id: 2 }, { id: 3 }],
    topics: [{ name: 'orders', partitions: 3, replicationFactor: 3, minInsyncReplicas: 2 }],
    producers: [
      { id: 'p1', topic: 'orders', ratePerSec: 1000, count: 20_000, keys: { type: 'uniform', keys: 8 }, stickyBatchSize: 7 },
    ],
    groups: [
      {
        id: 'g0',
        topics: ['orders'],
        consumers: 4,
        consumerIds: ['g0c1', 'g0c2', 'g0c3', 'g0c4'],
        groupInstanceIds: ['i1', 'i2', 'i3', 'i4'],
        assignor: 'cooperative-sticky',
        commit: { type: 'after-process' },
        processingMs: 3,
        autoOffsetReset: 'earliest',
        sessionTimeoutMs: 3000,
        heartbeatIntervalMs: 1000,
      },
    ],
    trace: { mode: 'full' },
  };
  const faults: Array<[number, SimCommand]> = [
    [8, { type: 'slow-consumer', consumer: 'g0c3', processingMs: 20 }],
    [2032, { type: 'crash-broker', broker: 3 }],
    [5273, { type: 'crash-consumer', consumer: 'g0c2' }],
    [7548, { type: 'crash-consumer', consumer: 'g0c1' }],
    [7555, { type: 'restart-consumer', consumer: 'g0c1' }],
    [17_513, { type: 'restart-consumer', consumer: 'g0c2' }],
    [18_229, { type: 'restart-broker', broker: 3 }],
  ];

  it('a member busy with a batch when the rebalance started hears it at a later heartbeat, so the round ends in seconds', () => {
    const w = world(scenario, 661986227, {
      replicaLagTimeMaxMs: 1000,
      requestTimeoutMs: 2000,
      initialRebalanceDelayMs: 300,
      deliveryTimeoutMs: 60_000,
    });
    for (const [at, c] of faults) {
      w.advance(at);
      w.run(c);
    }
    w.advance(60_000);
    const r = rounds(w.s);
    const late = r.find(([start]) => start >= 17_000)!;
    expect(late[0]).toBe(17_514);
    // Before: completed at 317,514 ms (the rebalance timeout), nobody consuming in between. g0c3's
    // batch of up to 500 records at 20 ms each takes 10 s, so it can rejoin only after that.
    expect(late[1]).not.toBeNull();
    expect(late[1]! - late[0]).toBeLessThan(20_000);
    for (const [start, end] of r) expect(end === null ? Infinity : end - start, `round at ${start}`).toBeLessThan(20_000);
  });
});
