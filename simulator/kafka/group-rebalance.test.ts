/**
 * Rebalances that must end: every heartbeat during PreparingRebalance hears REBALANCE_IN_PROGRESS
 * (GroupCoordinator.handleHeartbeat), and a member whose JoinGroup is pending keeps its session
 * (MemberMetadata.hasSatisfiedHeartbeat) while the client's JoinGroup times out and is sent again
 * (AbstractCoordinator). Both were found by property runs over fault schedules.
 */
import { describe, expect, it } from 'vitest';
import type { KafkaScenario, KafkaEngineCommand } from './scenario/types.ts';
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
  const scenario: KafkaScenario = {
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
  const faults: Array<[number, KafkaEngineCommand]> = [
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
      // The brokers allow the 3 s sessions of this run (Kafka's default minimum is 6 s).
      groupMinSessionTimeoutMs: 1000,
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

describe('a member whose JoinGroup is pending keeps its place (MemberMetadata.hasSatisfiedHeartbeat)', () => {
  /**
   * c1 (orders-0) and c2 (orders-1) take 1 s per record; max.poll.interval.ms 10 s, session 3 s.
   * c1's batch of 12 outlasts the poll interval: it leaves at 13 s and rejoins when the batch ends
   * at 15 s, while the group waits for c2, busy with a 9 s batch until 19 s.
   */
  const run = () => {
    const w = world(
      {
        version: 1,
        name: 'rejoin while the group waits',
        brokers: [{ id: 1 }],
        topics: [{ name: 'orders', partitions: 2, replicationFactor: 1 }],
        groups: [
          {
            id: 'g',
            topics: ['orders'],
            consumers: 2,
            consumerIds: ['c1', 'c2'],
            processingMs: 1000,
            autoOffsetReset: 'earliest',
            commit: { type: 'after-process' },
            sessionTimeoutMs: 3000,
            heartbeatIntervalMs: 1000,
          },
        ],
        trace: { mode: 'full' },
      },
      1,
      { maxPollIntervalMs: 10_000, groupMinSessionTimeoutMs: 1000 },
    );
    for (let i = 0; i < 12; i++) w.run({ type: 'produce', topic: 'orders', partition: 0, key: `a${i}`, value: i });
    w.advance(10_000);
    for (let i = 0; i < 9; i++) w.run({ type: 'produce', topic: 'orders', partition: 1, key: `b${i}`, value: i });
    // Faster from 16 s (after c1 rejoined), so the next batches fit the poll interval.
    w.advance(16_000);
    w.run({ type: 'slow-consumer', consumer: 'c1', processingMs: 10 });
    w.advance(60_000);
    return w;
  };

  it('the rejoining consumer is not expired by its session while it waits, and the round ends with it', () => {
    const w = run();
    expect(w.entries('consumer-left-poll-timeout').map((e) => [e.consumer, e.atMs])).toEqual([['c1', 13_004]]);
    // Before: c1's session ran out at 18 s (no heartbeats while it waited), the round ended at 19 s
    // without it, and c1 stayed 'joining' for ever.
    expect(
      w
        .entries('member-joined')
        .filter((e) => e.consumer === 'c1')
        .map((e) => e.atMs),
    ).toEqual([1, 15_005]);
    expect(w.entries('consumer-left-session-timeout')).toEqual([]);
    const c1 = w.summary().consumers.find((c) => c.consumer === 'c1')!;
    expect(c1.phase).toBe('stable');
    expect(
      w
        .summary()
        .groups[0]!.members.map((m) => m.consumer)
        .sort(),
    ).toEqual(['c1', 'c2']);
    const done = w.entries('rebalance-completed');
    expect(done.map((e) => [e.atMs, Object.keys(e.assignment).sort()])).toEqual([
      [3001, ['c1', 'c2']],
      [19_008, ['c1', 'c2']],
    ]);
    expect(w.summary().groups[0]!.partitions.map((p) => p.committed)).toEqual([12, 9]);
  });
});

describe('session.timeout.ms outside the broker bounds (GroupCoordinator.handleJoinGroup)', () => {
  it('the JoinGroup is refused with INVALID_SESSION_TIMEOUT and poll() throws: the consumer stops', () => {
    const w = world({
      version: 1,
      name: 'short session',
      brokers: [{ id: 1 }],
      topics: [{ name: 'orders', partitions: 1, replicationFactor: 1 }],
      groups: [
        { id: 'g', topics: ['orders'], consumers: 1, consumerIds: ['c1'], sessionTimeoutMs: 3000, heartbeatIntervalMs: 1000 },
      ],
      trace: { mode: 'full' },
    });
    w.idle();
    const failed = w.entries('consumer-join-failed');
    expect(failed.map((e) => [e.consumer, e.error])).toEqual([
      [
        'c1',
        'InvalidSessionTimeoutException: session.timeout.ms 3000 is outside the broker range group.min.session.timeout.ms 6000 to group.max.session.timeout.ms 1800000',
      ],
    ]);
    expect(w.summary().consumers[0]!.phase).toBe('error');
    expect(w.summary().groups[0]!.members).toEqual([]);
    expect(w.sim.describeEntry(failed[0]!)).toMatch(/INVALID_SESSION_TIMEOUT/);
  });
});

describe('a new member waiting longer than GroupCoordinator.NewMemberJoinTimeoutMs', () => {
  it('is removed, its pending JoinGroup is answered UNKNOWN_MEMBER_ID, and it joins again', () => {
    // b takes 1 s per record and polls 500 at a time, so the round c's join starts waits ~500 s
    // for b (max.poll.interval.ms is 700 s here); c, a new member, may wait only 300 s.
    const w = world(
      {
        version: 1,
        name: 'new member timeout',
        brokers: [{ id: 1 }],
        topics: [{ name: 'orders', partitions: 2, replicationFactor: 1 }],
        groups: [
          {
            id: 'g',
            topics: ['orders'],
            consumers: 1,
            consumerIds: ['b'],
            processingMs: 1000,
            autoOffsetReset: 'earliest',
            sessionTimeoutMs: 10_000,
          },
        ],
        trace: { mode: 'full' },
      },
      1,
      { maxPollIntervalMs: 700_000 },
    );
    for (let i = 0; i < 500; i++) w.run({ type: 'produce', topic: 'orders', partition: 0, key: `k${i}`, value: i });
    w.advance(10_000);
    w.run({ type: 'add-consumer', group: 'g', consumer: 'c' });
    w.advance(600_000);
    const joinedC = w.entries('member-joined').filter((e) => e.consumer === 'c');
    expect(joinedC.map((e) => e.atMs)).toEqual([10_001, 310_003]);
    expect(w.entries('consumer-left-session-timeout').map((e) => [e.consumer, e.atMs])).toEqual([['c', 310_001]]);
    const last = w.entries('rebalance-completed').at(-1)!;
    expect(Object.keys(last.assignment).sort()).toEqual(['b', 'c']);
    expect(w.summary().consumers.map((c) => c.phase)).toEqual(['stable', 'stable']);
  });
});
