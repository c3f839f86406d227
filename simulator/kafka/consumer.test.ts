/**
 * Scenario tests for consumers: where they start, commit policies under crashes (at-least-once
 * versus at-most-once), slow consumers and lag, offset resets and replay, retention and compaction.
 */
import { describe, expect, it } from 'vitest';
import type { CommitPolicy, GroupSpec, TopicSpec } from './scenario/types.ts';
import { baseScenario, world } from './test-kit.ts';

function cw(group: Partial<GroupSpec>, topic: Partial<TopicSpec> = {}, count = 20) {
  return world(
    baseScenario({
      topics: [{ name: 'orders', partitions: 1, replicationFactor: 3, ...topic }],
      producers: [{ id: 'p1', topic: 'orders', ratePerSec: 1000, count, keys: { type: 'uniform', keys: 5 } }],
      groups: [{ id: 'billing', topics: ['orders'], consumers: 1, consumerIds: ['c1'], autoOffsetReset: 'earliest', ...group }],
    }),
  );
}

describe('where a consumer starts', () => {
  it('earliest reads from the log start, latest from the HW, none stops with an error', () => {
    const early = cw({});
    early.idle();
    expect(early.summary().groups[0]!.delivered).toBe(20);
    const late = cw({ autoOffsetReset: 'latest' });
    late.idle();
    // The producer finished before the group's first rebalance: nothing new to read.
    expect(late.summary().groups[0]!.delivered).toBe(0);
    const none = cw({ autoOffsetReset: 'none' });
    none.idle();
    const err = none.entries('consumer-error');
    expect(err).toHaveLength(1);
    expect(err[0]!.error).toMatch(/NoOffsetForPartition/);
    expect(none.summary().consumers[0]!.phase).toBe('error');
  });
});

describe('auto.offset.reset=none (review regression)', () => {
  it('the failing consumer stops polling, stays a member until max.poll.interval.ms, then leaves and its partitions move', () => {
    // NoOffsetForPartitionException comes out of poll(); the heartbeat thread keeps the member
    // alive until the poll timer (max.poll.interval.ms) expires, then leaves the group.
    const w = world(
      baseScenario({
        topics: [
          { name: 'audit', partitions: 1, replicationFactor: 1 },
          { name: 'orders', partitions: 1, replicationFactor: 1 },
        ],
        groups: [
          {
            id: 'billing',
            topics: ['audit', 'orders'],
            consumers: 2,
            consumerIds: ['c1', 'c2'],
            assignor: 'roundrobin',
            autoOffsetReset: 'none',
            startAtMs: 1000,
          },
        ],
      }),
      1,
      { maxPollIntervalMs: 10_000 },
    );
    // Only orders has a committed offset, so whoever gets audit-0 fails.
    w.run({ type: 'reset-offsets', group: 'billing', topic: 'orders', to: 'earliest' });
    w.advance(5000);
    const members = () => Object.fromEntries(w.summary().groups[0]!.members.map((m) => [m.consumer, m.partitions]));
    expect(members()).toEqual({ c1: ['audit-0'], c2: ['orders-0'] });
    const err = w.entries('consumer-error');
    expect(err.map((e) => [e.consumer, e.topic, e.partition])).toEqual([['c1', 'audit', 0]]);
    w.advance(err[0]!.atMs + 9_999);
    expect(members()).toEqual({ c1: ['audit-0'], c2: ['orders-0'] });
    // c2 hears of the rebalance with its next heartbeat (every 3 s) and rejoins.
    w.advance(err[0]!.atMs + 10_000 + 5000);
    const left = w.entries('consumer-left-poll-timeout');
    expect(left.map((e) => [e.consumer, e.atMs, e.afterError !== null])).toEqual([['c1', err[0]!.atMs + 10_000, true]]);
    expect(w.entries('rebalance-started').map((e) => e.reason)).toContain('c1 exceeded max.poll.interval.ms');
    expect(members()).toEqual({ c2: ['audit-0', 'orders-0'] });
    // c2 now owns audit-0 and has no offset for it either: it fails the same way.
    w.idle();
    expect(w.entries('consumer-error').map((e) => e.consumer)).toEqual(['c1', 'c2']);
    expect(w.entries('consumer-left-poll-timeout').map((e) => e.consumer)).toEqual(['c1', 'c2']);
    expect(w.summary().groups[0]!.members).toEqual([]);
    expect(w.summary().consumers.map((c) => c.phase)).toEqual(['error', 'error']);
  });
});

describe('commit policies and crashes', () => {
  // c1 processes 10 ms per record in one batch of 20 and crashes after 5 records.
  function crashMidBatch(commit: CommitPolicy) {
    const w = cw({ commit, processingMs: 10, sessionTimeoutMs: 6000 });
    w.advance(3000);
    // Let every record be produced and committed to the log before the group starts.
    for (let i = 0; i < 10_000 && w.entries('record-processed').length < 5; i++) w.run({ type: 'step' });
    w.run({ type: 'crash-consumer', consumer: 'c1' });
    w.run({ type: 'add-consumer', group: 'billing', consumer: 'c2' });
    w.idle();
    return w.summary().groups[0]!;
  }

  it('commit after processing + crash: records are redelivered (at-least-once)', () => {
    const g = crashMidBatch({ type: 'after-process' });
    expect(g.delivered).toBe(25);
    expect(g.duplicated).toBe(5);
    expect(g.skipped).toBe(0);
    expect(g.partitions[0]!.committed).toBe(20);
  });

  it('commit before processing + crash: the rest of the batch is lost for the group (at-most-once)', () => {
    const g = crashMidBatch({ type: 'before-process' });
    expect(g.delivered).toBe(5);
    expect(g.duplicated).toBe(0);
    expect(g.skipped).toBe(15);
  });

  it('auto-commit only commits what a previous poll returned, so a crash redelivers', () => {
    const g = crashMidBatch({ type: 'auto', intervalMs: 5000 });
    expect(g.duplicated).toBe(5);
    expect(g.delivered).toBe(25);
  });
});

describe('lag', () => {
  it('a slow consumer builds lag; lag is unknown before the first commit', () => {
    const w = world(
      baseScenario({
        topics: [{ name: 'orders', partitions: 1, replicationFactor: 1 }],
        producers: [{ id: 'p1', topic: 'orders', ratePerSec: 100, count: 300, keys: { type: 'none' } }],
        groups: [
          { id: 'fast', topics: ['orders'], consumers: 1, autoOffsetReset: 'earliest', commit: { type: 'after-process' } },
          {
            id: 'slow',
            topics: ['orders'],
            consumers: 1,
            autoOffsetReset: 'earliest',
            commit: { type: 'after-process' },
            processingMs: 50,
            maxPollRecords: 10,
          },
        ],
      }),
    );
    w.advance(2000);
    expect(w.summary().groups.map((g) => g.lag)).toEqual([null, null]);
    w.advance(4000);
    const [fast, slow] = w.summary().groups;
    expect(fast!.lag).toBe(0);
    expect(slow!.lag).toBeGreaterThan(100);
    w.idle();
    expect(w.summary().groups.map((g) => g.lag)).toEqual([0, 0]);
  });
});

describe('offset resets and replay', () => {
  it('refuses to reset an active group, then replays after the consumers are gone', () => {
    const w = cw({ commit: { type: 'after-process' } });
    w.idle();
    expect(w.reject({ type: 'reset-offsets', group: 'billing', topic: 'orders', to: 'earliest' })).toMatch(/members/);
    w.run({ type: 'remove-consumer', consumer: 'c1' });
    w.idle();
    w.run({ type: 'reset-offsets', group: 'billing', topic: 'orders', to: { offset: 15 } });
    expect(w.summary().groups[0]!.lag).toBe(5);
    w.run({ type: 'add-consumer', group: 'billing', consumer: 'c9' });
    w.idle();
    const g = w.summary().groups[0]!;
    expect(g.replayed).toBe(5);
    expect(g.duplicated).toBe(0);
    expect(g.delivered).toBe(25);
  });

  it('a reset just after the last consumer left is refused until the coordinator has handled the leave', () => {
    const w = cw({ commit: { type: 'after-process' } });
    w.idle();
    w.run({ type: 'remove-consumer', consumer: 'c1' });
    expect(w.reject({ type: 'reset-offsets', group: 'billing', topic: 'orders', to: 'earliest' })).toMatch(
      /its consumers are leaving, but the coordinator has not yet handled their LeaveGroup/,
    );
    w.idle();
    w.run({ type: 'reset-offsets', group: 'billing', topic: 'orders', to: 'earliest' });
  });

  it('reset to a timestamp finds the first record at or after it', () => {
    const w = cw({ commit: { type: 'after-process' } });
    w.idle();
    w.run({ type: 'remove-consumer', consumer: 'c1' });
    w.idle();
    // Record timestamps are creation times: the 8th record was due at 7 ms (1000 records/s).
    expect(w.s.k.rec.ts[7]).toBe(7);
    w.run({ type: 'reset-offsets', group: 'billing', topic: 'orders', to: { timestampMs: 7 } });
    expect(w.entries('offsets-reset')[0]!.offsets).toEqual([7]);
  });
});

describe('retention and compaction', () => {
  it('count retention deletes whole segments and moves the log start; a consumer behind it is reset by auto.offset.reset', () => {
    const w = cw({ startAtMs: 100_000 }, { retentionRecords: 5, segmentRecords: 5 }, 20);
    w.advance(10_000);
    const p = w.summary().partitions[0]!;
    // Segments [11, 16) and [16, 20) are left: deleting [11, 16) would leave 4, below the bound of 5
    // (UnifiedLog.deleteRetentionSizeBreachedSegments), so the log keeps 9 records, not 5.
    expect([p.logStartOffset, p.logEndOffset]).toEqual([11, 20]);
    expect(p.segments.map((x) => [x.baseOffset, x.records])).toEqual([
      [11, 5],
      [16, 4],
    ]);
    expect(w.entries('retention-deleted').length).toBeGreaterThan(0);
    w.idle();
    expect(w.summary().groups[0]!.delivered).toBe(9);
  });

  it('with auto.offset.reset=none, a committed offset that retention deleted stops poll() with OffsetOutOfRangeException', () => {
    // Kafka's FetchCollector throws OffsetOutOfRangeException when a fetch position is out of
    // range and no reset policy is set; NoOffsetForPartitionException is only for "no committed offset".
    const w = world(
      baseScenario({
        topics: [{ name: 'orders', partitions: 1, replicationFactor: 3, retentionRecords: 5, segmentRecords: 5 }],
        groups: [
          { id: 'billing', topics: ['orders'], consumers: 1, consumerIds: ['c1'], autoOffsetReset: 'none', startAtMs: 100 },
        ],
      }),
    );
    const produce = (n: number) => {
      for (let i = 0; i < n; i++) w.run({ type: 'produce', topic: 'orders', key: `k${i}` });
    };
    // A committed offset to start from (none refuses a partition without one).
    w.run({ type: 'reset-offsets', group: 'billing', topic: 'orders', to: 'earliest' });
    produce(3);
    w.idle();
    expect(w.summary().groups[0]!.partitions[0]!.committed).toBe(3);
    w.run({ type: 'remove-consumer', consumer: 'c1' });
    // One record per batch, so segments of 5 fill: [0, 5), [5, 10), [10, 13); retention keeps 8.
    for (let i = 0; i < 10; i++) {
      produce(1);
      w.advance(w.s.nowMs + 20);
    }
    w.advance(w.s.nowMs + 3000);
    expect(w.summary().partitions[0]!.logStartOffset).toBe(5);
    w.run({ type: 'add-consumer', group: 'billing', consumer: 'c2' });
    w.idle();
    const err = w.entries('consumer-error');
    expect(err).toHaveLength(1);
    expect(err[0]!.error).toMatch(/^OffsetOutOfRangeException: fetch position 3 is out of range for orders-0/);
    expect(err[0]!.error).not.toMatch(/NoOffsetForPartition/);
    expect(w.sim.describeEntry(err[0]!)).toMatch(/OffsetOutOfRangeException/);
    expect(w.summary().consumers.find((c) => c.consumer === 'c2')!.phase).toBe('error');
  });

  it('compaction keeps the newest record per key below the active segment, then drops tombstones', () => {
    const w = world(
      baseScenario({
        topics: [{ name: 'users', partitions: 1, replicationFactor: 3, cleanupPolicy: 'compact', segmentRecords: 1 }],
      }),
      1,
      { deleteRetentionMs: 5000 },
    );
    // One record per batch and per segment; carol's record is the active segment, never cleaned.
    for (const [key, value] of [
      ['alice', { v: 1 }],
      ['bob', { v: 1 }],
      ['alice', { v: 2 }],
      ['bob', null],
      ['carol', 1],
    ] as const) {
      w.run({ type: 'produce', topic: 'users', key, value });
      w.advance(w.s.nowMs + 20);
    }
    w.advance(2000);
    let p = w.summary().partitions[0]!;
    expect([p.logEndOffset, p.records]).toEqual([5, 3]);
    w.advance(8000);
    p = w.summary().partitions[0]!;
    expect([p.logEndOffset, p.records]).toEqual([5, 2]);
    expect(w.entries('compacted').some((e) => e.tombstonesRemoved === 1)).toBe(true);
  });
});

describe('max.poll.interval.ms (review regression)', () => {
  /** One consumer, twenty records of 1 s each, max.poll.interval.ms 10 s, run to 20 s. */
  const slowBatchPastPollInterval = () => {
    const w = world(
      baseScenario({
        topics: [{ name: 'orders', partitions: 1, replicationFactor: 1 }],
        groups: [
          {
            id: 'billing',
            topics: ['orders'],
            consumers: 1,
            consumerIds: ['c1'],
            processingMs: 1000,
            autoOffsetReset: 'earliest',
            commit: { type: 'after-process' },
          },
        ],
      }),
      1,
      { maxPollIntervalMs: 10_000 },
    );
    for (let i = 0; i < 20; i++) w.run({ type: 'produce', topic: 'orders', key: `k${i}`, value: i });
    w.advance(20_000);
    return w;
  };
  it('a consumer whose batch outlasts max.poll.interval.ms leaves the group even with no rebalance pending', () => {
    // Kafka's heartbeat thread checks the poll timer on its own (AbstractCoordinator: "consumer
    // poll timeout has expired") and sends LeaveGroup; the group rebalances without it, and the
    // batch it was still processing is never committed.
    const w = slowBatchPastPollInterval();
    const polledAt = w.entries('records-fetched')[0]!.atMs;
    const left = w.entries('consumer-left-poll-timeout');
    expect(left.map((e) => e.consumer)).toEqual(['c1']);
    expect(left[0]!.atMs).toBe(polledAt + 10_000);
    expect(w.entries('rebalance-started')).toHaveLength(1); // only the first join: nobody had to rejoin
    expect(w.summary().groups[0]!.members).toEqual([]);
    expect(w.entries('offset-committed')).toHaveLength(0);
  });
  it('after leaving, its commits fail with CommitFailedException until it has rejoined', () => {
    // ConsumerCoordinator.sendOffsetCommitRequest: once the heartbeat thread has left the group the
    // generation is reset, and a commit fails at once ("not part of an active group").
    const w = slowBatchPastPollInterval();
    const leftAt = w.entries('consumer-left-poll-timeout')[0]!.atMs;
    w.run({ type: 'commit', consumer: 'c1' });
    let failed = w.entries('commit-failed');
    expect(failed.map((e) => [e.consumer, e.atMs])).toEqual([['c1', 20_000]]);
    expect(failed[0]!.reason).toMatch(/^CommitFailedException/);
    // Faster from now on, so the batch ends and the rejoined consumer keeps up.
    w.run({ type: 'slow-consumer', consumer: 'c1', processingMs: 10 });
    w.idle();
    failed = w.entries('commit-failed');
    // The after-process commit at the end of the batch fails too; nothing was committed meanwhile.
    expect(failed).toHaveLength(2);
    expect(failed[1]!.atMs).toBeGreaterThan(leftAt);
    const committed = w.entries('offset-committed');
    expect(committed.length).toBeGreaterThan(0);
    expect(committed[0]!.atMs).toBeGreaterThan(failed[1]!.atMs);
    expect(w.summary().groups[0]!.partitions[0]!.committed).toBe(20);
  });
});
