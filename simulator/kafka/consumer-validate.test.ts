/**
 * KIP-320: after an unclean election cut the log below a consumer's position, the consumer
 * validates its position against the new leader's epochs and seeks to where the logs diverge
 * (SubscriptionState.maybeCompleteValidation), or, with auto.offset.reset=none, stops with
 * LogTruncationException. Before, it reset by auto.offset.reset (earliest: all over again).
 */
import { describe, expect, it } from 'vitest';
import type { OffsetReset } from './scenario/types.ts';
import { baseScenario, world } from './test-kit.ts';

function truncated(reset: OffsetReset) {
  const w = world(
    baseScenario({
      brokers: [{ id: 1 }, { id: 2 }],
      topics: [{ name: 'orders', partitions: 1, replicationFactor: 2, uncleanLeaderElection: true }],
      groups: [{ id: 'g', topics: ['orders'], consumers: 1, consumerIds: ['c1'], autoOffsetReset: reset, startAtMs: 1 }],
    }),
  );
  // The group starts from a committed offset 0, so auto.offset.reset plays no part until the truncation.
  w.run({ type: 'reset-offsets', group: 'g', topic: 'orders', to: 'earliest' });
  // Five records on both replicas, read by c1.
  for (let i = 0; i < 5; i++) w.run({ type: 'produce', topic: 'orders', key: `a${i}`, value: i, acks: 1 });
  w.idle();
  // broker-2 goes down; three more records only the leader has (ISR of one), which c1 reads too.
  w.run({ type: 'crash-broker', broker: 2 });
  for (let i = 0; i < 3; i++) w.run({ type: 'produce', topic: 'orders', key: `b${i}`, value: i, acks: 1 });
  w.idle();
  // The leader dies and the stale broker-2 is elected uncleanly: offsets 5..7 are gone.
  w.run({ type: 'crash-broker', broker: 1 });
  w.run({ type: 'restart-broker', broker: 2 });
  for (let i = 0; i < 5; i++) w.run({ type: 'produce', topic: 'orders', key: `c${i}`, value: i, acks: 1 });
  w.idle();
  return w;
}

describe('log truncation detected by the consumer (KIP-320)', () => {
  it('seeks to the divergence point and reads the new records there, without starting over', () => {
    const w = truncated('earliest');
    expect(w.entries('leader-elected').at(-1)!.unclean).toBe(true);
    const g = w.summary().groups[0]!;
    // 8 before the election, then the 5 new records at offsets 5..9: nothing read twice, nothing skipped.
    const offsets = w.entries('record-processed').map((e) => e.offset);
    expect(offsets).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 5, 6, 7, 8, 9]);
    expect(g.duplicated).toBe(0);
    expect(g.partitions[0]!.committed).toBe(10);
    const reset = w.entries('offset-reset').at(-1)!;
    expect(reset.offset).toBe(5);
    expect(reset.reason).toMatch(/truncat/i);
  });

  it('with auto.offset.reset=none, poll() throws LogTruncationException', () => {
    const w = truncated('none');
    const c1 = w.summary().consumers[0]!;
    expect(c1.phase).toBe('error');
    expect(c1.error).toBe(
      'LogTruncationException: truncation detected for orders-0 at offset 8; the first offset known to diverge is 5',
    );
    expect(w.entries('record-processed').map((e) => e.offset)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
});
