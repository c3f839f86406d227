/**
 * Scenario tests for replication: the ISR shrinking and growing, the high watermark, leader
 * election on a crash, a restarted broker catching up, and unclean election.
 */
import { describe, expect, it } from 'vitest';
import { baseScenario, world } from './test-kit.ts';

const one = (over = {}) => baseScenario({ topics: [{ name: 'orders', partitions: 1, replicationFactor: 3, ...over }] });

describe('ISR and high watermark', () => {
  it('a follower that stops fetching leaves the ISR after replica.lag.time.max.ms, and rejoins once healed', () => {
    const w = world(one(), 1, { replicaLagTimeMaxMs: 1000 });
    w.idle();
    w.run({ type: 'cut-link', from: 'broker-1', to: 'broker-3' });
    w.run({ type: 'produce', topic: 'orders', key: 'k', value: 1, acks: 1 });
    w.idle();
    const shrunk = w.entries('isr-shrunk');
    expect(shrunk).toHaveLength(1);
    expect(shrunk[0]!.broker).toBe('broker-3');
    expect(shrunk[0]!.atMs).toBeGreaterThanOrEqual(1000);
    expect(w.summary().partitions[0]!.isr).toEqual(['broker-1', 'broker-2']);
    // Consumers may read up to HW = min LEO over the ISR, which no longer waits for broker-3.
    expect(w.summary().partitions[0]!.highWatermark).toBe(1);
    w.run({ type: 'heal-link', from: 'broker-1', to: 'broker-3' });
    w.advance(w.s.nowMs + 31_000);
    expect(w.entries('isr-expanded').map((e) => e.broker)).toEqual(['broker-3']);
    expect(w.summary().partitions[0]!.replicas.map((r) => r.logEndOffset)).toEqual([1, 1, 1]);
  });

  it('the HW waits for every ISR member, so acks=all is acknowledged only after replication', () => {
    const w = world(one());
    w.idle();
    w.run({ type: 'produce', topic: 'orders', key: 'k', value: 1, acks: 'all' });
    w.idle();
    const appended = w.entries('record-appended')[0]!.atMs;
    const copies = w.entries('records-replicated').map((e) => e.atMs);
    const hw = w.entries('hw-advanced')[0]!.atMs;
    const ack = w.entries('produce-acked')[0]!.atMs;
    expect(Math.min(...copies)).toBeGreaterThan(appended);
    expect(hw).toBeGreaterThan(Math.max(...copies));
    expect(ack).toBeGreaterThan(hw);
  });
});

describe('ISR membership by the LEO rule (review regression)', () => {
  it('a follower cut off from an idle leader stays in sync until new data makes it lag', () => {
    // Kafka's ReplicaState.isCaughtUp: leaderEndOffset == logEndOffset || now - lastCaughtUpTimeMs
    // <= replica.lag.time.max.ms. A follower that has the whole log is in sync however long ago it
    // last fetched; once the leader appends, its last caught-up time (the cut) counts.
    const w = world(one(), 1, { replicaLagTimeMaxMs: 1000 });
    w.run({ type: 'produce', topic: 'orders', key: 'k', value: 1 });
    w.idle();
    const cutAt = w.s.nowMs;
    w.run({ type: 'cut-link', from: 'broker-1', to: 'broker-3' });
    w.advance(cutAt + 10_000);
    expect(w.entries('isr-shrunk')).toHaveLength(0);
    expect(w.summary().partitions[0]!.isr).toEqual(['broker-1', 'broker-2', 'broker-3']);
    w.run({ type: 'produce', topic: 'orders', key: 'k', value: 2, acks: 'all' });
    w.idle();
    const shrunk = w.entries('isr-shrunk');
    expect(shrunk.map((e) => e.broker)).toEqual(['broker-3']);
    // Its last caught-up time is the cut, long past: it goes as soon as the leader has new data.
    expect(shrunk[0]!.atMs).toBeLessThan(cutAt + 10_010);
    expect(w.entries('produce-acked').map((e) => e.acks)).toEqual(['all', 'all']);
    expect(w.summary().partitions[0]!.highWatermark).toBe(2);
  });
});

describe('leader election', () => {
  it('a leader crash elects the next in-sync replica and bumps the epoch', () => {
    const w = world(one());
    w.run({ type: 'produce', topic: 'orders', key: 'k', value: 1 });
    w.idle();
    w.run({ type: 'crash-broker', broker: 1 });
    const elected = w.entries('leader-elected');
    expect(elected.map((e) => [e.broker, e.epoch, e.unclean])).toEqual([['broker-2', 1, false]]);
    expect(w.summary().partitions[0]!.isr).toEqual(['broker-2', 'broker-3']);
    expect(w.reject({ type: 'crash-broker', broker: 1 })).toMatch(/already down/);
  });

  it('a restarted broker catches up and rejoins the ISR', () => {
    const w = world(one());
    w.idle();
    w.run({ type: 'crash-broker', broker: 3 });
    for (let i = 0; i < 5; i++) w.run({ type: 'produce', topic: 'orders', key: `k${i}`, value: i });
    w.idle();
    w.run({ type: 'restart-broker', broker: 3 });
    w.idle();
    const p = w.summary().partitions[0]!;
    expect(p.isr).toEqual(['broker-1', 'broker-2', 'broker-3']);
    expect(p.replicas.map((r) => r.logEndOffset)).toEqual([5, 5, 5]);
  });

  it('a restarted broker keeps what the leader also has, even above its own HW (KIP-101)', () => {
    // broker-3 has copied all 3 records but has not yet heard the HW move. Kafka since 0.11 asks
    // the leader where its epoch ends (OffsetsForLeaderEpoch) instead of truncating to the HW, so
    // nothing is cut and nothing fetched again.
    const w = world(one());
    w.idle();
    for (let i = 0; i < 3; i++) w.run({ type: 'produce', topic: 'orders', key: `k${i}`, value: i });
    for (let n = 0; n < 200 && w.summary().partitions[0]!.replicas[2]!.logEndOffset < 3; n++) w.run({ type: 'step' });
    expect(w.summary().partitions[0]!.replicas[2]).toMatchObject({ logEndOffset: 3, highWatermark: 0 });
    w.run({ type: 'crash-broker', broker: 3 });
    w.run({ type: 'restart-broker', broker: 3 });
    w.idle();
    expect(w.entries('log-truncated')).toHaveLength(0);
    expect(w.entries('records-replicated').filter((e) => e.broker === 'broker-3' && e.fromOffset < 3)).toHaveLength(1);
    expect(w.summary().partitions[0]!.isr).toEqual(['broker-1', 'broker-2', 'broker-3']);
  });

  it('with every in-sync replica down the partition is offline, unless unclean election is on', () => {
    for (const unclean of [false, true]) {
      const w = world(one({ uncleanLeaderElection: unclean }), 1, { replicaLagTimeMaxMs: 500 });
      w.idle();
      w.run({ type: 'cut-link', from: 'broker-1', to: 'broker-2' });
      w.run({ type: 'cut-link', from: 'broker-1', to: 'broker-3' });
      w.run({ type: 'produce', topic: 'orders', key: 'k', value: 1, acks: 1 });
      w.idle();
      expect(w.summary().partitions[0]!.isr).toEqual(['broker-1']);
      w.run({ type: 'crash-broker', broker: 1 });
      const p = w.summary().partitions[0]!;
      if (!unclean) {
        expect(p.leader).toBeNull();
        expect(w.entries('partition-offline')).toHaveLength(1);
        // The last in-sync replica comes back and leads again, with nothing lost.
        w.run({ type: 'restart-broker', broker: 1 });
        w.idle();
        expect(w.summary().partitions[0]!.leader).toBe('broker-1');
        expect(w.summary().records.lost).toBe(0);
      } else {
        expect(p.leader).toBe('broker-2');
        expect(w.entries('leader-elected').at(-1)!.unclean).toBe(true);
        expect(w.summary().records.lost).toBe(1);
      }
    }
  });
});

describe('the high watermark with an ISR of one (Partition.appendRecordsToLeader → maybeIncrementLeaderHW)', () => {
  for (const acks of [0, 1] as const) {
    it(`moves on the leader's own append with acks=${acks}, so a consumer sees the record at once`, () => {
      const w = world(
        baseScenario({
          topics: [{ name: 'orders', partitions: 1, replicationFactor: 1 }],
          groups: [{ id: 'g', topics: ['orders'], consumers: 1, autoOffsetReset: 'earliest' }],
        }),
      );
      w.idle();
      w.run({ type: 'produce', topic: 'orders', key: 'k', value: 1, acks });
      w.idle();
      const p = w.summary().partitions[0]!;
      expect([p.logEndOffset, p.highWatermark]).toEqual([1, 1]);
      expect(w.summary().groups[0]!.delivered).toBe(1);
      // Well before the periodic ISR check (replica.lag.time.max.ms / 2 = 15 s) could have moved it.
      expect(w.entries('hw-advanced').map((e) => e.atMs)).toEqual([w.entries('record-appended')[0]!.atMs]);
    });
  }

  it('also when the followers have left the ISR', () => {
    const w = world(one(), 1, { replicaLagTimeMaxMs: 1000 });
    w.idle();
    w.run({ type: 'crash-broker', broker: 2 });
    w.run({ type: 'crash-broker', broker: 3 });
    w.run({ type: 'produce', topic: 'orders', key: 'k', value: 1, acks: 1 });
    w.idle();
    const p = w.summary().partitions[0]!;
    expect(p.isr).toEqual(['broker-1']);
    expect([p.logEndOffset, p.highWatermark]).toEqual([1, 1]);
  });
});
